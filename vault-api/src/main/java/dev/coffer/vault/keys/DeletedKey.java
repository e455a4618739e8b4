package dev.coffer.vault.keys;

import java.time.Instant;

/**
 * A soft-deleted key: its latest version (public key and properties) plus when and how it can be
 * recovered. Immutable.
 *
 * @param key                the latest version at deletion
 * @param recoveryId         {@code https://{vault}.vault.azure.net/deletedkeys/{name}}
 * @param deletedOn          when it was deleted
 * @param scheduledPurgeDate when the platform purges it
 */
public record DeletedKey(KeyVaultKey key, String recoveryId, Instant deletedOn, Instant scheduledPurgeDate) {
    /** @return the name */
    public String getName() {
        return key.getName();
    }

    /** @return the latest version's public key */
    public JsonWebKey getKey() {
        return key.getKey();
    }

    /** @return the latest version's properties */
    public KeyProperties getProperties() {
        return key.getProperties();
    }

    /** @return the recovery id (Azure SDK name) */
    public String getRecoveryId() {
        return recoveryId;
    }

    /** @return when it was deleted (Azure SDK name) */
    public Instant getDeletedOn() {
        return deletedOn;
    }

    /** @return when it will be purged (Azure SDK name) */
    public Instant getScheduledPurgeDate() {
        return scheduledPurgeDate;
    }
}
