package dev.coffer.vault.core.internal.util;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The one source of identifiers: object ids, GUIDs, version ids. Backed by an injectable
 * {@link SecureRandom} so a test (or the testkit's deterministic mode) can make them repeatable.
 */
public final class Ids {
    private final SecureRandom random;
    private final long correlationHigh;
    private final long correlationSalt;
    private final java.util.concurrent.atomic.AtomicLong correlationCounter = new java.util.concurrent.atomic.AtomicLong();

    /** @param random the randomness source */
    public Ids(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        byte[] b = new byte[16];
        random.nextBytes(b);
        this.correlationHigh = java.nio.ByteBuffer.wrap(b).getLong(0);
        this.correlationSalt = java.nio.ByteBuffer.wrap(b).getLong(8);
    }

    /**
     * A correlation id for a call that brought none: unique per platform and cheap, because every call
     * needs one and correlation ids are not secrets (a per-platform random prefix and a counter, so
     * deterministic mode reproduces them too).
     *
     * @return a GUID-shaped id
     */
    public String newCorrelationId() {
        return new UUID(correlationHigh, correlationSalt ^ correlationCounter.incrementAndGet()).toString();
    }

    /** @return a random (version 4) GUID in canonical lower-case form */
    public String newGuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }

    /** @return a 32-character lower-case hex id, the shape of a Key Vault object version */
    public String newVersionId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** @return the randomness source, for components that need raw random bytes */
    public SecureRandom random() {
        return random;
    }
}
