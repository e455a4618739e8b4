package dev.coffer.vault.core.internal.pipeline;

/**
 * A pipeline stage that may refuse a call after it is authorized and before it runs: the
 * throttle and fault-injection stages. The default stages let everything through.
 */
@FunctionalInterface
public interface Stage {
    /** A stage that lets every call through. */
    Stage PASS = (caller, op) -> { };

    /**
     * @param caller the resolved caller
     * @param op     the operation about to run
     * @throws dev.coffer.vault.CofferException to refuse the call (it is audited with that outcome)
     */
    void check(Caller caller, Operation<?> op);
}
