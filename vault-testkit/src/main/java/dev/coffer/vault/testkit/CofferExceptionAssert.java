package dev.coffer.vault.testkit;

import dev.coffer.vault.CofferException;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Assertions on a {@link CofferException}: its status, Azure error code and inner error code.
 * AssertJ's throwable assertions ({@code hasMessageContaining}, ...) are available too. Failure
 * messages show what was thrown: class, status, codes and message.
 */
public final class CofferExceptionAssert extends AbstractThrowableAssert<CofferExceptionAssert, CofferException> {

    CofferExceptionAssert(CofferException actual) {
        super(actual, CofferExceptionAssert.class);
    }

    private CofferExceptionAssert expect(boolean ok, String expected) {
        isNotNull();
        if (!ok) {
            failWithMessage("%s", "Expected " + expected + " but was " + actual);
        }
        return this;
    }

    private boolean code(String code) {
        return code.equals(actual.errorCode()) || code.equals(actual.innerErrorCode().orElse(null));
    }

    /**
     * @param status the HTTP status
     * @return this
     */
    public CofferExceptionAssert hasStatus(int status) {
        isNotNull();
        return expect(actual.status() == status, "status " + status);
    }

    /**
     * @param errorCode Azure's error code, such as {@code VaultAlreadyExists}
     * @return this
     */
    public CofferExceptionAssert hasErrorCode(String errorCode) {
        isNotNull();
        return expect(errorCode.equals(actual.errorCode()), "error code " + errorCode);
    }

    /**
     * @param innerErrorCode Azure's inner error code, such as {@code ForbiddenByRbac}
     * @return this
     */
    public CofferExceptionAssert hasInnerErrorCode(String innerErrorCode) {
        isNotNull();
        return expect(innerErrorCode.equals(actual.innerErrorCode().orElse(null)), "inner error code " + innerErrorCode);
    }

    /** @return this, if the status is 403 (any code) */
    public CofferExceptionAssert isForbidden() {
        isNotNull();
        return expect(actual.status() == 403, "a 403 Forbidden error");
    }

    /** @return this, if it is ARM's management-plane denial: 403 {@code AuthorizationFailed} */
    public CofferExceptionAssert isAuthorizationFailed() {
        isNotNull();
        return expect(actual.status() == 403 && "AuthorizationFailed".equals(actual.errorCode()),
                "a 403 AuthorizationFailed error (a management-plane denial)");
    }

    /** @return this, if the status is 401: the caller did not resolve to an enabled principal */
    public CofferExceptionAssert isUnauthorized() {
        isNotNull();
        return expect(actual.status() == 401, "a 401 Unauthorized error");
    }

    /** @return this, if the status is 404 (any code) */
    public CofferExceptionAssert isNotFound() {
        isNotNull();
        return expect(actual.status() == 404, "a 404 Not Found error");
    }

    /**
     * @param code the error code or inner error code, such as {@code ResourceGroupNotFound}
     * @return this, if the status is 404 with that code
     */
    public CofferExceptionAssert isNotFound(String code) {
        isNotNull();
        return expect(actual.status() == 404 && code(code), "a 404 Not Found error with code " + code);
    }

    /** @return this, if the status is 409 (any code) */
    public CofferExceptionAssert isConflict() {
        isNotNull();
        return expect(actual.status() == 409, "a 409 Conflict error");
    }

    /**
     * @param code the error code or inner error code, such as {@code VaultAlreadyExists} or
     *             {@code ObjectIsDeletedButRecoverable}
     * @return this, if the status is 409 with that code
     */
    public CofferExceptionAssert isConflict(String code) {
        isNotNull();
        return expect(actual.status() == 409 && code(code), "a 409 Conflict error with code " + code);
    }

    /** @return this, if the status is 400 (any code) */
    public CofferExceptionAssert isBadParameter() {
        isNotNull();
        return expect(actual.status() == 400, "a 400 Bad Request error");
    }

    /**
     * @param code the error code or inner error code, such as {@code VaultNameNotValid}
     * @return this, if the status is 400 with that code
     */
    public CofferExceptionAssert isBadParameter(String code) {
        isNotNull();
        return expect(actual.status() == 400 && code(code), "a 400 Bad Request error with code " + code);
    }

    /** @return this, if the status is 503, as when fail-closed auditing refuses a call */
    public CofferExceptionAssert isServiceUnavailable() {
        isNotNull();
        return expect(actual.status() == 503, "a 503 Service Unavailable error");
    }

    /** @return this, if the status is 429 */
    public CofferExceptionAssert isThrottled() {
        isNotNull();
        return expect(actual.status() == 429, "a 429 Too Many Requests error");
    }
}
