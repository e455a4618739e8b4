package dev.coffer.vault.core.internal.pipeline;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Ticker;
import dev.coffer.vault.UnauthorizedException;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditIdentity;
import dev.coffer.vault.core.internal.audit.AuditTrail;
import dev.coffer.vault.core.internal.directory.DirectoryStore;
import dev.coffer.vault.core.internal.util.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way a call runs: resolve the caller → validate → authorize → throttle → faults →
 * execute → audit. Exactly one completed audit event per call, whatever its outcome; with
 * fail-closed auditing a request record goes to the sinks first and the call is refused,
 * unchanged, if a sink cannot take it.
 */
public final class Pipeline {
    private static final String DEFAULT_API_VERSION = "7.5";

    private final Clock clock;
    private final Ticker ticker;
    private final Ids ids;
    private final DirectoryStore directory;
    private final Authorizer authorizer;
    private final AuditTrail audit;
    private final Stage throttle;
    private final Stage faults;

    /**
     * @param clock      wall clock for event times
     * @param ticker     monotonic source for durations
     * @param ids        generates correlation ids
     * @param directory  resolves callers
     * @param authorizer decides requirements
     * @param audit      records outcomes
     * @param throttle   the throttle stage
     * @param faults     the fault-injection stage
     */
    public Pipeline(Clock clock, Ticker ticker, Ids ids, DirectoryStore directory, Authorizer authorizer,
                    AuditTrail audit, Stage throttle, Stage faults) {
        this.clock = clock;
        this.ticker = ticker;
        this.ids = ids;
        this.directory = directory;
        this.authorizer = authorizer;
        this.audit = audit;
        this.throttle = throttle;
        this.faults = faults;
    }

    /**
     * The authorizer every call goes through, wired to the platform's vault store. Exposed so
     * decision-table tests exercise exactly the component the pipeline uses, not a copy.
     *
     * @return the authorizer
     */
    public Authorizer authorizer() {
        return authorizer;
    }

    /**
     * Runs a call.
     *
     * @param context who calls and how
     * @param op      the call's descriptor
     * @param <T>     the result type
     * @return the call's result
     * @throws CofferException the call's failure, after it is audited
     */
    public <T> T run(RequestContext context, Operation<T> op) {
        long started = ticker.read();
        Instant time = clock.instant();
        String correlationId = context.correlationId() != null ? context.correlationId() : ids.newCorrelationId();
        Caller caller = null;
        String authorizedBy = null;
        try {
            audit.admit(event(AuditEvent.Phase.REQUEST, op, context, null, correlationId, time, 0, null, null, 0));
            caller = resolve(context, correlationId);
            op.validate();
            authorizedBy = authorizer.authorize(caller, op.scope(), op.requirement());
            if (caller.principal().type() != dev.coffer.vault.PrincipalType.SYSTEM) {
                // The platform's own scheduled work is neither throttled nor faulted.
                throttle.check(caller, op);
                faults.check(caller, op);
            }
            T result = op.execute(caller);
            audit.record(event(AuditEvent.Phase.COMPLETED, op, context, caller, correlationId, time,
                    op.successStatus(), null, authorizedBy, elapsedMs(started)));
            return result;
        } catch (CofferException e) {
            audit.record(event(AuditEvent.Phase.COMPLETED, op, context, caller, correlationId, time,
                    e.status(), e, authorizedBy, elapsedMs(started)));
            throw e;
        } catch (RuntimeException | Error e) {
            // A defect, not a user error: audit it as Azure would report an internal error, then let it surface.
            audit.record(event(AuditEvent.Phase.COMPLETED, op, context, caller, correlationId, time,
                    500, null, authorizedBy, elapsedMs(started)));
            throw e;
        }
    }

    private long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(ticker.read() - started);
    }

    private Caller resolve(RequestContext context, String correlationId) {
        Principal claimed = context.caller();
        Principal entry = directory.find(claimed.objectId()).orElse(null);
        if (entry == null || !entry.tenantId().equals(claimed.tenantId()) || !directory.isEnabled(entry.objectId())) {
            throw new UnauthorizedException("Unauthorized", null,
                    "The caller (oid=" + claimed.objectId() + ", tid=" + claimed.tenantId()
                            + ") is not an enabled principal of tenant " + directory.tenantId() + ".");
        }
        String appId = context.applicationId();
        if (appId != null && !appId.equals(entry.applicationId())) {
            Principal app = directory.findByApplicationId(appId).orElse(null);
            if (app == null || !directory.isEnabled(app.objectId())) {
                throw new UnauthorizedException("Unauthorized", null,
                        "The application " + appId + " the caller signs in through is not an enabled application of tenant "
                                + directory.tenantId() + ".");
            }
        }
        return new Caller(entry, appId, context, correlationId);
    }

    private AuditEvent event(AuditEvent.Phase phase, Operation<?> op, RequestContext context, Caller caller,
                             String correlationId, Instant time, int status, CofferException error,
                             String authorizedBy, long durationMs) {
        Principal p = caller != null ? caller.principal() : context.caller();
        AuditIdentity identity = new AuditIdentity(p.objectId(), p.tenantId(), context.applicationId(),
                p.displayName(), caller != null ? p.type() : null);
        return new AuditEvent(phase, time, op.category(), op.name(),
                context.apiVersion() != null ? context.apiVersion() : DEFAULT_API_VERSION,
                op.auditResourceId(), op.requestObjectId(), identity, context.callerIpAddress(), correlationId,
                context.clientInfo(), status, phase == AuditEvent.Phase.REQUEST ? "Pending" : signature(status),
                phase == AuditEvent.Phase.REQUEST ? "Pending" : "Success",
                error != null ? error.getMessage() : (status == 500 ? "Internal error" : ""),
                error != null ? error.errorCode() : null,
                error != null ? error.innerErrorCode().orElse(null) : null,
                durationMs, authorizedBy);
    }

    static String signature(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : String.valueOf(status);
        };
    }

    /** @return the stages after authorization, for inspection */
    List<Stage> stages() {
        return List.of(throttle, faults);
    }
}
