package dev.coffer.vault.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited call, with the fields of Azure Key Vault's diagnostic log. There is exactly one
 * {@link Phase#COMPLETED} event per call, allowed, denied or failed; with fail-closed auditing a
 * {@link Phase#REQUEST} record with the same correlation id goes to the sinks first. No field ever
 * holds a secret value or key material.
 *
 * @param phase              request record or completed call
 * @param time               when the call started (the platform clock)
 * @param category           {@code AuditEvent} or {@code Administrative}
 * @param operationName      Azure's name such as {@code VaultGet}, {@code SecretSet}, or Coffer's
 *                           own for administrative calls such as {@code RoleAssignmentCreate}
 * @param operationVersion   the api-version of the request
 * @param resourceId         the vault's (or subscription's) resource ID the call addressed
 * @param requestObjectId    the URI or resource ID of the addressed object ({@code properties.id}), or null
 * @param identity           who called
 * @param callerIpAddress    the caller's address, or null
 * @param correlationId      the client's correlation id, or one generated for the call
 * @param clientInfo         the client's user agent, or null
 * @param httpStatusCode     the outcome's HTTP status; 0 in a request record
 * @param resultSignature    the status text, such as {@code OK}, {@code Forbidden}, {@code Not Found}
 * @param resultType         {@code Success} for a completed call (Azure writes it even for 4xx
 *                           outcomes; the outcome is in the status), {@code Pending} for a request record
 * @param resultDescription  the error message of a failed call, empty otherwise
 * @param errorCode          Azure's error code of a failed call, or null
 * @param innerErrorCode     Azure's inner error code, or null
 * @param durationMs         how long the call took, from the platform's ticker
 * @param authorizedBy       {@code RBAC}, {@code AccessPolicy} or null: which model allowed the call
 */
public record AuditEvent(
        Phase phase,
        Instant time,
        AuditCategory category,
        String operationName,
        String operationVersion,
        String resourceId,
        String requestObjectId,
        AuditIdentity identity,
        String callerIpAddress,
        String correlationId,
        String clientInfo,
        int httpStatusCode,
        String resultSignature,
        String resultType,
        String resultDescription,
        String errorCode,
        String innerErrorCode,
        long durationMs,
        String authorizedBy) {

    /** Whether an event is a fail-closed request record or the completed call. */
    public enum Phase {
        /** Written before the call runs, only with fail-closed auditing, only to sinks. */
        REQUEST,
        /** Written when the outcome is known: one per call. */
        COMPLETED
    }

    /** Validates the components. */
    public AuditEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(correlationId, "correlationId");
        resultDescription = resultDescription == null ? "" : resultDescription;
    }

    /** @return true if the call succeeded (status below 400) */
    public boolean succeeded() {
        return phase == Phase.COMPLETED && httpStatusCode > 0 && httpStatusCode < 400;
    }
}
