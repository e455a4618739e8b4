package dev.coffer.vault.audit;

import dev.coffer.vault.PrincipalType;

/**
 * Who made a call, as the audit record's {@code identity.claim} names it.
 *
 * @param objectId      the caller's object id ({@code oid})
 * @param tenantId      its tenant
 * @param applicationId the application it called through ({@code appid}), or null
 * @param displayName   its display name or user principal name ({@code upn})
 * @param type          the kind of principal, or null if the caller did not resolve
 */
public record AuditIdentity(String objectId, String tenantId, String applicationId, String displayName,
                            PrincipalType type) {
}
