package dev.coffer.vault;

import java.util.Objects;
import java.util.Optional;

/**
 * A directory entry's identity: tenant id and object id, plus what describes it. This is a
 * value, not a session: every call made as a principal is resolved again against the directory,
 * so a disabled or deleted entry stops working on its next call.
 *
 * @param type          the kind of entry
 * @param tenantId      the tenant (directory) id
 * @param objectId      the object id, unique in the tenant
 * @param displayName   a display name; for users the user principal name
 * @param applicationId the application (client) id of a service principal or managed identity,
 *                      null for users and groups
 */
public record Principal(PrincipalType type, String tenantId, String objectId, String displayName, String applicationId) {

    /** Validates the components. */
    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** @return the application id, for service principals and managed identities */
    public Optional<String> application() {
        return Optional.ofNullable(applicationId);
    }

    @Override
    public String toString() {
        return type + "(" + displayName + ", oid=" + objectId + ")";
    }
}
