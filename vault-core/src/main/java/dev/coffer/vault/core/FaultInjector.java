package dev.coffer.vault.core;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.ServiceUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Injected faults for testing how code copes with Key Vault failing: "the next N calls of operation
 * X (on object Y, by caller Z) fail with error E", and added latency per operation. Installed with
 * {@link CofferBuilder#faultInjector(FaultInjector)}; the pipeline's fault stage consults it after
 * authorization, so a faulted call is audited with the outcome the caller saw. Thread-safe.
 *
 * <pre>{@code
 * FaultInjector faults = FaultInjector.create();
 * CofferPlatform platform = Coffer.inMemory().faultInjector(faults).build();
 * faults.failNext(2, "SecretGet").onObject("db-password");      // 503 twice, then normal service
 * }</pre>
 */
public final class FaultInjector {

    /** Waits for a latency; replaceable so tests need not really sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param duration how long to wait
         * @throws InterruptedException if interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Latency> latencies = new CopyOnWriteArrayList<>();
    private volatile Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private FaultInjector() {
    }

    /** @return an injector with no faults */
    public static FaultInjector create() {
        return new FaultInjector();
    }

    /**
     * Makes the next {@code times} calls of an operation fail. Narrow it with the returned rule.
     *
     * @param times         how many calls fail (at least 1)
     * @param operationName the audit operation name, such as {@code SecretGet}, or {@code *} for any
     * @return the rule, active at once
     */
    public Rule failNext(int times, String operationName) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        Rule r = new Rule(Objects.requireNonNull(operationName, "operationName"), times);
        rules.add(r);
        return r;
    }

    /**
     * Adds latency to every call of an operation.
     *
     * @param operationName the audit operation name, or {@code *} for every call
     * @param delay         how long each call waits before it runs
     * @return this
     */
    public FaultInjector latency(String operationName, Duration delay) {
        latencies.add(new Latency(Objects.requireNonNull(operationName), Objects.requireNonNull(delay)));
        return this;
    }

    /**
     * @param sleeper how latency is waited out (default {@link Thread#sleep})
     * @return this
     */
    public FaultInjector sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper);
        return this;
    }

    /** Removes every rule and latency. */
    public void clear() {
        rules.clear();
        latencies.clear();
    }

    /** @return the faults still to be injected, summed over all rules */
    public int pending() {
        return rules.stream().mapToInt(r -> Math.max(0, r.remaining.get())).sum();
    }

    private record Latency(String operation, Duration delay) {
    }

    /** One "fail the next N calls" rule. Its narrowing methods take effect at once. */
    public static final class Rule {
        private final String operation;
        private final AtomicInteger remaining;
        private volatile String objectName;
        private volatile String callerObjectId;
        private volatile Supplier<? extends CofferException> error;

        private Rule(String operation, int times) {
            this.operation = operation;
            this.remaining = new AtomicInteger(times);
            this.error = () -> new ServiceUnavailableException("ServiceUnavailable", null,
                    "The service is unavailable (fault injected for operation " + operation + ").");
        }

        /**
         * @param name only calls on this object (case-insensitive) fail
         * @return this
         */
        public Rule onObject(String name) {
            this.objectName = Objects.requireNonNull(name);
            return this;
        }

        /**
         * @param caller only calls by this principal fail
         * @return this
         */
        public Rule by(Principal caller) {
            this.callerObjectId = caller.objectId();
            return this;
        }

        /**
         * @param failure makes the error each faulted call throws (default: 503 ServiceUnavailable)
         * @return this
         */
        public Rule with(Supplier<? extends CofferException> failure) {
            this.error = Objects.requireNonNull(failure);
            return this;
        }

        /** @return how many faults this rule still injects */
        public int remaining() {
            return Math.max(0, remaining.get());
        }

        boolean matches(String op, String object, String caller) {
            return (operation.equals("*") || operation.equalsIgnoreCase(op))
                    && (objectName == null || objectName.equalsIgnoreCase(object))
                    && (callerObjectId == null || callerObjectId.equalsIgnoreCase(caller));
        }

        /** @return whether this call takes one of the rule's faults */
        boolean take() {
            while (true) {
                int n = remaining.get();
                if (n <= 0) {
                    return false;
                }
                if (remaining.compareAndSet(n, n - 1)) {
                    return true;
                }
            }
        }
    }

    /** Called by the fault stage for each call. */
    void apply(String operation, String objectName, String callerObjectId) {
        for (Latency l : latencies) {
            if (l.operation().equals("*") || l.operation().equalsIgnoreCase(operation)) {
                try {
                    sleeper.sleep(l.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServiceUnavailableException("ServiceUnavailable", null, "Interrupted while waiting out injected latency.");
                }
            }
        }
        for (Rule r : rules) {
            if (r.matches(operation, objectName, callerObjectId) && r.take()) {
                throw r.error.get();
            }
        }
    }
}
