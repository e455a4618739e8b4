package dev.coffer.vault;

/**
 * One observation of a long-running operation, shaped like the Azure SDK's {@code PollResponse}.
 *
 * @param status the operation's status, such as {@code SUCCESSFULLY_COMPLETED}
 * @param value  what the operation reports at this point
 * @param <T>    the value type
 */
public record PollResponse<T>(String status, T value) {
    /** The status of an operation that has finished successfully. */
    public static final String SUCCESSFULLY_COMPLETED = "SUCCESSFULLY_COMPLETED";

    /** @return the value (Azure SDK name) */
    public T getValue() {
        return value;
    }

    /** @return the status (Azure SDK name) */
    public String getStatus() {
        return status;
    }
}
