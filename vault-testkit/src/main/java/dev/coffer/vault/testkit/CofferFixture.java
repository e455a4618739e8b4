package dev.coffer.vault.testkit;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.ResourceGroup;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditSink;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.core.FaultInjector;
import dev.coffer.vault.core.InsecureDeterminism;
import dev.coffer.vault.core.ThrottlingPolicy;
import dev.coffer.vault.core.CofferBuilder;
import dev.coffer.vault.hsm.SecurityDomain;
import dev.coffer.vault.hsm.SimulatedHsm;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A ready platform for one test, in code: a {@link MovableClock}, an owner user, a subscription the
 * owner created (so the owner is its Owner) and a resource group, plus helpers that create vaults,
 * principals and role assignments by short name. The {@link CofferExtension} builds one per test
 * (or per class); tests that prefer code over annotations build their own.
 *
 * <p>Declarations are idempotent by name: asking twice for {@code user("alice")} returns the same
 * principal, and assigning a role that is already assigned returns the existing assignment. This is
 * what lets several tests of a class share one fixture. Thread-safe.
 *
 * <pre>{@code
 * CofferFixture fx = CofferFixture.create();
 * Vault vault = fx.vault("kv-orders");
 * Principal app = fx.servicePrincipal("orders-api");
 * fx.assign(app, BuiltInRole.KEY_VAULT_READER, vault.scope());
 * VaultManager asApp = fx.management("orders-api");
 * fx.clock().advance(Duration.ofDays(91));
 * }</pre>
 */
public final class CofferFixture {

    /** The short name of the owner user the fixture creates; it owns the subscription. */
    public static final String OWNER = "owner";
    /** The domain appended to user names given without one: {@code alice} becomes {@code alice@contoso.example}. */
    public static final String USER_DOMAIN = "contoso.example";
    /** The resource group every fixture creates, and where its vaults go by default. */
    public static final String RESOURCE_GROUP = "rg-test";
    /** The location of that resource group. */
    public static final String LOCATION = "westeurope";
    /** The PIN of the fixture's simulated HSM; a test fixture has nothing to protect with it. */
    public static final String HSM_PIN = "coffer-test-pin";
    private static final long HSM_SEED_SALT = 0x48534d5f53494dL;

    private final MovableClock clock;
    private final CofferPlatform platform;
    private final Principal owner;
    private final Subscription subscription;
    private final ResourceGroup resourceGroup;
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final Map<String, Vault> vaults = new ConcurrentHashMap<>();
    private final AtomicInteger vaultCounter = new AtomicInteger();
    private final FaultInjector faults = FaultInjector.create();
    private final SimulatedHsm hsm;
    private final SecurityDomain hsmDomain;

    private CofferFixture(Builder b) {
        this.clock = new MovableClock(b.start);
        CofferBuilder builder = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().faultInjector(faults);
        if (b.throttling != null) {
            builder.throttling(b.throttling);
        }
        if (b.seed != null) {
            builder.random(InsecureDeterminism.seededRandom(b.seed));
        } else if (!b.freshKeys) {
            // Deterministic mode keeps the pool out: its keys would not follow the seed.
            builder.keyPairSource(KeyPool.shared());
        }
        if (b.rootKey != null) {
            builder.rootKey(b.rootKey);
        }
        if (b.auditCapacity != null) {
            builder.auditCapacity(b.auditCapacity);
        }
        for (AuditSink sink : b.sinks) {
            builder.auditSink(sink);
        }
        if (b.failClosedAudit) {
            builder.failClosedAudit();
        }
        if (b.hsm) {
            // The device draws from its own source, never the platform's, so turning the HSM on does not change
            // the ids a deterministic platform makes (two fixtures of one seed keep one subscription id).
            SecureRandom random = b.seed != null ? InsecureDeterminism.seededRandom(b.seed ^ HSM_SEED_SALT)
                    : new SecureRandom();
            this.hsm = SimulatedHsm.builder().random(random).clock(clock).build();
            this.hsmDomain = b.hsmDomain != null ? b.hsmDomain : SecurityDomain.generate(random);
            hsm.initialize(hsmDomain, HSM_PIN.toCharArray());
            hsm.activate(HSM_PIN.toCharArray());
            builder.hsmProvider(hsm.provider());
        } else {
            this.hsm = null;
            this.hsmDomain = null;
        }
        this.platform = builder.build();
        clock.bindTo(platform);
        this.owner = platform.directory().createUser(OWNER + "@" + USER_DOMAIN);
        principals.put(OWNER, owner);
        this.subscription = platform.createSubscription("coffer-test", owner);
        this.resourceGroup = platform.management(owner).createResourceGroup(subscription.id(), RESOURCE_GROUP, LOCATION);
    }

