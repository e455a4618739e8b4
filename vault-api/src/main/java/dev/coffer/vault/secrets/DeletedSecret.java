package dev.coffer.vault.secrets;

import java.time.Instant;

/**
 * A soft-deleted secret: the latest version's properties plus when and how it can be recovered.
 *
 * @param properties         the latest version's properties at deletion
 * @param recoveryId         {@code https://{vault}.vault.azure.net/deletedsecrets/{name}}
 * @param deletedOn          when it was deleted
 * @param scheduledPurgeDate when the platform purges it
 */
public record DeletedSecret(SecretProperties properties, String recoveryId, Instant deletedOn,
                            Instant scheduledPurgeDate) {
    /** @return the name */
    public String getName() {
        return properties.name();
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
