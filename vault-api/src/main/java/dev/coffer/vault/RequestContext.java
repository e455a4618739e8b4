package dev.coffer.vault;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a call and how: the caller, the application it calls through (a compound identity
 * when a user calls through an application), and request metadata that the audit trail records.
 * Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * RequestContext ctx = RequestContext.of(alice)
 *         .withApplication(billingApp.applicationId())
 *         .withCorrelationId("6f1c...")
 *         .withCallerIpAddress("10.0.0.7");
 * }</pre>
 *
 * @param caller          the calling principal; resolved against the directory on every call
 * @param applicationId   the application the call comes through, or null
 * @param correlationId   the client's correlation id, or null to have one generated per call
 * @param clientInfo      the client's user agent, or null
 * @param callerIpAddress the caller's address, or null
 * @param apiVersion      the api-version the caller speaks, or null for Coffer's default
 */
public record RequestContext(Principal caller, String applicationId, String correlationId, String clientInfo,
                             String callerIpAddress, String apiVersion) {

    /** Validates the components. */
    public RequestContext {
        Objects.requireNonNull(caller, "caller");
    }

    /**
     * A context for a principal calling on its own behalf. A service principal or managed
     * identity calls through its own application id.
     *
     * @param caller the caller
     * @return the context
     */
    public static RequestContext of(Principal caller) {
        Objects.requireNonNull(caller, "caller");
        return new RequestContext(caller, caller.applicationId(), null, "coffer-java", null, null);
    }

    /**
     * @param applicationId the application id the caller signs in through
     * @return a copy with that application
     */
    public RequestContext withApplication(String applicationId) {
        return new RequestContext(caller, applicationId, correlationId, clientInfo, callerIpAddress, apiVersion);
    }

    /**
     * @param correlationId a client correlation id recorded in the audit trail
     * @return a copy with that correlation id
     */
    public RequestContext withCorrelationId(String correlationId) {
        return new RequestContext(caller, applicationId, correlationId, clientInfo, callerIpAddress, apiVersion);
    }

    /**
     * @param clientInfo the user agent recorded in the audit trail
     * @return a copy with that client info
     */
    public RequestContext withClientInfo(String clientInfo) {
        return new RequestContext(caller, applicationId, correlationId, clientInfo, callerIpAddress, apiVersion);
    }

    /**
     * @param callerIpAddress the address recorded in the audit trail
     * @return a copy with that address
     */
    public RequestContext withCallerIpAddress(String callerIpAddress) {
        return new RequestContext(caller, applicationId, correlationId, clientInfo, callerIpAddress, apiVersion);
    }

    /**
     * @param apiVersion the api-version recorded in the audit trail
     * @return a copy with that api-version
     */
    public RequestContext withApiVersion(String apiVersion) {
        return new RequestContext(caller, applicationId, correlationId, clientInfo, callerIpAddress, apiVersion);
    }

    /** @return the application id, if any */
    public Optional<String> application() {
        return Optional.ofNullable(applicationId);
    }
}
