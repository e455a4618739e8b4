package dev.coffer.vault.hsm.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The private components of one key, in the order fixed per key type (RSA: n, e, d, p, q, dp, dq, qi;
 * EC: d, x, y; oct: k), and their byte encoding, which is what a wrapped reference encrypts. Closing it
 * zeroes the components.
 */
final class KeyMaterial implements AutoCloseable {
    static final int RSA_PARTS = 8;
    static final int EC_PARTS = 3;
    static final int OCT_PARTS = 1;

    private static final byte ENCODING_VERSION = 1;

    private final byte[][] parts;

    KeyMaterial(byte[]... parts) {
        this.parts = parts;
    }

    byte[] part(int index) {
        return parts[index];
    }

    int size() {
        return parts.length;
    }

    /** Version byte, part count, then each part as a 2-byte length and its bytes. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ENCODING_VERSION);
        out.write(parts.length);
        for (byte[] part : parts) {
            out.write(part.length >>> 8);
            out.write(part.length);
            out.writeBytes(part);
        }
        byte[] encoded = out.toByteArray();
        // ByteArrayOutputStream keeps its own buffer; it is garbage now, and there is no API to clear it.
        return encoded;
    }

    /**
     * Decodes what {@link #encode()} produced.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed encoding with the expected count
     */
    static KeyMaterial decode(byte[] encoded, int expectedParts) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        if (in.remaining() < 2 || in.get() != ENCODING_VERSION || (in.get() & 0xff) != expectedParts) {
            throw new IllegalArgumentException("unexpected key material encoding");
        }
        byte[][] parts = new byte[expectedParts][];
        for (int i = 0; i < expectedParts; i++) {
            if (in.remaining() < 2) {
                throw new IllegalArgumentException("truncated key material");
            }
            int length = in.getShort() & 0xffff;
            if (in.remaining() < length) {
                throw new IllegalArgumentException("truncated key material");
            }
            parts[i] = new byte[length];
            in.get(parts[i]);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes after key material");
        }
        return new KeyMaterial(parts);
    }

    @Override
    public void close() {
        for (byte[] part : parts) {
            if (part != null) {
                Arrays.fill(part, (byte) 0);
            }
        }
    }
}
