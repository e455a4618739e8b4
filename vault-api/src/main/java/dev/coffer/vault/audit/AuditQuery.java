package dev.coffer.vault.audit;

import dev.coffer.vault.Principal;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A filter over the audit log. Immutable; each {@code with...}-style method returns a narrower
 * query. All criteria must match.
 *
 * <pre>{@code
 * List<AuditEvent> denied = platform.auditLog().query(AuditQuery.all()
 *         .operation("SecretGet").caller(app).status(403));
 * }</pre>
 */
public final class AuditQuery {
    private final Predicate<AuditEvent> predicate;

    private AuditQuery(Predicate<AuditEvent> predicate) {
        this.predicate = predicate;
    }

    /** @return a query that matches every event */
    public static AuditQuery all() {
        return new AuditQuery(e -> true);
    }

    private AuditQuery and(Predicate<AuditEvent> p) {
        return new AuditQuery(predicate.and(p));
    }

    /**
     * @param operationName such as {@code VaultPut}; case-insensitive
     * @return the narrowed query
     */
    public AuditQuery operation(String operationName) {
        return and(e -> e.operationName().equalsIgnoreCase(operationName));
    }

    /**
     * @param caller the calling principal
     * @return the narrowed query
     */
    public AuditQuery caller(Principal caller) {
        return callerObjectId(caller.objectId());
    }

    /**
     * @param objectId the caller's object id
     * @return the narrowed query
     */
    public AuditQuery callerObjectId(String objectId) {
        return and(e -> objectId.equalsIgnoreCase(e.identity().objectId()));
    }

    /**
     * @param resourceId a resource ID; matches events on it or below it, case-insensitively
     * @return the narrowed query
     */
    public AuditQuery resource(String resourceId) {
        String prefix = resourceId.toLowerCase(java.util.Locale.ROOT);
        return and(e -> {
            String r = e.resourceId() == null ? "" : e.resourceId().toLowerCase(java.util.Locale.ROOT);
            String o = e.requestObjectId() == null ? "" : e.requestObjectId().toLowerCase(java.util.Locale.ROOT);
            return r.startsWith(prefix) || o.startsWith(prefix);
        });
    }

    /**
     * @param httpStatusCode the outcome's status
     * @return the narrowed query
     */
    public AuditQuery status(int httpStatusCode) {
        return and(e -> e.httpStatusCode() == httpStatusCode);
    }

    /** @return the narrowed query: successful calls only */
    public AuditQuery succeeded() {
        return and(AuditEvent::succeeded);
    }

    /** @return the narrowed query: failed or denied calls only */
    public AuditQuery failed() {
        return and(e -> !e.succeeded());
    }

    /**
     * @param category the category
     * @return the narrowed query
     */
    public AuditQuery category(AuditCategory category) {
        return and(e -> e.category() == category);
    }

    /**
     * @param correlationId a correlation id
     * @return the narrowed query
     */
    public AuditQuery correlationId(String correlationId) {
        return and(e -> correlationId.equals(e.correlationId()));
    }

    /**
     * @param fromInclusive the earliest time
     * @param toExclusive   the time after the latest
     * @return the narrowed query
     */
    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return and(e -> !e.time().isBefore(fromInclusive) && e.time().isBefore(toExclusive));
    }

    /**
     * @param other any further condition
     * @return the narrowed query
     */
    public AuditQuery where(Predicate<AuditEvent> other) {
        return and(other);
    }

    /**
     * @param event an event
     * @return whether it matches
     */
    public boolean matches(AuditEvent event) {
        return predicate.test(event);
    }
}
