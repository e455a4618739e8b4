package dev.coffer.vault.core.internal.objects;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A version's attributes, at second precision as Azure's IntDate.
 *
 * @param enabled   whether the version is usable
 * @param notBefore not valid before, or null
 * @param expiresOn not valid after, or null
 * @param created   creation time
 * @param updated   last attribute change
 */
public record ObjectAttributes(boolean enabled, Instant notBefore, Instant expiresOn, Instant created, Instant updated) {

    /** Truncates every time to whole seconds. */
    public ObjectAttributes {
        notBefore = seconds(notBefore);
        expiresOn = seconds(expiresOn);
        created = seconds(created);
        updated = seconds(updated);
    }

    /**
     * @param t a time or null
     * @return it truncated to seconds
     */
    public static Instant seconds(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param now the current time
     * @return whether now lies within notBefore..expiresOn
     */
    public boolean withinValidity(Instant now) {
        return (notBefore == null || !now.isBefore(notBefore)) && (expiresOn == null || now.isBefore(expiresOn));
    }
}
