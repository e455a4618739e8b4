package dev.coffer.vault.hsm.internal;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869), extract then expand. Used to derive the software provider's key-encryption key
 * from the platform root key, the provider's own subkeys, and backup sealing keys.
 */
public final class Hkdf {
    /** RFC 5869 caps the output at 255 hash lengths. */
    private static final int MAX_LENGTH = 255 * 32;

    private Hkdf() {
    }

    /**
     * Derives key material.
     *
     * @param ikm    the input key material; not null, not empty
     * @param salt   the salt, or null (or empty) for RFC 5869's all-zero salt
     * @param info   the context that separates uses of the same ikm, or null for none
     * @param length the number of bytes to derive, 1 to 8160
     * @return the derived bytes; the caller owns (and should clear) them
     * @throws NullPointerException     if ikm is null
     * @throws IllegalArgumentException if ikm is empty or length is out of range
     */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        Objects.requireNonNull(ikm, "ikm");
        if (ikm.length == 0) {
            throw new IllegalArgumentException("ikm must not be empty");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be between 1 and " + MAX_LENGTH + ", was " + length);
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt == null || salt.length == 0 ? null : salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
