package dev.coffer.vault.keys.cryptography;

import java.util.Objects;

/**
 * The outcome of {@link CryptographyClient#encrypt}: the ciphertext, the algorithm and the key id. Immutable: the bytes are copied on the way in and out. {@link #toString()} shows only lengths.
 */
public final class EncryptResult {
    private final byte[] cipherText;
    private final EncryptionAlgorithm algorithm;
    private final String keyId;

    /**
     * @param cipherText the bytes
     * @param algorithm the algorithm used
     * @param keyId     the id, with version, of the key used
     */
    public EncryptResult(byte[] cipherText, EncryptionAlgorithm algorithm, String keyId) {
        this.cipherText = Objects.requireNonNull(cipherText, "cipherText").clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** @return a copy of the bytes */
    public byte[] getCipherText() {
        return cipherText.clone();
    }

    /** @return the algorithm used */
    public EncryptionAlgorithm getAlgorithm() {
        return algorithm;
    }

    /** @return the id, with version, of the key used */
    public String getKeyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "EncryptResult[" + keyId + ", " + algorithm + ", cipherText " + cipherText.length + " bytes]";
    }
}
