package dev.coffer.vault.core.internal.vaults;

import java.util.Set;

/**
 * One access-policy entry as stored: permissions are kept in lower case for matching.
 *
 * @param tenantId      the tenant
 * @param objectId      the user, group, service principal or managed identity
 * @param applicationId for a compound identity, the application the user must call through; else null
 * @param keys          key permissions
 * @param secrets       secret permissions
 * @param certificates  certificate permissions
 * @param storage       storage permissions
 */
public record AccessPolicyRecord(String tenantId, String objectId, String applicationId, Set<String> keys,
                                 Set<String> secrets, Set<String> certificates, Set<String> storage) {
    /** Copies the sets. */
    public AccessPolicyRecord {
        keys = Set.copyOf(keys);
        secrets = Set.copyOf(secrets);
        certificates = Set.copyOf(certificates);
        storage = Set.copyOf(storage);
    }
}
