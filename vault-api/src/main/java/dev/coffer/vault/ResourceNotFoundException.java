package dev.coffer.vault;

/**
 * The addressed resource does not exist (HTTP 404): a vault, an object, a deleted object, a role assignment or a directory entry. Error codes follow Azure: {@code SecretNotFound}, {@code KeyNotFound}, {@code ResourceNotFound}, {@code ResourceGroupNotFound}, ...
 */
public class ResourceNotFoundException extends CofferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        what went wrong and how to fix it
     */
    public ResourceNotFoundException(String errorCode, String innerErrorCode, String message) {
        super(404, errorCode, innerErrorCode, message);
    }
}
