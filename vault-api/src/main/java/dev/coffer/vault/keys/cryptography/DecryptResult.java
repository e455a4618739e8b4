package dev.coffer.vault.keys.cryptography;

import java.util.Objects;

/**
 * The outcome of {@link CryptographyClient#decrypt}: the plaintext, the algorithm and the key id. Immutable: the bytes are copied on the way in and out. {@link #toString()} shows only lengths.
 */
public final class DecryptResult {
    private final byte[] plainText;
    private final EncryptionAlgorithm algorithm;
    private final String keyId;

    /**
     * @param plainText the bytes
     * @param algorithm the algorithm used
     * @param keyId     the id, with version, of the key used
     */
    public DecryptResult(byte[] plainText, EncryptionAlgorithm algorithm, String keyId) {
        this.plainText = Objects.requireNonNull(plainText, "plainText").clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** @return a copy of the bytes */
    public byte[] getPlainText() {
        return plainText.clone();
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
        return "DecryptResult[" + keyId + ", " + algorithm + ", plainText " + plainText.length + " bytes, **redacted**]";
    }
}
