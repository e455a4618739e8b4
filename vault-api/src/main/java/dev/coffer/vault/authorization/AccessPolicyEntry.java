package dev.coffer.vault.authorization;

import dev.coffer.vault.Principal;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a vault's legacy access policies: what a principal (or, for a group, each of its
 * members) may do on the data plane of a vault whose permission model is {@code ACCESS_POLICY}.
 * With an application id the entry is a compound identity: it applies only when that principal
 * calls through that application.
 *
 * <pre>{@code
 * AccessPolicyEntry entry = AccessPolicyEntry.of(app)
 *         .withSecrets("get", "list")
 *         .withKeys("get", "sign");
 * }</pre>
 *
 * @param tenantId      the tenant of the principal (must be the vault's)
 * @param objectId      a user, group, service principal or managed identity
 * @param applicationId for a compound identity, the application; else null
 * @param keys          key permissions, Azure's names ({@code get}, {@code sign}, ..., {@code all})
 * @param secrets       secret permissions
 * @param certificates  certificate permissions
 * @param storage       storage permissions
 */
public record AccessPolicyEntry(String tenantId, String objectId, String applicationId, List<String> keys,
                                List<String> secrets, List<String> certificates, List<String> storage) {

    /** Validates and copies. */
    public AccessPolicyEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(objectId, "objectId");
        keys = List.copyOf(keys);
        secrets = List.copyOf(secrets);
        certificates = List.copyOf(certificates);
        storage = List.copyOf(storage);
    }

    /**
     * @param principal the principal (or group) the entry is for
     * @return an entry with no permissions yet
     */
    public static AccessPolicyEntry of(Principal principal) {
        return new AccessPolicyEntry(principal.tenantId(), principal.objectId(), null, List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * @param user the user calling through the application
     * @param applicationId the application it must call through
     * @return a compound-identity entry with no permissions yet
     */
    public static AccessPolicyEntry compound(Principal user, String applicationId) {
        return new AccessPolicyEntry(user.tenantId(), user.objectId(), Objects.requireNonNull(applicationId), List.of(),
                List.of(), List.of(), List.of());
    }

    /**
     * @param permissions key permissions
     * @return a copy with them
     */
    public AccessPolicyEntry withKeys(String... permissions) {
        return new AccessPolicyEntry(tenantId, objectId, applicationId, List.of(permissions), secrets, certificates, storage);
    }

    /**
     * @param permissions secret permissions
     * @return a copy with them
     */
    public AccessPolicyEntry withSecrets(String... permissions) {
        return new AccessPolicyEntry(tenantId, objectId, applicationId, keys, List.of(permissions), certificates, storage);
    }

    /**
     * @param permissions certificate permissions
     * @return a copy with them
     */
    public AccessPolicyEntry withCertificates(String... permissions) {
        return new AccessPolicyEntry(tenantId, objectId, applicationId, keys, secrets, List.of(permissions), storage);
    }

    /**
     * @param permissions storage permissions
     * @return a copy with them
     */
    public AccessPolicyEntry withStorage(String... permissions) {
        return new AccessPolicyEntry(tenantId, objectId, applicationId, keys, secrets, certificates, List.of(permissions));
    }
}
