package dev.coffer.vault.core.internal.lifecycle;

import java.time.Instant;

/**
 * One kind of time-driven work the platform's sweep runs: purging what passed its date,
 * rotating keys whose policy is due. Must be idempotent (compare-and-set) and audited.
 */
@FunctionalInterface
public interface SweepTask {
    /**
     * @param now the sweep's clock time
     * @return how many items it acted on
     */
    int run(Instant now);
}
