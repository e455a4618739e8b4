package dev.coffer.vault;

import java.time.Instant;
import java.util.Map;

/**
 * A soft-deleted vault: the proxy resource ARM keeps until it is recovered or purged. The vault's
 * name stays reserved meanwhile.
 *
 * @param id                     the deleted vault's resource ID ({@code .../locations/{l}/deletedVaults/{n}})
 * @param name                   the vault name
 * @param vaultId                the resource ID the vault had
 * @param location               the region
 * @param deletionDate           when it was deleted
 * @param scheduledPurgeDate     when the platform purges it: deletion date plus retention
 * @param tags                   its tags
 * @param purgeProtectionEnabled whether purge is refused until the scheduled purge date
 */
public record DeletedVault(Scope id, String name, Scope vaultId, Location location, Instant deletionDate,
                           Instant scheduledPurgeDate, Map<String, String> tags, boolean purgeProtectionEnabled) {
    /** Copies the tags. */
    public DeletedVault {
        tags = Map.copyOf(tags);
    }
}
