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

    /** @param random the randomness source */
    public Ids(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
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
