package dev.coffer.vault;

import java.time.Duration;
import java.util.Objects;

/**
 * The call exceeded a service limit (HTTP 429) and was not carried out. Azure does not count a
 * rejected call against the limit; retry after {@link #retryAfter()}.
 */
public class ThrottledException extends CofferException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message    which limit was exceeded
     * @param retryAfter how long to wait before retrying
     */
    public ThrottledException(String message, Duration retryAfter) {
        super(429, "Throttled", null, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** @return how long the caller should wait before retrying */
    public Duration retryAfter() {
        return retryAfter;
    }
}
