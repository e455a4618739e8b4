package dev.coffer.vault.hsm.internal;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The clear header of a simulated-HSM wrapped reference, and where its sealed part starts:
 * {@code 0xC5} (format) ‖ partition id (1-byte length, UTF-8) ‖ 16-byte object id ‖ attribute flags ‖
 * 12-byte nonce ‖ AES-256-GCM ciphertext and tag. The header is authenticated as AAD, so it can be read
 * before opening but not changed.
 */
record KeyBlob(String partition, byte[] objectId, int flags, int headerLength) {

    static final byte FORMAT = (byte) 0xC5;
    static final int OBJECT_ID_LENGTH = 16;

    /** PKCS#11 CKA_LOCAL: generated inside the device. */
    static final int LOCAL = 1;
    /** PKCS#11 CKA_SENSITIVE. */
    static final int SENSITIVE = 1 << 1;
    /** PKCS#11 CKA_EXTRACTABLE; never set by this device. */
    static final int EXTRACTABLE = 1 << 2;
    /** PKCS#11 CKA_NEVER_EXTRACTABLE. */
    static final int NEVER_EXTRACTABLE = 1 << 3;
    /** PKCS#11 CKA_ALWAYS_SENSITIVE. */
    static final int ALWAYS_SENSITIVE = 1 << 4;

    static byte[] header(String partition, byte[] objectId, int flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FORMAT);
        byte[] name = partition.getBytes(StandardCharsets.UTF_8);
        out.write(name.length);
        out.writeBytes(name);
        out.writeBytes(objectId);
        out.write(flags);
        return out.toByteArray();
    }

    /**
     * Reads the header.
     *
     * @return the header, or null if the bytes are not a well-formed header of this format
     */
    static KeyBlob parse(byte[] wrapped) {
        if (wrapped == null || wrapped.length < 2 || wrapped[0] != FORMAT) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(wrapped);
            in.get();
            byte[] name = new byte[in.get() & 0xff];
            in.get(name);
            byte[] objectId = new byte[OBJECT_ID_LENGTH];
            in.get(objectId);
            int flags = in.get() & 0xff;
            return new KeyBlob(new String(name, StandardCharsets.UTF_8), objectId, flags, in.position());
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    String objectIdHex() {
        return HexFormat.of().formatHex(objectId);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyBlob that && partition.equals(that.partition)
                && Arrays.equals(objectId, that.objectId) && flags == that.flags && headerLength == that.headerLength;
    }

    @Override
    public int hashCode() {
        return partition.hashCode() * 31 + Arrays.hashCode(objectId);
    }

    @Override
    public String toString() {
        return "KeyBlob[partition=" + partition + ", object=" + objectIdHex() + ", flags=" + flags + "]";
    }
}
