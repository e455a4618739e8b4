package dev.coffer.vault.keys;

import java.util.Objects;

/**
 * One action of a {@link KeyRotationPolicy} and when it fires: a time after the version's creation
 * ({@code Rotate} only) or a time before its expiry, as an ISO-8601 duration ({@code P90D},
 * {@code P3M}, {@code P1Y10D}, {@code PT48H}). A mutable builder as in the Azure SDK; the vault copies
 * it when a policy is set.
 *
 * <pre>{@code
 * new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeAfterCreate("P90D");
 * }</pre>
 */
public final class KeyRotationLifetimeAction {
    private final KeyRotationPolicyAction action;
    private String timeAfterCreate;
    private String timeBeforeExpiry;

    /** @param action what to do; not null */
    public KeyRotationLifetimeAction(KeyRotationPolicyAction action) {
        this.action = Objects.requireNonNull(action, "action");
    }

    /** @return what to do */
    public KeyRotationPolicyAction getAction() {
        return action;
    }

    /**
     * @param timeAfterCreate how long after a version's creation to rotate, ISO-8601 (at least 7 days)
     * @return this
     */
    public KeyRotationLifetimeAction setTimeAfterCreate(String timeAfterCreate) {
        this.timeAfterCreate = timeAfterCreate;
        return this;
    }

    /** @return the time after creation, or null */
    public String getTimeAfterCreate() {
        return timeAfterCreate;
    }

    /**
     * @param timeBeforeExpiry how long before a version's expiry to act, ISO-8601 (at least 7 days)
     * @return this
     */
    public KeyRotationLifetimeAction setTimeBeforeExpiry(String timeBeforeExpiry) {
        this.timeBeforeExpiry = timeBeforeExpiry;
        return this;
    }

    /** @return the time before expiry, or null */
    public String getTimeBeforeExpiry() {
        return timeBeforeExpiry;
    }

    @Override
    public String toString() {
        return action + (timeAfterCreate != null ? " timeAfterCreate=" + timeAfterCreate : "")
                + (timeBeforeExpiry != null ? " timeBeforeExpiry=" + timeBeforeExpiry : "");
    }
}
