package dev.coffer.vault;

/**
 * The caller could not be authenticated (HTTP 401): it does not resolve to an existing, enabled directory entry of the platform's tenant.
 */
public class UnauthorizedException extends CofferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        what went wrong and how to fix it
     */
    public UnauthorizedException(String errorCode, String innerErrorCode, String message) {
        super(401, errorCode, innerErrorCode, message);
    }
}
