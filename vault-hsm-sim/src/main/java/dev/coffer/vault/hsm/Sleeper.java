package dev.coffer.vault.hsm;

import java.time.Duration;

/**
 * How the simulator waits out a simulated latency. Injected so that tests can observe the waits without
 * spending them.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread with {@link Thread#sleep(long, int)}. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /**
     * Waits for the duration.
     *
     * @param duration how long; positive
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
