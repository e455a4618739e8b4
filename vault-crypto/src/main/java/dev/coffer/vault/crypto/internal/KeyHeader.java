package dev.coffer.vault.crypto.internal;

import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The clear description of a key in a provider's backup header: kty (1-byte length, UTF-8), size in bits
 * (unsigned 16-bit, big-endian), crv (1-byte length, UTF-8; empty for none). Both providers' backup
 * formats carry it, each inside its own header.
 *
 * @param type  the key type
 * @param size  the key size in bits
 * @param curve the curve, or null
 */
public record KeyHeader(KeyType type, int size, KeyCurveName curve) {

    /**
     * Appends the encoding.
     *
     * @param out where to write
     */
    public void writeTo(ByteArrayOutputStream out) {
        writeShortString(out, type.toString());
        out.write(size >>> 8);
        out.write(size);
        writeShortString(out, curve == null ? "" : curve.toString());
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @param in positioned at the encoding; left after it
     * @return the header
     * @throws java.nio.BufferUnderflowException if the input ends inside the encoding
     */
    public static KeyHeader readFrom(ByteBuffer in) {
        KeyType type = KeyType.fromString(readShortString(in));
        int size = in.getShort() & 0xffff;
        String curveName = readShortString(in);
        return new KeyHeader(type, size, curveName.isEmpty() ? null : KeyCurveName.fromString(curveName));
    }

    private static void writeShortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readShortString(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
