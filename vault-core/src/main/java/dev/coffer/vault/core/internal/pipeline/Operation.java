package dev.coffer.vault.core.internal.pipeline;

import dev.coffer.vault.Scope;
import dev.coffer.vault.audit.AuditCategory;
import java.util.Objects;
import java.util.function.Function;

/**
 * The descriptor of one call: its audit name, what it requires at which scope, how to validate
 * its input and how to run it. Clients build descriptors; only the {@link Pipeline} runs them.
 *
 * @param <T> the call's result type
 */
public final class Operation<T> {
    private final String name;
    private final AuditCategory category;
    private final Scope scope;
    private final Requirement requirement;
    private final String auditResourceId;
    private final String requestObjectId;
    private final Runnable validate;
    private final Function<Caller, T> execute;
    private final int successStatus;
    private final java.util.function.Supplier<Charge> charge;

    private Operation(Builder<T> b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.category = b.category;
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.requirement = Objects.requireNonNull(b.requirement, "requirement");
        this.auditResourceId = b.auditResourceId != null ? b.auditResourceId : b.scope.toString();
        this.requestObjectId = b.requestObjectId;
        this.validate = b.validate;
        this.execute = Objects.requireNonNull(b.execute, "execute");
        this.successStatus = b.successStatus;
        this.charge = b.charge;
    }

    /**
     * @param name the audit operation name, such as {@code VaultPut}
     * @param <T>  the result type
     * @return a builder
     */
    public static <T> Builder<T> named(String name) {
        return new Builder<>(name);
    }

    /** @return the audit operation name */
    public String name() {
        return name;
    }

    /** @return the audit category */
    public AuditCategory category() {
        return category;
    }

    /** @return the scope authorization is decided at */
    public Scope scope() {
        return scope;
    }

    /** @return what the caller must be allowed */
    public Requirement requirement() {
        return requirement;
    }

    /** @return the resource ID the audit event names */
    public String auditResourceId() {
        return auditResourceId;
    }

    /** @return the addressed object's URI for the audit event, or null */
    public String requestObjectId() {
        return requestObjectId;
    }

    /** @return what the call costs the throttle, or null if it is not throttled (the management plane) */
    public Charge charge() {
        return charge == null ? null : charge.get();
    }

    void validate() {
        if (validate != null) {
            validate.run();
        }
    }

    T execute(Caller caller) {
        return execute.apply(caller);
    }

    int successStatus() {
        return successStatus;
    }

    /**
     * Builds an {@link Operation}.
     *
     * @param <T> the result type
     */
    public static final class Builder<T> {
        private final String name;
        private AuditCategory category = AuditCategory.AUDIT_EVENT;
        private Scope scope;
        private Requirement requirement;
        private String auditResourceId;
        private String requestObjectId;
        private Runnable validate;
        private Function<Caller, T> execute;
        private int successStatus = 200;
        private java.util.function.Supplier<Charge> charge;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param category the audit category (default {@code AuditEvent})
         * @return this
         */
        public Builder<T> category(AuditCategory category) {
            this.category = category;
            return this;
        }

        /**
         * @param scope       where authorization is decided
         * @param requirement what must be allowed there
         * @return this
         */
        public Builder<T> authorize(Scope scope, Requirement requirement) {
            this.scope = scope;
            this.requirement = requirement;
            return this;
        }

        /**
         * @param resourceId the resource ID the audit event names (default: the scope)
         * @return this
         */
        public Builder<T> auditResource(String resourceId) {
            this.auditResourceId = resourceId;
            return this;
        }

        /**
         * @param objectId the addressed object's URI for the audit event
         * @return this
         */
        public Builder<T> requestObject(String objectId) {
            this.requestObjectId = objectId;
            return this;
        }

        /**
         * @param validate checks the input; throws {@link dev.coffer.vault.BadParameterException}, changes nothing
         * @return this
         */
        public Builder<T> validate(Runnable validate) {
            this.validate = validate;
            return this;
        }

        /**
         * @param status the HTTP-like status of success (default 200)
         * @return this
         */
        public Builder<T> successStatus(int status) {
            this.successStatus = status;
            return this;
        }

        /**
         * @param charge what the call costs the throttle, computed when the throttle stage runs
         * @return this
         */
        public Builder<T> charge(java.util.function.Supplier<Charge> charge) {
            this.charge = charge;
            return this;
        }

        /**
         * @param execute runs the call against the store, as the resolved caller
         * @return the descriptor
         */
        public Operation<T> execute(Function<Caller, T> execute) {
            this.execute = execute;
            return new Operation<>(this);
        }
    }
}
