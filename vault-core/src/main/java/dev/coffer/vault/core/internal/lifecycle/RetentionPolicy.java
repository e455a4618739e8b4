package dev.coffer.vault.core.internal.lifecycle;

import dev.coffer.vault.BadParameterException;
import java.time.Duration;
import java.time.Instant;

/**
 * Soft-delete retention and purge protection, written once for vaults and every object type.
 * Retention is 7–90 days, fixed when the vault is created; purge protection, once on, stays on.
 *
 * @param retentionDays   7..90
 * @param purgeProtection whether purges are refused until the scheduled purge date
 */
public record RetentionPolicy(int retentionDays, boolean purgeProtection) {
    /** Azure's minimum retention. */
    public static final int MIN_DAYS = 7;
    /** Azure's maximum and default retention. */
    public static final int MAX_DAYS = 90;

    /** Validates the retention. */
    public RetentionPolicy {
        if (retentionDays < MIN_DAYS || retentionDays > MAX_DAYS) {
            throw new BadParameterException("BadRequest", null,
                    "softDeleteRetentionInDays must be between " + MIN_DAYS + " and " + MAX_DAYS + ", was " + retentionDays + ".");
        }
    }

    /**
     * @param deletedOn when the item was deleted
     * @return when the platform purges it
     */
    public Instant scheduledPurgeDate(Instant deletedOn) {
        return deletedOn.plus(Duration.ofDays(retentionDays));
    }

    /**
     * @return the recovery level objects in such a vault report: {@code Recoverable+Purgeable},
     * {@code Recoverable}, {@code CustomizedRecoverable+Purgeable} or {@code CustomizedRecoverable}
     */
    public String recoveryLevel() {
        String base = retentionDays == MAX_DAYS ? "Recoverable" : "CustomizedRecoverable";
        return purgeProtection ? base : base + "+Purgeable";
    }

    /**
     * @param now                the current time
     * @param scheduledPurgeDate the item's scheduled purge date
     * @return whether the item's retention has passed, so it is gone for every reader
     */
    public static boolean expired(Instant now, Instant scheduledPurgeDate) {
        return !now.isBefore(scheduledPurgeDate);
    }

    /**
     * Whether a caller may purge now: always without purge protection; with it, only once the
     * scheduled purge date has come (and then the platform does it anyway).
     *
     * @param now                the current time
     * @param scheduledPurgeDate the item's scheduled purge date
     * @return whether a purge is allowed
     */
    public boolean purgeAllowed(Instant now, Instant scheduledPurgeDate) {
        return !purgeProtection || expired(now, scheduledPurgeDate);
    }
}
