package dev.coffer.vault;

/**
 * The request is malformed (HTTP 400): a bad name, an out-of-range value, a tampered backup. The message names the parameter; nothing was changed.
 */
public class BadParameterException extends CofferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        what went wrong and how to fix it
     */
    public BadParameterException(String errorCode, String innerErrorCode, String message) {
        super(400, errorCode, innerErrorCode, message);
    }
}
