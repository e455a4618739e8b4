package dev.coffer.vault.testkit;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Scope;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link AuditLog}'s retained events. A failure lists the events the log holds
 * (the last {@value #SHOWN}, one line each: operation, caller, status, resource), so the message
 * says what was there instead.
 */
public final class AuditLogAssert extends AbstractAssert<AuditLogAssert, AuditLog> {
    /** How many events a failure message lists at most. */
    public static final int SHOWN = 40;

    AuditLogAssert(AuditLog actual) {
        super(actual, AuditLogAssert.class);
    }

    private List<AuditEvent> events() {
        isNotNull();
        return actual.events();
    }

    private List<AuditEvent> matching(AuditQuery q) {
        isNotNull();
        return actual.query(q);
    }

    /**
     * @param e an event
     * @return one line describing it, for failure messages
     */
    static String line(AuditEvent e) {
        return e.operationName() + " by " + e.identity().displayName() + " -> " + e.httpStatusCode()
                + (e.errorCode() == null ? "" : " " + e.errorCode()) + " [" + e.category().wireName() + "] on "
                + e.resourceId();
    }

    private String present() {
        List<AuditEvent> all = events();
        if (all.isEmpty()) {
            return "The log holds no events.";
        }
        List<AuditEvent> shown = all.subList(Math.max(0, all.size() - SHOWN), all.size());
        return "The log holds " + all.size() + " events" + (shown.size() < all.size() ? ", the last " + shown.size() : "")
                + ":\n  " + shown.stream().map(AuditLogAssert::line).collect(Collectors.joining("\n  "));
    }

    private AuditLogAssert fail(String expectation) {
        failWithMessage("%s", expectation + "\n" + present());
        return this;
    }

    /**
     * Asserts that some event has the operation name (case-insensitive), whatever its outcome.
     *
     * @param operation such as {@code VaultPut}
     * @return this
     */
    public AuditLogAssert hasEvent(String operation) {
        return matching(AuditQuery.all().operation(operation)).isEmpty()
                ? fail("Expected an audit event '" + operation + "' but found none.") : this;
    }

    /**
     * Asserts that some event matches a query.
     *
     * @param query       the query
     * @param description what the query looks for, for the failure message
     * @return this
     */
    public AuditLogAssert hasEvent(AuditQuery query, String description) {
        return matching(query).isEmpty() ? fail("Expected an audit event matching " + description + " but found none.") : this;
    }

    /**
     * Asserts that no event has the operation name.
     *
     * @param operation such as {@code VaultPurge}
     * @return this
     */
    public AuditLogAssert hasNoEvent(String operation) {
        List<AuditEvent> found = matching(AuditQuery.all().operation(operation));
        return found.isEmpty() ? this
                : fail("Expected no audit event '" + operation + "' but found " + found.size() + ", first: " + line(found.get(0)));
    }

    /**
     * Asserts how many events have the operation name.
     *
     * @param operation such as {@code VaultList}
     * @param count     the expected number
     * @return this
     */
    public AuditLogAssert hasEventCount(String operation, int count) {
        int n = matching(AuditQuery.all().operation(operation)).size();
        return n == count ? this : fail("Expected " + count + " audit events '" + operation + "' but found " + n + ".");
    }

    /**
     * Asserts that some event has the operation name, the caller and the status.
     *
     * @param operation such as {@code VaultGet}
     * @param caller    who called
     * @param status    the HTTP status, such as 200 or 403
     * @return this
     */
    public AuditLogAssert hasEventFor(String operation, Principal caller, int status) {
        if (!matching(AuditQuery.all().operation(operation).caller(caller).status(status)).isEmpty()) {
            return this;
        }
        List<AuditEvent> sameOp = matching(AuditQuery.all().operation(operation));
        return fail("Expected an audit event '" + operation + "' by " + caller.displayName() + " with status " + status
                + " but found none" + (sameOp.isEmpty() ? " (and no '" + operation + "' event at all)."
                : "; the '" + operation + "' events are: " + sameOp.stream().map(AuditLogAssert::line)
                .collect(Collectors.joining("; ")) + "."));
    }

    /**
     * Asserts that some event has the operation name and addresses the resource or something below it.
     *
     * @param operation  such as {@code VaultDelete}
     * @param resourceId a resource ID, compared case-insensitively as a prefix
     * @return this
     */
    public AuditLogAssert hasEventOn(String operation, String resourceId) {
        return matching(AuditQuery.all().operation(operation).resource(resourceId)).isEmpty()
                ? fail("Expected an audit event '" + operation + "' on " + resourceId + " but found none.") : this;
    }

    /**
     * Asserts that some event has the operation name and addresses the scope or something below it.
     *
     * @param operation such as {@code VaultDelete}
     * @param scope     the resource
     * @return this
     */
    public AuditLogAssert hasEventOn(String operation, Scope scope) {
        return hasEventOn(operation, scope.toString());
    }

    /**
     * Asserts that no field of any retained event contains a string: every record component of every
     * event (nested records included, through their {@code toString}) is searched. Use it to show a
     * secret value or key material never reaches the audit trail.
     *
     * @param secret the text that must not appear; must not be empty
     * @return this
     */
    public AuditLogAssert hasNoEventContaining(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("hasNoEventContaining needs a non-empty string: every event contains \"\"");
        }
        for (AuditEvent e : events()) {
            for (RecordComponent c : AuditEvent.class.getRecordComponents()) {
                Object value;
                try {
                    value = c.getAccessor().invoke(e);
                } catch (IllegalAccessException | InvocationTargetException ex) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of an audit event", ex);
                }
                if (value != null && String.valueOf(value).contains(secret)) {
                    failWithMessage("%s", "Expected no audit event to contain the given text, but field '" + c.getName()
                            + "' of this event does: " + line(e));
                }
            }
        }
        return this;
    }

    /**
     * Picks the latest event with an operation name, for assertions on its fields.
     *
     * @param operation such as {@code VaultPurge}
     * @return assertions on that event
     */
    public AuditEventAssert lastEvent(String operation) {
        List<AuditEvent> found = matching(AuditQuery.all().operation(operation));
        if (found.isEmpty()) {
            fail("Expected an audit event '" + operation + "' but found none.");
        }
        return new AuditEventAssert(found.get(found.size() - 1));
    }
}
