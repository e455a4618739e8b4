package dev.coffer.vault.authorization;

/** How {@code updateAccessPolicies} combines the given entries with the vault's (ARM's {@code operationKind}). */
public enum AccessPolicyUpdateKind {
    /** Adds the permissions to the principal's entry, creating it if needed. */
    ADD,
    /** Replaces the principal's entry's permissions with the given ones. */
    REPLACE,
    /** Removes the given permissions from the principal's entry, dropping it when none remain. */
    REMOVE
}
