package dev.coffer.vault.keys.cryptography;

import java.util.Objects;

/**
 * The outcome of {@link CryptographyClient#wrapKey}: the wrapped key, the algorithm and the key id. Immutable: the bytes are copied on the way in and out. {@link #toString()} shows only lengths.
 */
public final class WrapResult {
    private final byte[] encryptedKey;
    private final KeyWrapAlgorithm algorithm;
    private final String keyId;

    /**
     * @param encryptedKey the bytes
     * @param algorithm the algorithm used
     * @param keyId     the id, with version, of the key used
     */
    public WrapResult(byte[] encryptedKey, KeyWrapAlgorithm algorithm, String keyId) {
        this.encryptedKey = Objects.requireNonNull(encryptedKey, "encryptedKey").clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** @return a copy of the bytes */
    public byte[] getEncryptedKey() {
        return encryptedKey.clone();
    }

    /** @return the algorithm used */
    public KeyWrapAlgorithm getAlgorithm() {
        return algorithm;
    }

    /** @return the id, with version, of the key used */
    public String getKeyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "WrapResult[" + keyId + ", " + algorithm + ", encryptedKey " + encryptedKey.length + " bytes]";
    }
}
