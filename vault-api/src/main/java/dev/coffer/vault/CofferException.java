package dev.coffer.vault;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every error Coffer reports: unchecked, and carrying what Azure would answer with —
 * an HTTP-like status, Azure's error code and, where Azure has one, an inner error code.
 *
 * <p>Messages name the parameter or permission at fault and never contain a secret value or key
 * material. Subclasses exist for the outcomes callers branch on (not found, forbidden, conflict,
 * bad parameter, throttled, unavailable, unauthorized); everything else is a plain
 * {@code CofferException} with its status.
 */
public class CofferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String innerErrorCode;

    /**
     * Creates an exception.
     *
     * @param status         the HTTP-like status, such as 404
     * @param errorCode      Azure's error code, such as {@code SecretNotFound}
     * @param innerErrorCode Azure's inner error code, such as {@code ForbiddenByRbac}, or null
     * @param message        a message that says what went wrong and how to fix it
     */
    public CofferException(int status, String errorCode, String innerErrorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.innerErrorCode = innerErrorCode;
    }

    /**
     * Creates an exception with a cause.
     *
     * @param status         the HTTP-like status
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        the message
     * @param cause          the underlying cause
     */
    public CofferException(int status, String errorCode, String innerErrorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.innerErrorCode = innerErrorCode;
    }

    /** @return the HTTP-like status code, such as 403 */
    public int status() {
        return status;
    }

    /** @return Azure's error code, such as {@code Forbidden} or {@code AuthorizationFailed} */
    public String errorCode() {
        return errorCode;
    }

    /** @return Azure's inner error code, such as {@code ForbiddenByRbac}, when Azure gives one */
    public Optional<String> innerErrorCode() {
        return Optional.ofNullable(innerErrorCode);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + status + " " + errorCode
                + (innerErrorCode == null ? "" : "/" + innerErrorCode) + "): " + getMessage();
    }
}
