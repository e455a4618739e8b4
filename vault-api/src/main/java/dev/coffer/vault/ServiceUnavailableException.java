package dev.coffer.vault;

/**
 * The service cannot take the call now (HTTP 503): an audit sink refused a fail-closed request record, an HSM is offline, or a fault was injected. Nothing was changed.
 */
public class ServiceUnavailableException extends CofferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode      Azure's error code
     * @param innerErrorCode Azure's inner error code, or null
     * @param message        what went wrong and how to fix it
     */
    public ServiceUnavailableException(String errorCode, String innerErrorCode, String message) {
        super(503, errorCode, innerErrorCode, message);
    }
}
