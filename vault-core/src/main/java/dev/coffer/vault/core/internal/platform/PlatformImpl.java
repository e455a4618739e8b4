package dev.coffer.vault.core.internal.platform;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Directory;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.SweepReport;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.core.internal.audit.AuditTrail;
import dev.coffer.vault.core.internal.authz.AuthorizationEngine;
import dev.coffer.vault.core.internal.directory.AuthzGeneration;
import dev.coffer.vault.core.internal.directory.DirectoryStore;
import dev.coffer.vault.core.internal.lifecycle.SweepTask;
import dev.coffer.vault.core.internal.pipeline.Authorizer;
import dev.coffer.vault.core.internal.pipeline.Caller;
import dev.coffer.vault.core.internal.pipeline.DataPlaneVault;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Pipeline;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.util.Ids;
import dev.coffer.vault.core.internal.vaults.AccessPolicies;
import dev.coffer.vault.core.internal.vaults.VaultEntry;
import dev.coffer.vault.core.internal.vaults.VaultLifecycle;
import dev.coffer.vault.core.internal.vaults.VaultManagerImpl;
import dev.coffer.vault.core.internal.vaults.VaultStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The in-memory platform: wires the components together and implements {@link CofferPlatform}. */
public final class PlatformImpl implements CofferPlatform {
    private final Services services;
    private final Directory directory;
    private final List<SweepTask> sweepTasks;
    private final VaultLifecycle vaultLifecycle;

    /** @param config the validated builder settings */
    public PlatformImpl(PlatformConfig config) {
        Ids ids = new Ids(config.random());
        AuthzGeneration generation = new AuthzGeneration();
        String tenantId = config.tenantId() != null ? config.tenantId() : ids.newGuid();
        DirectoryStore directoryStore = new DirectoryStore(tenantId, ids, generation);
        AuthorizationEngine engine = new AuthorizationEngine(directoryStore, generation);
        VaultStore vaults = new VaultStore();
        AuditTrail audit = new AuditTrail(config.auditCapacity(), config.sinks(), config.failClosed());
        Authorizer authorizer = new Authorizer(engine, scope -> dataPlaneVault(vaults, directoryStore, scope));
        Pipeline pipeline = new Pipeline(config.clock(), config.ticker(), ids, directoryStore, authorizer, audit,
                config.throttle(), config.faults());
        byte[] root = config.rootKey();
        if (root == null) {
            root = new byte[32];
            config.random().nextBytes(root);
        }
        this.sweepTasks = new CopyOnWriteArrayList<>();
        this.services = new Services(config.clock(), ids, directoryStore, generation, engine, pipeline, audit, vaults,
                new Subscriptions(), sweepTasks, new RootKey(root),
                dev.coffer.vault.core.internal.keys.CryptoProviders.create(new RootKey(root), config.random(),
                        config.hsmProvider()));
        this.directory = new DirectoryImpl(services);
        this.vaultLifecycle = new VaultLifecycle(services);
        sweepTasks.add(new dev.coffer.vault.core.internal.objects.ObjectPurgeSweep(services));
        sweepTasks.add(new dev.coffer.vault.core.internal.keys.KeyRotationSweep(services));
    }

    private static Optional<DataPlaneVault> dataPlaneVault(VaultStore vaults, DirectoryStore directory, Scope scope) {
        return scope.vaultName().flatMap(vaults::get).filter(e -> !e.deleted()
                && e.properties().id().contains(scope)).map(e -> new DataPlaneVault() {
            @Override
            public String name() {
                return e.name();
            }

            @Override
            public String location() {
                return e.properties().location().name();
            }

            @Override
            public dev.coffer.vault.PermissionModel permissionModel() {
                return e.properties().permissionModel();
            }

            @Override
            public boolean accessPolicyAllows(Caller caller, String area, String permission) {
                return AccessPolicies.match(e.accessPolicies(), caller, directory.transitiveGroups(caller.objectId()),
                        area, permission) != null;
            }
        });
    }

    /** @return the platform's components, for data-plane clients and the testkit */
    public Services services() {
        return services;
    }

    /**
     * Registers time-driven work for the sweep (object purges, rotations).
     *
     * @param task the work
     */
    public void addSweepTask(SweepTask task) {
        sweepTasks.add(task);
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public Subscription createSubscription(String displayName, Principal owner) {
        DirectoryStore dir = services.directory();
        String id = services.ids().newGuid();
        return services.pipeline().run(RequestContext.of(dir.system()).withClientInfo("coffer-billing"),
                Operation.<Subscription>named("SubscriptionCreate")
                        .category(AuditCategory.ADMINISTRATIVE)
                        .authorize(Scope.subscription(id), Requirement.none())
                        .validate(() -> {
                            if (displayName == null || displayName.isBlank() || displayName.length() > 64) {
                                throw new BadParameterException("InvalidSubscriptionName", null,
                                        "A subscription's display name must be 1 to 64 characters, was '" + displayName + "'.");
                            }
                            Objects.requireNonNull(owner, "owner");
                            Principal p = dir.find(owner.objectId()).orElse(null);
                            if (p == null || !dir.isEnabled(p.objectId()) || p.type() == PrincipalType.GROUP
                                    || p.type() == PrincipalType.SYSTEM) {
                                throw new BadParameterException("InvalidOwner", null, "A subscription's owner must be an enabled "
                                        + "user, service principal or managed identity of tenant " + dir.tenantId() + ".");
                            }
                        })
                        .execute(caller -> {
                            Subscription s = new Subscription(id, displayName, dir.tenantId());
                            services.subscriptions().add(s);
                            String name = services.ids().newGuid();
                            services.engine().addAssignment(new RoleAssignment(
                                    s.scope() + "/providers/Microsoft.Authorization/roleAssignments/" + name, name, s.scope(),
                                    BuiltInRole.OWNER.id(), owner.objectId(), owner.type(), services.clock().instant(),
                                    caller.objectId()));
                            return s;
                        }));
    }

    @Override
    public Optional<Subscription> subscription(String subscriptionId) {
        return services.subscriptions().find(subscriptionId);
    }

    @Override
    public VaultManager management(Principal caller) {
        return management(RequestContext.of(caller));
    }

    @Override
    public VaultManager management(RequestContext context) {
        return new VaultManagerImpl(services, Objects.requireNonNull(context, "context"));
    }

    @Override
    public AuditLog auditLog() {
        return services.audit();
    }

    @Override
    public SweepReport sweep() {
        Instant now = services.clock().instant();
        int objects = 0;
        int other = 0;
        for (SweepTask task : sweepTasks) {
            int n = task.run(now);
            if (task instanceof ObjectPurgeTask) {
                objects += n;
            } else {
                other += n;
            }
        }
        int vaults = vaultLifecycle.run(now);
        return new SweepReport(now, vaults, objects, other);
    }

    /** Marks sweep tasks that purge objects, so the report counts them apart. */
    public interface ObjectPurgeTask extends SweepTask {
    }

    @Override
    public Principal systemPrincipal() {
        return services.directory().system();
    }

    @Override
    public String toString() {
        return "CofferPlatform(tenant=" + services.directory().tenantId() + ")";
    }
}
