package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.DeletedVault;
import dev.coffer.vault.Scope;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.core.internal.lifecycle.RetentionPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One vault name's state in the store: an active or a soft-deleted vault. Immutable; every change
 * is a compare-and-set of a whole new entry, whose {@code revision} makes it distinct from the old.
 *
 * @param revision           increases with every change
 * @param deleted            whether the vault is soft-deleted
 * @param properties         the vault's properties
 * @param accessPolicies     the vault's access policies (kept under either permission model)
 * @param deletionDate       when it was deleted, or null
 * @param scheduledPurgeDate when it will be purged, or null
 * @param contents           its secrets, keys and certificates
 */
public record VaultEntry(long revision, boolean deleted, VaultProperties properties,
                         List<AccessPolicyRecord> accessPolicies, Instant deletionDate, Instant scheduledPurgeDate,
                         VaultContents contents) {

    /** Validates the components. */
    public VaultEntry {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(contents, "contents");
        accessPolicies = List.copyOf(accessPolicies);
    }

    /** @return the retention and purge-protection policy */
    public RetentionPolicy retention() {
        return new RetentionPolicy(properties.softDeleteRetentionInDays(), properties.purgeProtectionEnabled());
    }

    /** @return the vault name */
    public String name() {
        return properties.name();
    }

    /**
     * @param now the current time
     * @return whether this is a deleted vault whose retention has passed (gone for every reader)
     */
    public boolean expired(Instant now) {
        return deleted && RetentionPolicy.expired(now, scheduledPurgeDate);
    }

    /**
     * @param now the current time
     * @return whether this is an active vault
     */
    public boolean active(Instant now) {
        return !deleted;
    }

    /** @return the resource ID of the deleted vault proxy */
    public Scope deletedScope() {
        return Scope.deletedVault(properties.subscriptionId(), properties.location().name(), properties.name());
    }

    /** @return this entry as a deleted vault */
    public DeletedVault toDeletedVault() {
        return new DeletedVault(deletedScope(), properties.name(), properties.id(), properties.location(),
                deletionDate, scheduledPurgeDate, properties.tags(), properties.purgeProtectionEnabled());
    }

    /**
     * @param next new properties
     * @return a new active entry with them
     */
    public VaultEntry withProperties(VaultProperties next) {
        return new VaultEntry(revision + 1, deleted, next, accessPolicies, deletionDate, scheduledPurgeDate, contents);
    }

    /**
     * @param policies new access policies
     * @return a new entry with them
     */
    public VaultEntry withAccessPolicies(List<AccessPolicyRecord> policies) {
        return new VaultEntry(revision + 1, deleted, properties, policies, deletionDate, scheduledPurgeDate, contents);
    }

    /**
     * @param now when it is deleted
     * @return the soft-deleted entry
     */
    public VaultEntry softDeleted(Instant now) {
        return new VaultEntry(revision + 1, true, properties, accessPolicies, now, retention().scheduledPurgeDate(now), contents);
    }

    /** @return the recovered, active entry */
    public VaultEntry recovered() {
        return new VaultEntry(revision + 1, false, properties, accessPolicies, null, null, contents);
    }
}
