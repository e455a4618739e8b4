package dev.coffer.vault;

/**
 * A monotonic source of nanoseconds, used only to measure durations (the audit trail's
 * {@code durationMs}). Wall-clock time comes from the platform's {@link java.time.Clock}, so a test
 * that fixes the clock still records real durations.
 */
@FunctionalInterface
public interface Ticker {
    /** @return nanoseconds since an arbitrary origin; never decreasing */
    long read();

    /** @return the ticker backed by {@link System#nanoTime()} */
    static Ticker system() {
        return System::nanoTime;
    }
}
