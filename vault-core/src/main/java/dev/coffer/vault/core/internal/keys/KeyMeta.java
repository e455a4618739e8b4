package dev.coffer.vault.core.internal.keys;

import java.util.HashSet;
import java.util.Set;

/**
 * A key's name-level metadata: its rotation policy (null for Azure's default) and the versions whose
 * near-expiry notice was already recorded, so the sweep records each notice once.
 *
 * @param policy   the rotation policy, or null
 * @param notified version ids already notified
 */
public record KeyMeta(RotationPolicyRecord policy, Set<String> notified) {
    /** No policy, nothing notified. */
    public static final KeyMeta NONE = new KeyMeta(null, Set.of());

    /** Copies the set. */
    public KeyMeta {
        notified = Set.copyOf(notified);
    }

    /**
     * @param meta an entry's metadata
     * @return it as key metadata
     */
    public static KeyMeta of(Object meta) {
        return meta instanceof KeyMeta k ? k : NONE;
    }

    /** @return the policy in force: the stored one or Azure's default */
    public RotationPolicyRecord effectivePolicy() {
        return policy == null ? RotationPolicyRecord.DEFAULT : policy;
    }

    /**
     * @param next the new policy
     * @return a copy with it
     */
    public KeyMeta withPolicy(RotationPolicyRecord next) {
        return new KeyMeta(next, notified);
    }

    /**
     * @param versions versions just notified
     * @return a copy recording them
     */
    public KeyMeta withNotified(Set<String> versions) {
        Set<String> all = new HashSet<>(notified);
        all.addAll(versions);
        return new KeyMeta(policy, all);
    }
}
