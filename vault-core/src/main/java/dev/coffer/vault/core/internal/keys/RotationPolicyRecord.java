package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.keys.KeyRotationLifetimeAction;
import dev.coffer.vault.keys.KeyRotationPolicy;
import dev.coffer.vault.keys.KeyRotationPolicyAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated rotation policy as the vault stores it (in the key entry's name-level metadata).
 *
 * @param rotateAfterCreate  Rotate this long after the latest version's creation, or null
 * @param rotateBeforeExpiry Rotate this long before the latest version's expiry, or null
 * @param notifyBeforeExpiry Notify this long before a version's expiry, or null for no Notify action
 * @param expiresIn          expiry given to new versions made by rotation, or null
 * @param created            when the policy was first set
 * @param updated            when it last changed
 */
public record RotationPolicyRecord(IsoPeriod rotateAfterCreate, IsoPeriod rotateBeforeExpiry,
                                   IsoPeriod notifyBeforeExpiry, IsoPeriod expiresIn, Instant created,
                                   Instant updated) {

    /** Azure's Notify default: 30 days before expiry. */
    public static final String DEFAULT_NOTIFY = "P30D";
    /** The shortest time after creation and before expiry at which a vault rotates. */
    public static final int MIN_ROTATION_DAYS = 7;
    /** The shortest expiry a policy may give new versions. */
    public static final int MIN_EXPIRY_DAYS = 28;

    /** The policy a key without its own reports and follows: Notify 30 days before expiry. */
    public static final RotationPolicyRecord DEFAULT = new RotationPolicyRecord(null, null,
            IsoPeriod.parse("notify", DEFAULT_NOTIFY), null, null, null);

    /**
     * Validates a caller's policy. Durations are checked by calendar arithmetic from {@code now}, so
     * {@code P1M} counts as the days of the coming month.
     *
     * @param policy  the caller's policy
     * @param now     the current time
     * @param created when the stored policy was first set, or null if there is none
     * @return the record
     * @throws BadParameterException for any rule broken; nothing is stored then
     */
    public static RotationPolicyRecord from(KeyRotationPolicy policy, Instant now, Instant created) {
        if (policy == null) {
            throw bad("policy: a rotation policy is required.");
        }
        List<KeyRotationLifetimeAction> actions = policy.getLifetimeActions() == null ? List.of()
                : new ArrayList<>(policy.getLifetimeActions());
        IsoPeriod expiresIn = policy.getExpiresIn() == null ? null : IsoPeriod.parse("expiryTime", policy.getExpiresIn());
        if (expiresIn != null && !expiresIn.atLeastDays(now, MIN_EXPIRY_DAYS)) {
            throw bad("expiryTime: '" + expiresIn + "' is shorter than the minimum of " + MIN_EXPIRY_DAYS + " days.");
        }
        if (actions.size() > 2) {
            throw bad("lifetimeActions: at most two actions are allowed, one Rotate and one Notify.");
        }
        IsoPeriod afterCreate = null;
        IsoPeriod beforeExpiry = null;
        IsoPeriod notify = null;
        boolean sawRotate = false;
        boolean sawNotify = false;
        for (KeyRotationLifetimeAction a : actions) {
            if (a == null) {
                throw bad("lifetimeActions: an action must not be null.");
            }
            boolean hasAfter = a.getTimeAfterCreate() != null;
            boolean hasBefore = a.getTimeBeforeExpiry() != null;
            if (KeyRotationPolicyAction.ROTATE.equals(a.getAction())) {
                if (sawRotate) {
                    throw bad("lifetimeActions: only one Rotate action is allowed.");
                }
                sawRotate = true;
                if (hasAfter == hasBefore) {
                    throw bad("lifetimeActions: a Rotate action needs exactly one trigger, timeAfterCreate or "
                            + "timeBeforeExpiry.");
                }
                if (hasAfter) {
                    afterCreate = atLeast("timeAfterCreate", a.getTimeAfterCreate(), now);
                } else {
                    beforeExpiry = atLeast("timeBeforeExpiry", a.getTimeBeforeExpiry(), now);
                }
            } else if (KeyRotationPolicyAction.NOTIFY.equals(a.getAction())) {
                if (sawNotify) {
                    throw bad("lifetimeActions: only one Notify action is allowed.");
                }
                sawNotify = true;
                if (hasAfter) {
                    throw bad("lifetimeActions: a Notify action takes only timeBeforeExpiry, not timeAfterCreate.");
                }
                notify = atLeast("timeBeforeExpiry", hasBefore ? a.getTimeBeforeExpiry() : DEFAULT_NOTIFY, now);
            } else {
                throw bad("lifetimeActions: unknown action type '" + a.getAction() + "'; use Rotate or Notify.");
            }
        }
        if (beforeExpiry != null) {
            if (expiresIn == null) {
                throw bad("expiryTime: a Rotate action with timeBeforeExpiry needs the policy's expiryTime.");
            }
            // Rotating expiresIn - timeBeforeExpiry after creation must still leave 7 days after creation.
            Instant rotateAt = beforeExpiry.before(expiresIn.after(now));
            if (rotateAt.isBefore(now.plus(java.time.Duration.ofDays(MIN_ROTATION_DAYS)))) {
                throw bad("timeBeforeExpiry: '" + beforeExpiry + "' before an expiry of '" + expiresIn
                        + "' rotates less than " + MIN_ROTATION_DAYS + " days after creation.");
            }
        }
        if (afterCreate != null && expiresIn != null) {
            Instant expiry = expiresIn.after(now);
            if (afterCreate.after(now).isAfter(expiry.minus(java.time.Duration.ofDays(MIN_ROTATION_DAYS)))) {
                throw bad("timeAfterCreate: '" + afterCreate + "' rotates less than " + MIN_ROTATION_DAYS
                        + " days before an expiry of '" + expiresIn + "'.");
            }
        }
        return new RotationPolicyRecord(afterCreate, beforeExpiry, notify, expiresIn, created == null ? now : created, now);
    }

    private static IsoPeriod atLeast(String field, String text, Instant now) {
        IsoPeriod p = IsoPeriod.parse(field, text);
        if (!p.atLeastDays(now, MIN_ROTATION_DAYS)) {
            throw bad(field + ": '" + text + "' is shorter than the minimum of " + MIN_ROTATION_DAYS + " days.");
        }
        return p;
    }

    private static BadParameterException bad(String message) {
        return new BadParameterException("BadParameter", null, message);
    }

    /**
     * @param id the policy id
     * @return a fresh API copy
     */
    public KeyRotationPolicy toApi(String id) {
        List<KeyRotationLifetimeAction> list = new ArrayList<>();
        if (rotateAfterCreate != null) {
            list.add(new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeAfterCreate(rotateAfterCreate.text()));
        }
        if (rotateBeforeExpiry != null) {
            list.add(new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE)
                    .setTimeBeforeExpiry(rotateBeforeExpiry.text()));
        }
        if (notifyBeforeExpiry != null) {
            list.add(new KeyRotationLifetimeAction(KeyRotationPolicyAction.NOTIFY)
                    .setTimeBeforeExpiry(notifyBeforeExpiry.text()));
        }
        return new KeyRotationPolicy(id, list, expiresIn == null ? null : expiresIn.text(), created, updated);
    }

    /**
     * @param created the latest version's creation
     * @param expires the latest version's expiry, or null
     * @return when the Rotate trigger fires for that version, or null if it never does
     */
    public Instant rotationDue(Instant created, Instant expires) {
        if (rotateAfterCreate != null) {
            return rotateAfterCreate.after(created);
        }
        if (rotateBeforeExpiry != null && expires != null) {
            return rotateBeforeExpiry.before(expires);
        }
        return null;
    }

    /**
     * @param from when the new version is created
     * @return the expiry of a version made by rotation, or null
     */
    public Instant newVersionExpiry(Instant from) {
        return expiresIn == null ? null : expiresIn.after(from);
    }
}