    /** @return a fixture with the default settings */
    public static CofferFixture create() {
        return builder().build();
    }

    /** @return a builder for a fixture with chosen platform settings */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a fixture's platform. Each setter may be called once (sinks: any number of times). */
    public static final class Builder {
        private Instant start = MovableClock.DEFAULT_START;
        private Integer auditCapacity;
        private final List<AuditSink> sinks = new ArrayList<>();
        private boolean failClosedAudit;
        private ThrottlingPolicy throttling;
        private Long seed;
        private byte[] rootKey;
        private boolean freshKeys;
        private boolean hsm;
        private SecurityDomain hsmDomain;

        private Builder() {
        }

        /**
         * Gives the platform a {@link SimulatedHsm} as its HSM provider (all Premium vaults share its
         * {@value SimulatedHsm#DEFAULT_PARTITION} partition), with a generated security domain, initialized with
         * {@value #HSM_PIN} and activated; no latency, no capacity limit.
         *
         * @return this
         */
        public Builder hsm() {
            this.hsm = true;
            return this;
        }

        /**
         * As {@link #hsm()}, with a given security domain: two fixtures of one domain (and one root key and
         * subscription id, see {@link #deterministic(long)}) restore each other's HSM key backups.
         *
         * @param domain the device's security domain
         * @return this
         */
        public Builder hsm(SecurityDomain domain) {
            this.hsmDomain = Objects.requireNonNull(domain, "domain");
            this.hsm = true;
            return this;
        }

