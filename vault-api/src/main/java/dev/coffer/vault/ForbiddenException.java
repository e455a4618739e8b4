package dev.coffer.vault;

/**
 * The caller is known but not allowed (HTTP 403). On the management plane the code is {@code AuthorizationFailed} with ARM's message; on the data plane it is {@code Forbidden} with an inner code such as {@code ForbiddenByRbac}, {@code ForbiddenByPolicy}, {@code SecretDisabled} or {@code KeyOperationForbidden}.
 */
public class ForbiddenException extends CofferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        what went wrong and how to fix it
     */
    public ForbiddenException(String errorCode, String innerErrorCode, String message) {
        super(403, errorCode, innerErrorCode, message);
    }
}
