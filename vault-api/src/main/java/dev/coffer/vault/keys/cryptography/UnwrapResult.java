package dev.coffer.vault.keys.cryptography;

import java.util.Objects;

/**
 * The outcome of {@link CryptographyClient#unwrapKey}: the unwrapped key, the algorithm and the key id. Immutable: the bytes are copied on the way in and out. {@link #toString()} shows only lengths.
 */
public final class UnwrapResult {
    private final byte[] key;
    private final KeyWrapAlgorithm algorithm;
    private final String keyId;

    /**
     * @param key the bytes
     * @param algorithm the algorithm used
     * @param keyId     the id, with version, of the key used
     */
    public UnwrapResult(byte[] key, KeyWrapAlgorithm algorithm, String keyId) {
        this.key = Objects.requireNonNull(key, "key").clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** @return a copy of the bytes */
    public byte[] getKey() {
        return key.clone();
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
        return "UnwrapResult[" + keyId + ", " + algorithm + ", key " + key.length + " bytes, **redacted**]";
    }
}
