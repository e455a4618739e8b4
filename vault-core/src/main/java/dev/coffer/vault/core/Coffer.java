package dev.coffer.vault.core;

/**
 * Entry point to Coffer's in-memory implementation.
 *
 * <pre>{@code
 * CofferPlatform platform = Coffer.inMemory()
 *         .clock(Clock.systemUTC())
 *         .build();
 * }</pre>
 */
public final class Coffer {
    private Coffer() {
    }

    /** @return a builder for a platform that keeps everything in memory */
    public static CofferBuilder inMemory() {
        return new CofferBuilder();
    }
}