        /**
         * @param policy turns on throttling with these limits, for testing retry logic
         * @return this
         */
        public Builder throttling(ThrottlingPolicy policy) {
            this.throttling = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Deterministic mode: ids, IVs and generated keys follow from the seed (see
         * {@link InsecureDeterminism}). For reproducible test output only.
         *
         * @param seed the seed
         * @return this
         */
        public Builder deterministic(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Generates every software key when it is created instead of drawing on the JVM-wide
         * {@link KeyPool}: for tests that measure or inspect generation itself.
         *
         * @return this
         */
        public Builder freshKeys() {
            this.freshKeys = true;
            return this;
        }

        /**
         * @param key the platform root key (32 bytes), to share backups between two fixtures
         * @return this
         */
        public Builder rootKey(byte[] key) {
            this.rootKey = key.clone();
            return this;
        }

        /**
         * @param start where the clock starts (default {@link MovableClock#DEFAULT_START})
         * @return this
         */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * @param capacity the in-memory audit log's capacity
         * @return this
         */
        public Builder auditCapacity(int capacity) {
            this.auditCapacity = capacity;
            return this;
        }

        /**
         * @param sink an audit sink to add (the SLF4J sink is always left out, to keep test output quiet)
         * @return this
         */
        public Builder auditSink(AuditSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Makes the platform's audit fail-closed.
         *
         * @return this
         */
        public Builder failClosedAudit() {
            this.failClosedAudit = true;
            return this;
        }

        /** @return the fixture, with its platform, owner, subscription and resource group created */
        public CofferFixture build() {
            return new CofferFixture(this);
        }
    }

    /**
     * @return the platform's simulated HSM, to take off line, tamper with or read counters from
     * @throws IllegalStateException if the fixture was built without one
     */
    public SimulatedHsm hsm() {
        if (hsm == null) {
            throw new IllegalStateException("This fixture has no simulated HSM; use @CofferTest(hsm = true) or "
                    + "CofferFixture.builder().hsm().");
        }
        return hsm;
    }

    /** @return the HSM's security domain, to build a second device of the same domain */
    public SecurityDomain hsmSecurityDomain() {
        hsm();
        return hsmDomain;
    }

    /**
     * Recovers the HSM after {@link SimulatedHsm#tamper()} or {@link SimulatedHsm#deactivate()} the way an
     * operator would: installs the same security domain again (if tampered) and logs in with {@value #HSM_PIN};
     * also brings it back on line. Every key made before works again.
     */
    public void recoverHsm() {
        SimulatedHsm device = hsm();
        if (device.isTampered()) {
            device.initialize(hsmDomain, HSM_PIN.toCharArray());
        }
        device.bringOnline();
        if (!device.isActive()) {
            device.activate(HSM_PIN.toCharArray());
        }
    }

    /** @return the fault injector installed in the platform: add faults to it during a test */
    public FaultInjector faults() {
        return faults;
    }

    /** @return the platform */
    public CofferPlatform platform() {
        return platform;
    }

    /** @return the platform's clock, bound to it */
    public MovableClock clock() {
        return clock;
    }

    /** @return the platform's audit log */
    public AuditLog auditLog() {
        return platform.auditLog();
    }

    /** @return the owner user, Owner of {@link #subscription()} */
    public Principal owner() {
        return owner;
    }

    /** @return the subscription the owner created */
    public Subscription subscription() {
        return subscription;
    }

    /** @return the resource group {@value #RESOURCE_GROUP} in {@value #LOCATION} */
    public ResourceGroup resourceGroup() {
        return resourceGroup;
    }

    /** @return the management plane acting as the owner */
    public VaultManager management() {
        return platform.management(owner);
    }

    /**
     * @param principalName the short name of a principal this fixture created ({@value #OWNER} for the owner)
     * @return the management plane acting as it
     * @throws IllegalArgumentException if no principal has that name
     */
    public VaultManager management(String principalName) {
        return platform.management(principal(principalName));
    }

    /**
     * @param name the short name a principal was declared with, or {@value #OWNER}
     * @return the principal
     * @throws IllegalArgumentException naming the known principals, if none has that name
     */
    public Principal principal(String name) {
        Principal p = principals.get(key(name));
        if (p == null) {
            throw new IllegalArgumentException("No principal named '" + name + "' was declared; known: "
                    + principalNames());
        }
        return p;
    }

    /** @return the short names of the principals declared so far, the owner included, sorted */
    public List<String> principalNames() {
        return new ArrayList<>(new TreeSet<>(principals.keySet()));
    }

    /**
     * @param name a short name
     * @return the principal of that name, if one was declared
     */
    public Optional<Principal> findPrincipal(String name) {
        return Optional.ofNullable(principals.get(key(name)));
    }

    private static String key(String name) {
        return Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    }

    /**
     * Gets or creates a user. A name without {@code @} gets {@value #USER_DOMAIN} appended.
     *
     * @param name a short name such as {@code alice}, or a user principal name
     * @return the user
     */
    public Principal user(String name) {
        return declare(name, PrincipalType.USER);
    }

    /**
     * Gets or creates a service principal (an application identity).
     *
     * @param name the short name, also its display name
     * @return the service principal
     */
    public Principal servicePrincipal(String name) {
        return declare(name, PrincipalType.SERVICE_PRINCIPAL);
    }

    /**
     * Gets or creates a managed identity.
     *
     * @param name the short name, also its display name
     * @return the managed identity
     */
    public Principal managedIdentity(String name) {
        return declare(name, PrincipalType.MANAGED_IDENTITY);
    }

    /**
     * Gets or creates a group and adds members to it (members already in it stay).
     *
     * @param name    the short name, also its display name
     * @param members principals to add; groups may nest
     * @return the group
     */
    public Principal group(String name, Principal... members) {
        Principal g = declare(name, PrincipalType.GROUP);
        for (Principal m : members) {
            platform.directory().addMember(g, m);
        }
        return g;
    }

    private synchronized Principal declare(String name, PrincipalType type) {
        String k = key(name);
        Principal existing = principals.get(k);
        if (existing != null) {
            if (existing.type() != type) {
                throw new IllegalArgumentException("'" + name + "' is already declared as a " + existing.type()
                        + ", not a " + type + "; give each principal its own name.");
            }
            return existing;
        }
        Principal p;
        switch (type) {
            case USER:
                p = platform.directory().createUser(name.contains("@") ? name : name + "@" + USER_DOMAIN);
                break;
            case SERVICE_PRINCIPAL:
                p = platform.directory().createServicePrincipal(name);
                break;
            case MANAGED_IDENTITY:
                p = platform.directory().createManagedIdentity(name);
                break;
            case GROUP:
                p = platform.directory().createGroup(name);
                break;
            default:
                throw new IllegalArgumentException("cannot declare a " + type);
        }
        principals.put(k, p);
        return p;
    }

    /**
     * Gets the vault of that name this fixture made, or creates it with Azure's defaults in
     * {@link #resourceGroup()}, as the owner.
     *
     * @param name a valid vault name
     * @return the vault handle (its properties as at creation)
     */
    public Vault vault(String name) {
        Vault v = vaults.get(key(name));
        return v != null ? v : vault(VaultOptions.named(name));
    }

    /**
     * Creates a vault as the owner, in {@link #resourceGroup()} unless the options name another;
     * if this fixture already made a vault of that name, returns it instead.
     *
     * @param options what to create
     * @return the vault handle
     */
    public synchronized Vault vault(VaultOptions options) {
        Vault existing = vaults.get(key(options.name()));
        if (existing != null) {
            return existing;
        }
        if (options.resourceGroup() == null) {
            options.resourceGroup(subscription, resourceGroup.name());
        }
        Vault v = management().createVault(options);
        vaults.put(key(v.name()), v);
        return v;
    }

    /**
     * @param name a vault name
     * @return the vault of that name this fixture made, if any
     */
    public Optional<Vault> findVault(String name) {
        return Optional.ofNullable(vaults.get(key(name)));
    }

    /** @return the names of the vaults this fixture made */
    public List<String> vaultNames() {
        return vaults.values().stream().map(Vault::name).sorted().collect(Collectors.toList());
    }

    /**
     * A vault name no other call of this fixture returns: {@code kv-} plus up to 14 letters and
     * digits of the hint plus a counter, always a valid vault name.
     *
     * @param hint such as the test method's name
     * @return the name
     */
    public String uniqueVaultName(String hint) {
        String base = hint == null ? "" : hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.length() > 14) {
            base = base.substring(0, 14);
        }
        int n = vaultCounter.incrementAndGet();
        return base.isEmpty() ? "kv-" + n : "kv-" + base + "-" + n;
    }

    /**
     * Assigns a role as the owner; if the principal already holds that role at exactly that scope,
     * returns the existing assignment.
     *
     * @param principal who receives the role
     * @param role      the role
     * @param scope     where
     * @return the assignment
     */
    public RoleAssignment assign(Principal principal, RoleDefinition role, Scope scope) {
        try {
            return management().roleAssignments().create(scope, role, principal);
        } catch (ConflictException e) {
            return management().roleAssignments().list(scope).stream()
                    .filter(a -> a.scope().equals(scope) && a.principalId().equals(principal.objectId())
                            && a.roleDefinitionId().equalsIgnoreCase(role.id()))
                    .findFirst().orElseThrow(() -> e);
        }
    }

    /**
     * Resolves a role by name (case-insensitive, such as {@code Key Vault Reader}) or id.
     *
     * @param nameOrId a built-in role's name or id
     * @return the role
     * @throws IllegalArgumentException listing the built-in roles, if none matches
     */
    public static RoleDefinition role(String nameOrId) {
        return BuiltInRole.byName(nameOrId).or(() -> BuiltInRole.byId(nameOrId)).orElseThrow(() ->
                new IllegalArgumentException("No built-in role '" + nameOrId + "'; known roles: "
                        + BuiltInRole.all().stream().map(RoleDefinition::roleName).collect(Collectors.toList())));
    }

    /**
     * Builds a scope relative to this fixture.
     *
     * @param scope  the kind of scope
     * @param vault  the vault name, for {@link RoleScope#VAULT} and {@link RoleScope#OBJECT}
     * @param object {@code secrets/name}, {@code keys/name} or {@code certificates/name}, for {@link RoleScope#OBJECT}
     * @return the scope
     * @throws IllegalArgumentException if a needed part is missing or malformed
     */
    public Scope scope(RoleScope scope, String vault, String object) {
        switch (scope) {
            case SUBSCRIPTION:
                return subscription.scope();
            case RESOURCE_GROUP:
                return resourceGroup.scope();
            case VAULT:
                return vaultScope(vault);
            case OBJECT:
                String[] parts = object == null ? new String[0] : object.split("/", -1);
                if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new IllegalArgumentException("An object scope is 'secrets/name', 'keys/name' or "
                            + "'certificates/name', was '" + object + "'.");
                }
                return vaultScope(vault).child(parts[0], parts[1]);
            default:
                throw new IllegalArgumentException("unknown scope " + scope);
        }
    }

    private Scope vaultScope(String vault) {
        if (vault == null || vault.isEmpty()) {
            throw new IllegalArgumentException("A vault or object scope needs a vault name.");
        }
        return findVault(vault).map(Vault::scope).orElseGet(() -> {
            // A vault made outside the fixture: find where it lives through the owner's view.
            try {
                return management().getVault(vault).scope();
            } catch (ResourceNotFoundException e) {
                throw new IllegalArgumentException("No vault named '" + vault + "'; this fixture made " + vaultNames(), e);
            }
        });
    }

    @Override
    public String toString() {
        return "CofferFixture[" + platform + ", subscription " + subscription.id() + ", clock " + clock.instant() + "]";
    }
}
