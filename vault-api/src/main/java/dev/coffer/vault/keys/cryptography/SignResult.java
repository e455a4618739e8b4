package dev.coffer.vault.keys.cryptography;

import java.util.Objects;

/**
 * The outcome of {@link CryptographyClient#sign}: the signature, the algorithm and the key id. Immutable: the bytes are copied on the way in and out. {@link #toString()} shows only lengths.
 */
public final class SignResult {
    private final byte[] signature;
    private final SignatureAlgorithm algorithm;
    private final String keyId;

    /**
     * @param signature the bytes
     * @param algorithm the algorithm used
     * @param keyId     the id, with version, of the key used
     */
    public SignResult(byte[] signature, SignatureAlgorithm algorithm, String keyId) {
        this.signature = Objects.requireNonNull(signature, "signature").clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** @return a copy of the bytes */
    public byte[] getSignature() {
        return signature.clone();
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
        return "SignResult[" + keyId + ", " + algorithm + ", signature " + signature.length + " bytes]";
    }
}
