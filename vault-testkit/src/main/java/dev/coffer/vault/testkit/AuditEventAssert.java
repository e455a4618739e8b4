package dev.coffer.vault.testkit;

import dev.coffer.vault.Principal;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditEvent;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one {@link AuditEvent}. Failure messages show the event in one line. */
public final class AuditEventAssert extends AbstractAssert<AuditEventAssert, AuditEvent> {

    AuditEventAssert(AuditEvent actual) {
        super(actual, AuditEventAssert.class);
    }

    private AuditEventAssert check(boolean ok, String what, Object expected, Object found) {
        isNotNull();
        if (!ok) {
            failWithMessage("%s", "Expected the audit event to have " + what + " <" + expected + "> but it had <" + found
                    + ">: " + AuditLogAssert.line(actual));
        }
        return this;
    }

    /**
     * @param operation the operation name, case-insensitive
     * @return this
     */
    public AuditEventAssert hasOperation(String operation) {
        isNotNull();
        return check(actual.operationName().equalsIgnoreCase(operation), "operation", operation, actual.operationName());
    }

    /**
     * @param category {@code AuditEvent} or {@code Administrative}
     * @return this
     */
    public AuditEventAssert hasCategory(AuditCategory category) {
        isNotNull();
        return check(actual.category() == category, "category", category.wireName(), actual.category().wireName());
    }

    /**
     * @param status the HTTP status
     * @return this
     */
    public AuditEventAssert hasStatus(int status) {
        isNotNull();
        return check(actual.httpStatusCode() == status, "status", status, actual.httpStatusCode());
    }

    /**
     * @param caller who should have called
     * @return this
     */
    public AuditEventAssert hasCaller(Principal caller) {
        isNotNull();
        return check(caller.objectId().equalsIgnoreCase(actual.identity().objectId()), "caller",
                caller.displayName() + " (oid " + caller.objectId() + ")",
                actual.identity().displayName() + " (oid " + actual.identity().objectId() + ")");
    }

    /**
     * @param resourceId the resource ID, or a prefix of it, case-insensitive
     * @return this
     */
    public AuditEventAssert hasResource(String resourceId) {
        isNotNull();
        String r = actual.resourceId() == null ? "" : actual.resourceId().toLowerCase(Locale.ROOT);
        return check(r.startsWith(resourceId.toLowerCase(Locale.ROOT)), "resource", resourceId, actual.resourceId());
    }

    /**
     * @param errorCode Azure's error code, or null for a success
     * @return this
     */
    public AuditEventAssert hasErrorCode(String errorCode) {
        isNotNull();
        return check(Objects.equals(errorCode, actual.errorCode()), "error code", errorCode, actual.errorCode());
    }
}
