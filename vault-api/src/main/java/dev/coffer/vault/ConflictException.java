package dev.coffer.vault;

/**
 * The request conflicts with the current state (HTTP 409): a vault name in use, an object name reserved by a soft-deleted object ({@code ObjectIsDeletedButRecoverable}), a restore onto an existing name, a concurrent recover.
 */
public class ConflictException extends CofferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        what went wrong and how to fix it
     */
    public ConflictException(String errorCode, String innerErrorCode, String message) {
        super(409, errorCode, innerErrorCode, message);
    }
}
