package dev.coffer.vault.core.internal.objects;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * How one object type's payload and name-level metadata go into a backup body.
 *
 * @param <P> the payload type
 */
public interface PayloadCodec<P extends Payload> {
    /**
     * @param out     where to write
     * @param payload the payload
     * @throws IOException never for in-memory streams
     */
    void write(DataOutputStream out, P payload) throws IOException;

    /**
     * @param in where to read
     * @return the payload
     * @throws IOException if the body is malformed
     */
    P read(DataInputStream in) throws IOException;

    /**
     * @param out  where to write
     * @param meta name-level metadata, possibly null
     * @throws IOException never for in-memory streams
     */
    default void writeMeta(DataOutputStream out, Object meta) throws IOException {
    }

    /**
     * @param in where to read
     * @return the metadata, or null
     * @throws IOException if the body is malformed
     */
    default Object readMeta(DataInputStream in) throws IOException {
        return null;
    }
}
