package dev.coffer.vault.keys.cryptography;

import java.util.Objects;

/**
 * The outcome of {@link CryptographyClient#verify}: whether the signature is valid, the algorithm and
 * the key id. A malformed signature is simply not valid; only key, algorithm or permission problems throw.
 */
public final class VerifyResult {
    private final boolean valid;
    private final SignatureAlgorithm algorithm;
    private final String keyId;

    /**
     * @param valid     whether the signature is valid
     * @param algorithm the algorithm used
     * @param keyId     the id, with version, of the key used
     */
    public VerifyResult(boolean valid, SignatureAlgorithm algorithm, String keyId) {
        this.valid = valid;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** @return whether the signature is valid */
    public boolean isValid() {
        return valid;
    }

    /** @return the algorithm used */
    public SignatureAlgorithm getAlgorithm() {
        return algorithm;
    }

    /** @return the id, with version, of the key used */
    public String getKeyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "VerifyResult[" + keyId + ", " + algorithm + ", valid=" + valid + "]";
    }
}
