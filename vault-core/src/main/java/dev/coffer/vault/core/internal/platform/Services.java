package dev.coffer.vault.core.internal.platform;

import dev.coffer.vault.core.internal.audit.AuditTrail;
import dev.coffer.vault.core.internal.authz.AuthorizationEngine;
import dev.coffer.vault.core.internal.directory.AuthzGeneration;
import dev.coffer.vault.core.internal.directory.DirectoryStore;
import dev.coffer.vault.core.internal.lifecycle.SweepTask;
import dev.coffer.vault.core.internal.pipeline.Pipeline;
import dev.coffer.vault.core.internal.util.Ids;
import dev.coffer.vault.core.internal.vaults.VaultStore;
import java.time.Clock;
import java.util.List;

/**
 * The platform's components, handed to every client so each reaches the same pipeline, stores
 * and clock.
 *
 * @param clock         wall clock for every timestamp and time decision
 * @param ids           identifier source
 * @param directory     the tenant's directory
 * @param generation    the authorization generation
 * @param engine        the RBAC engine
 * @param pipeline      the call pipeline
 * @param audit         the audit trail
 * @param vaults        the vault store
 * @param subscriptions subscriptions and resource groups
 * @param sweepTasks    time-driven work, run by the sweep in order
 * @param rootKey       the platform root key that backup and provider keys derive from
 * @param cryptoProviders the crypto providers keys live in, and the rule that picks one
 */
public record Services(Clock clock, Ids ids, DirectoryStore directory, AuthzGeneration generation,
                       AuthorizationEngine engine, Pipeline pipeline, AuditTrail audit, VaultStore vaults,
                       Subscriptions subscriptions, List<SweepTask> sweepTasks, RootKey rootKey,
                       dev.coffer.vault.core.internal.keys.CryptoProviders cryptoProviders) {
}
