package dev.coffer.vault.crypto.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM sealing in the one layout every Coffer blob that carries a key uses: a clear prefix (a version
 * byte, or a header), a random 12-byte nonce, then the ciphertext and its 16-byte tag. What the prefix
 * holds and what the associated data binds are the caller's format; this class only seals and opens.
 */
public final class AesGcm {
    /** The nonce length, in bytes. */
    public static final int NONCE_LENGTH = 12;
    /** The tag length, in bytes. */
    public static final int TAG_LENGTH = 16;

    private AesGcm() {
    }

    /**
     * Seals a plaintext.
     *
     * @param key    the AES key (16, 24 or 32 bytes)
     * @param random the source of the nonce
     * @param prefix the clear bytes that start the blob
     * @param aad    the associated data
     * @param plain  the plaintext; not cleared
     * @return prefix ‖ nonce ‖ ciphertext ‖ tag
     * @throws GeneralSecurityException if the JCA fails
     */
    public static byte[] seal(byte[] key, SecureRandom random, byte[] prefix, byte[] aad, byte[] plain)
            throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(prefix.length + NONCE_LENGTH + sealed.length)
                .put(prefix).put(nonce).put(sealed).array();
    }

    /**
     * Opens what {@link #seal} made.
     *
     * @param key          the AES key
     * @param blob         prefix ‖ nonce ‖ ciphertext ‖ tag
     * @param prefixLength where the nonce starts; the caller has checked that a nonce and a tag follow
     * @param aad          the associated data
     * @return the plaintext; the caller clears it
     * @throws AEADBadTagException      if the blob or the associated data was altered, or the key is another
     * @throws GeneralSecurityException if the JCA fails otherwise
     */
    public static byte[] open(byte[] key, byte[] blob, int prefixLength, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_LENGTH * 8, blob, prefixLength, NONCE_LENGTH));
        cipher.updateAAD(aad);
        int start = prefixLength + NONCE_LENGTH;
        return cipher.doFinal(blob, start, blob.length - start);
    }

    /**
     * @param context a fixed context string's bytes
     * @param header  a blob's clear header
     * @return context ‖ header, the associated data of a blob whose header is bound to a context
     */
    public static byte[] concat(byte[] context, byte[] header) {
        Objects.requireNonNull(header, "header");
        byte[] out = Arrays.copyOf(context, context.length + header.length);
        System.arraycopy(header, 0, out, context.length, header.length);
        return out;
    }
}
