package dev.coffer.vault;

import dev.coffer.vault.audit.AuditLog;
import java.time.Clock;
import java.util.Optional;

/**
 * One Coffer installation: a tenant's directory, its subscriptions, the vaults in them, the
 * authorization engine, the audit trail and the time sweep. Built by {@code Coffer.inMemory()} in
 * vault-core. Thread-safe.
 *
 * <pre>{@code
 * CofferPlatform platform = Coffer.inMemory().clock(clock).build();
 * Principal alice = platform.directory().createUser("alice@contoso.example");
 * Subscription sub = platform.createSubscription("dev", alice);   // alice becomes its Owner
 * VaultManager mgmt = platform.management(alice);
 * }</pre>
 */
public interface CofferPlatform {

    /** @return the tenant's directory */
    Directory directory();

    /** @return the clock every timestamp and time decision reads */
    Clock clock();

    /**
     * Creates a subscription in the tenant and makes {@code owner} its Owner, as a subscription's
     * creator is. Not an RBAC-authorized call (it belongs to billing, not to ARM); audited in
     * the {@code Administrative} category as {@code SubscriptionCreate}.
     *
     * @param displayName the subscription's display name
     * @param owner       an enabled user, service principal or managed identity of the tenant
     * @return the subscription
     */
    Subscription createSubscription(String displayName, Principal owner);

    /**
     * @param subscriptionId a subscription id
     * @return the subscription, if it exists
     */
    Optional<Subscription> subscription(String subscriptionId);

    /**
     * @param caller the principal to act as
     * @return the management plane acting as {@code caller}
     */
    VaultManager management(Principal caller);

    /**
     * @param context the caller and request metadata
     * @return the management plane acting in that context
     */
    VaultManager management(RequestContext context);

    /** @return the queryable in-memory audit log */
    AuditLog auditLog();

    /**
     * Runs the time sweep now: purges soft-deleted vaults and objects whose scheduled purge date
     * has passed, and runs other due time-driven work, as the system principal, audited. Idempotent.
     * Reads never depend on it: an item past its purge date is already invisible.
     *
     * @return what the sweep did
     */
    SweepReport sweep();

    /** @return the platform's own principal, the caller of scheduled work */
    Principal systemPrincipal();
}
