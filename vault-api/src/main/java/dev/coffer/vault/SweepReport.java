package dev.coffer.vault;

import java.time.Instant;

/**
 * What one run of the platform's time sweep did.
 *
 * @param at                   the clock time the sweep ran at
 * @param vaultsPurged         soft-deleted vaults purged because their scheduled purge date passed
 * @param objectsPurged        soft-deleted secrets, keys and certificates purged likewise
 * @param otherActions         other time-driven actions taken (rotations, notices)
 */
public record SweepReport(Instant at, int vaultsPurged, int objectsPurged, int otherActions) {
}
