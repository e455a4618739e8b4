package dev.coffer.vault;

/**
 * A synchronous poller over a long-running operation, shaped like the Azure SDK's
 * {@code SyncPoller}. Coffer completes deletes and recoveries within the call, so its pollers are
 * complete when returned; code written against Azure's pollers runs unchanged.
 *
 * @param <T> the type of each poll's value
 * @param <U> the type of the final result
 */
public interface SyncPoller<T, U> {
    /** @return the latest observation */
    PollResponse<T> poll();

    /** @return the final observation, waiting for it if needed */
    PollResponse<T> waitForCompletion();

    /** @return the final result of the operation */
    U getFinalResult();

    /**
     * @param value the completed operation's value
     * @param <T>   its type
     * @param <U>   the final result type
     * @return a poller that is already complete
     */
    static <T, U> SyncPoller<T, U> completed(T value) {
        PollResponse<T> done = new PollResponse<>(PollResponse.SUCCESSFULLY_COMPLETED, value);
        return new SyncPoller<>() {
            @Override
            public PollResponse<T> poll() {
                return done;
            }

            @Override
            public PollResponse<T> waitForCompletion() {
                return done;
            }

            @Override
            public U getFinalResult() {
                return null;
            }
        };
    }
}
