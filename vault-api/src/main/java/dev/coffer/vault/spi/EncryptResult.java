package dev.coffer.vault.spi;

import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import java.util.Arrays;
import java.util.Objects;

/**
 * The output of {@link CryptoProvider#encrypt}: the ciphertext and, for AES modes, the IV used and the
 * authentication tag. Immutable: arrays are copied on the way in and out.
 *
 * @param algorithm  the algorithm used; not null
 * @param ciphertext the ciphertext, without the tag; not null
 * @param iv         the IV (AES-GCM, AES-CBC), or null for RSA
 * @param tag        the 16-byte authentication tag (AES-GCM), or null
 */
public record EncryptResult(EncryptionAlgorithm algorithm, byte[] ciphertext, byte[] iv, byte[] tag) {

    /** Checks and copies the fields. */
    public EncryptResult {
        Objects.requireNonNull(algorithm, "algorithm");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
        iv = iv == null ? null : iv.clone();
        tag = tag == null ? null : tag.clone();
    }

    /** @return a copy of the ciphertext */
    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** @return a copy of the IV, or null */
    @Override
    public byte[] iv() {
        return iv == null ? null : iv.clone();
    }

    /** @return a copy of the authentication tag, or null */
    @Override
    public byte[] tag() {
        return tag == null ? null : tag.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptResult that && algorithm.equals(that.algorithm)
                && Arrays.equals(ciphertext, that.ciphertext) && Arrays.equals(iv, that.iv)
                && Arrays.equals(tag, that.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, Arrays.hashCode(ciphertext), Arrays.hashCode(iv), Arrays.hashCode(tag));
    }

    @Override
    public String toString() {
        return "EncryptResult[" + algorithm + ", ciphertext " + ciphertext.length + " bytes"
                + (iv == null ? "" : ", iv " + iv.length + " bytes")
                + (tag == null ? "" : ", tag " + tag.length + " bytes") + "]";
    }
}
