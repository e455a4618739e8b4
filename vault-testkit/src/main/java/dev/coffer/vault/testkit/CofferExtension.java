package dev.coffer.vault.testkit;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.ResourceGroup;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.core.FaultInjector;
import dev.coffer.vault.core.ThrottlingPolicy;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.hsm.SimulatedHsm;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.secrets.SecretClient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CofferTest @CofferTest}. It keeps one {@link CofferFixture}
 * per test (or per class, see {@link Isolation}) in JUnit's extension store, so tests running in
 * parallel never share a platform unless they ask to, and nothing lives in static state.
 *
 * <p>Before each test it reads the declarations of the test method's parameters and of the test
 * instance's annotated fields and creates them in a fixed order, whatever order they are written
 * in: vaults first, then principals, then group memberships, then role assignments (which may name
 * the vaults and groups). Then it injects the annotated fields; parameters are injected by JUnit
 * through {@link #resolveParameter}. Declarations on lifecycle-method parameters are created when
 * JUnit resolves them, in parameter order.
 *
 * <p>Usually applied through {@code @CofferTest}; {@code @ExtendWith(CofferExtension.class)} alone
 * gives the default settings.
 */
public final class CofferExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CofferExtension.class);
    private static final String STATE = "coffer-state";

    /** Creates the extension; JUnit does this. */
    public CofferExtension() {
    }

    /** What the extension keeps per platform: the fixture, and the names given to unnamed vault declarations. */
    private static final class State {
        final CofferFixture fixture;
        final Map<AnnotatedElement, String> unnamedVaults = new ConcurrentHashMap<>();

        State(CofferFixture fixture) {
            this.fixture = fixture;
        }
    }

    @CofferTest
    private static final class Defaults {
    }

    private static CofferTest config(ExtensionContext ctx) {
        for (Class<?> c = ctx.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<CofferTest> found = AnnotationSupport.findAnnotation(c, CofferTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.class.getAnnotation(CofferTest.class);
    }

    private static ExtensionContext holder(ExtensionContext ctx, CofferTest cfg) {
        if (cfg.isolation() == Isolation.PER_TEST) {
            if (ctx.getTestMethod().isEmpty()) {
                throw new ExtensionConfigurationException("With @CofferTest(isolation = PER_TEST) each test method gets its "
                        + "own platform, so there is none in " + ctx.getDisplayName()
                        + " (a @BeforeAll method or a constructor); use @CofferTest(isolation = Isolation.PER_CLASS) to share one.");
            }
            return ctx;
        }
        // The class context of the class that carries the annotation (or the outermost one, for @Nested classes).
        ExtensionContext chosen = null;
        for (ExtensionContext c = ctx; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestMethod().isEmpty() && c.getTestClass().isPresent()) {
                chosen = c;
                if (AnnotationSupport.isAnnotated(c.getRequiredTestClass(), CofferTest.class)) {
                    return c;
                }
            }
        }
        if (chosen == null) {
            throw new ExtensionConfigurationException("No test class context for " + ctx.getDisplayName());
        }
        return chosen;
    }

    private static State state(ExtensionContext ctx) {
        CofferTest cfg = config(ctx);
        return holder(ctx, cfg).getStore(NAMESPACE).getOrComputeIfAbsent(STATE, k -> new State(newFixture(cfg)), State.class);
    }

    private static CofferFixture newFixture(CofferTest cfg) {
        CofferFixture.Builder b = CofferFixture.builder();
        if (!cfg.start().isEmpty()) {
            b.start(Instant.parse(cfg.start()));
        }
        if (cfg.auditCapacity() > 0) {
            b.auditCapacity(cfg.auditCapacity());
        }
        if (cfg.failClosedAudit()) {
            b.failClosedAudit();
        }
        if (cfg.throttling()) {
            b.throttling(ThrottlingPolicy.azure());
        }
        if (cfg.deterministic()) {
            b.deterministic(cfg.seed());
        }
        if (cfg.freshKeys()) {
            b.freshKeys();
        }
        if (cfg.hsm()) {
            b.hsm();
        }
        return b.build();
    }

    /**
     * Finds the fixture JUnit's extension store holds for a test or class, creating it if needed.
     * For extensions and helpers of users that build on this one.
     *
     * @param context a test or class context under {@code @CofferTest}
     * @return the fixture
     */
    public static CofferFixture fixture(ExtensionContext context) {
        return state(context).fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (config(context).isolation() == Isolation.PER_CLASS) {
            state(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        State st = state(context);
        for (InjectFault f : context.getRequiredTestMethod().getAnnotationsByType(InjectFault.class)) {
            FaultInjector.Rule rule = st.fixture.faults().failNext(f.times(), f.operation());
            if (!f.object().isEmpty()) {
                rule.onObject(f.object());
            }
            rule.with(() -> faultFor(f));
        }
        List<Declared> declared = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && isDeclaration(f)) {
                        declared.add(new Declared(f, f.getType(), f.getName(), instance));
                    }
                }
            }
        }
        for (Parameter p : context.getRequiredTestMethod().getParameters()) {
            if (isDeclaration(p)) {
                declared.add(new Declared(p, p.getType(), context.getRequiredTestMethod().getName(), null));
            }
        }
        Setup setup = new Setup(st, declared);
        setup.createAll();
        for (Declared d : declared) {
            if (d.element instanceof Field) {
                Field f = (Field) d.element;
                Object value = setup.valueFor(d);
                try {
                    f.setAccessible(true);
                    f.set(d.instance, value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new ExtensionConfigurationException("Cannot inject field " + describe(f) + ": " + e, e);
                }
            }
        }
    }

    private static CofferException faultFor(InjectFault f) {
        String what = "fault injected by @InjectFault on " + f.operation();
        switch (f.status()) {
            case 429:
                return new dev.coffer.vault.ThrottledException("Rate limit is exceeded. Try again in 1 seconds. (" + what + ")",
                        java.time.Duration.ofSeconds(1));
            case 503:
                return new dev.coffer.vault.ServiceUnavailableException("ServiceUnavailable", null, "Service unavailable (" + what + ").");
            default:
                return new CofferException(f.status(), f.status() >= 500 ? "InternalServerError" : "BadRequest", null,
                        "Injected error " + f.status() + " (" + what + ").");
        }
    }

    private static boolean isDeclaration(AnnotatedElement e) {
        return e.isAnnotationPresent(TestVault.class) || e.isAnnotationPresent(User.class)
                || e.isAnnotationPresent(ServicePrincipal.class) || e.isAnnotationPresent(ManagedIdentity.class)
                || e.isAnnotationPresent(Group.class) || e.isAnnotationPresent(As.class);
    }

    private static final Set<Class<?>> PLAIN = Set.of(CofferPlatform.class, MovableClock.class, CofferFixture.class,
            AuditLog.class, Subscription.class, ResourceGroup.class, VaultManager.class, FaultInjector.class,
            SimulatedHsm.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        return isDeclaration(p) || PLAIN.contains(p.getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        State st;
        try {
            st = state(extensionContext);
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        if (isDeclaration(p)) {
            String hint = extensionContext.getTestMethod().map(m -> m.getName())
                    .orElse(parameterContext.getDeclaringExecutable().getName());
            // Create the whole executable's declarations (idempotent), so that a role's default vault is
            // the one vault declared beside it, in a lifecycle method as in a test method.
            Declared d = null;
            List<Declared> all = new ArrayList<>();
            for (Parameter q : parameterContext.getDeclaringExecutable().getParameters()) {
                if (isDeclaration(q)) {
                    Declared x = new Declared(q, q.getType(), hint, null);
                    all.add(x);
                    if (q.equals(p)) {
                        d = x;
                    }
                }
            }
            Setup setup = new Setup(st, all);
            try {
                setup.createAll();
                return setup.valueFor(d);
            } catch (ExtensionConfigurationException e) {
                throw new ParameterResolutionException(e.getMessage(), e);
            }
        }
        CofferFixture fx = st.fixture;
        Class<?> type = p.getType();
        if (type == CofferPlatform.class) {
            return fx.platform();
        }
        if (type == MovableClock.class) {
            return fx.clock();
        }
        if (type == CofferFixture.class) {
            return fx;
        }
        if (type == AuditLog.class) {
            return fx.auditLog();
        }
        if (type == Subscription.class) {
            return fx.subscription();
        }
        if (type == ResourceGroup.class) {
            return fx.resourceGroup();
        }
        if (type == FaultInjector.class) {
            return fx.faults();
        }
        if (type == SimulatedHsm.class) {
            try {
                return fx.hsm();
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException("A SimulatedHsm parameter needs @CofferTest(hsm = true).", e);
            }
        }
        return fx.management();
    }

    /** One annotated parameter or field. */
    private static final class Declared {
        final AnnotatedElement element;
        final Class<?> type;
        final String hint;
        final Object instance;

        Declared(AnnotatedElement element, Class<?> type, String hint, Object instance) {
            this.element = element;
            this.type = type;
            this.hint = hint;
            this.instance = instance;
        }

        String describe() {
            return CofferExtension.describe(element);
        }
    }

    private static String describe(AnnotatedElement e) {
        if (e instanceof Parameter) {
            Parameter p = (Parameter) e;
            Parameter[] all = p.getDeclaringExecutable().getParameters();
            int index = java.util.Arrays.asList(all).indexOf(p);
            String which = p.isNamePresent() ? "'" + p.getName() + "'" : "#" + (index + 1) + " (" + p.getType().getSimpleName() + ")";
            return "parameter " + which + " of " + p.getDeclaringExecutable().getName() + "()";
        }
        if (e instanceof Member) {
            return "field '" + ((Member) e).getName() + "'";
        }
        return String.valueOf(e);
    }

    /** Creates a set of declarations in dependency order. */
    private static final class Setup {
        private final State st;
        private final CofferFixture fx;
        private final List<Declared> declared;
        private final Set<String> declaredVaults = new TreeSet<>();

        Setup(State st, List<Declared> declared) {
            this.st = st;
            this.fx = st.fixture;
            this.declared = declared;
        }

        void createAll() {
            for (Declared d : declared) {
                TestVault tv = d.element.getAnnotation(TestVault.class);
                if (tv != null) {
                    declaredVaults.add(vault(d, tv).name());
                }
            }
            for (Declared d : declared) {
                principal(d);
            }
            for (Declared d : declared) {
                Group g = d.element.getAnnotation(Group.class);
                if (g != null) {
                    for (String member : g.members()) {
                        guarded(d, () -> fx.group(g.value(), known(d, member)));
                    }
                }
            }
            for (Declared d : declared) {
                Principal p = principal(d);
                if (p != null) {
                    for (Role r : roles(d)) {
                        guarded(d, () -> fx.assign(p, CofferFixture.role(r.role()),
                                fx.scope(r.scope(), r.scope() == RoleScope.VAULT || r.scope() == RoleScope.OBJECT
                                        ? vaultFor(d, r) : null, r.object())));
                    }
                }
            }
        }

        private Principal known(Declared d, String name) {
            return fx.findPrincipal(name).orElseThrow(() -> new ExtensionConfigurationException(d.describe()
                    + " names member '" + name + "', which is not declared; declare it with @User, @ServicePrincipal, "
                    + "@ManagedIdentity or @Group (known: " + knownNames() + ")."));
        }

        private String knownNames() {
            return fx.principalNames().toString();
        }

        private String vaultFor(Declared d, Role r) {
            if (!r.vault().isEmpty()) {
                return r.vault();
            }
            Set<String> candidates = declaredVaults.isEmpty() ? new TreeSet<>(fx.vaultNames()) : declaredVaults;
            if (candidates.size() != 1) {
                throw new ExtensionConfigurationException(d.describe() + " assigns '" + r.role() + "' at scope " + r.scope()
                        + " without naming the vault, but the test declares " + (candidates.isEmpty() ? "no vault"
                        : "several vaults " + candidates) + "; set @Role(vault = \"...\") or declare one @TestVault.");
            }
            return candidates.iterator().next();
        }

        private Vault vault(Declared d, TestVault tv) {
            if (d.type != Vault.class && d.type != VaultProperties.class) {
                throw new ExtensionConfigurationException("@TestVault goes on a Vault or VaultProperties, not on "
                        + d.describe() + " of type " + d.type.getSimpleName() + ".");
            }
            String name = tv.name().isEmpty()
                    ? st.unnamedVaults.computeIfAbsent(d.element, k -> fx.uniqueVaultName(d.hint))
                    : tv.name();
            return guarded(d, () -> {
                VaultOptions options = VaultOptions.named(name).sku(tv.sku()).softDeleteRetentionDays(tv.retentionDays())
                        .purgeProtection(tv.purgeProtection()).permissionModel(tv.permissionModel());
                for (String tag : tv.tags()) {
                    int eq = tag.indexOf('=');
                    if (eq <= 0) {
                        throw new ExtensionConfigurationException("@TestVault tags are 'key=value', was '" + tag + "'.");
                    }
                    options.tag(tag.substring(0, eq), tag.substring(eq + 1));
                }
                Vault v = fx.vault(options);
                // A declaration that leaves a setting at its default refers to the vault as it is; one that
                // sets it must agree with the vault already made under that name.
                VaultProperties have = v.properties();
                if ((tv.sku() != SkuName.STANDARD && have.sku() != tv.sku())
                        || (tv.retentionDays() != 90 && have.softDeleteRetentionInDays() != tv.retentionDays())
                        || (tv.purgeProtection() && !have.purgeProtectionEnabled())
                        || (tv.permissionModel() != PermissionModel.RBAC && have.permissionModel() != tv.permissionModel())) {
                    throw new ExtensionConfigurationException("Vault '" + name + "' was already declared in this platform "
                            + "with other settings (" + have.sku() + ", " + have.softDeleteRetentionInDays() + " days, purge protection "
                            + have.purgeProtectionEnabled() + ", " + have.permissionModel() + "); give this declaration another name.");
                }
                return v;
            });
        }

        private static String principalName(Declared d) {
            User u = d.element.getAnnotation(User.class);
            if (u != null) {
                return u.value();
            }
            ServicePrincipal sp = d.element.getAnnotation(ServicePrincipal.class);
            if (sp != null) {
                return sp.value();
            }
            ManagedIdentity mi = d.element.getAnnotation(ManagedIdentity.class);
            if (mi != null) {
                return mi.value();
            }
            Group g = d.element.getAnnotation(Group.class);
            return g != null ? g.value() : null;
        }

        private static Role[] roles(Declared d) {
            User u = d.element.getAnnotation(User.class);
            if (u != null) {
                return u.roles();
            }
            ServicePrincipal sp = d.element.getAnnotation(ServicePrincipal.class);
            if (sp != null) {
                return sp.roles();
            }
            ManagedIdentity mi = d.element.getAnnotation(ManagedIdentity.class);
            if (mi != null) {
                return mi.roles();
            }
            Group g = d.element.getAnnotation(Group.class);
            return g != null ? g.roles() : new Role[0];
        }

        /** Gets or creates the principal a declaration names; null if it declares none. */
        private Principal principal(Declared d) {
            String name = principalName(d);
            if (name == null) {
                return null;
            }
            if (d.type != Principal.class) {
                throw new ExtensionConfigurationException("Principal declarations go on a Principal, not on "
                        + d.describe() + " of type " + d.type.getSimpleName() + ".");
            }
            PrincipalType type = d.element.isAnnotationPresent(User.class) ? PrincipalType.USER
                    : d.element.isAnnotationPresent(ServicePrincipal.class) ? PrincipalType.SERVICE_PRINCIPAL
                    : d.element.isAnnotationPresent(ManagedIdentity.class) ? PrincipalType.MANAGED_IDENTITY
                    : PrincipalType.GROUP;
            return guarded(d, () -> {
                switch (type) {
                    case USER:
                        return fx.user(name);
                    case SERVICE_PRINCIPAL:
                        return fx.servicePrincipal(name);
                    case MANAGED_IDENTITY:
                        return fx.managedIdentity(name);
                    default:
                        return fx.group(name);
                }
            });
        }

        Object valueFor(Declared d) {
            TestVault tv = d.element.getAnnotation(TestVault.class);
            if (tv != null) {
                Vault v = vault(d, tv);
                return d.type == VaultProperties.class ? v.properties() : v;
            }
            As as = d.element.getAnnotation(As.class);
            if (as != null) {
                if (d.type != VaultManager.class && d.type != KeyClient.class && d.type != SecretClient.class
                        && d.type != CryptographyClient.class) {
                    throw new ExtensionConfigurationException("@As goes on a VaultManager, KeyClient, SecretClient or "
                            + "CryptographyClient, not on " + d.describe() + " of type " + d.type.getSimpleName() + ".");
                }
                if (d.type == CryptographyClient.class && as.key().isEmpty()) {
                    throw new ExtensionConfigurationException("@As on the CryptographyClient " + d.describe()
                            + " needs the key it works with: @As(value = \"" + as.value() + "\", key = \"...\").");
                }
                Principal p = fx.findPrincipal(as.value()).orElseThrow(() -> new ExtensionConfigurationException(
                        "@As(\"" + as.value() + "\") on " + d.describe() + " names no declared principal; declare it with "
                                + "@User, @ServicePrincipal, @ManagedIdentity or @Group (known: " + knownNames() + ")."));
                if (d.type == VaultManager.class) {
                    return fx.platform().management(p);
                }
                Vault vault = asVault(d, as);
                if (d.type == CryptographyClient.class) {
                    // The key may not exist yet: the client resolves it on each call, as Azure's does.
                    return vault.keyClient(p).getCryptographyClient(as.key());
                }
                return d.type == KeyClient.class ? vault.keyClient(p) : vault.secretClient(p);
            }
            return principal(d);
        }

        /** The vault of an {@code @As} data-plane client: the one it names, else the single vault declared beside it. */
        private Vault asVault(Declared d, As as) {
            String name = as.vault();
            if (name.isEmpty()) {
                Set<String> candidates = declaredVaults.isEmpty() ? new TreeSet<>(fx.vaultNames()) : declaredVaults;
                if (candidates.size() != 1) {
                    throw new ExtensionConfigurationException("@As(\"" + as.value() + "\") on " + d.describe()
                            + " does not name its vault, but the test declares " + (candidates.isEmpty() ? "no vault"
                            : "several vaults " + candidates) + "; set @As(vault = \"...\") or declare one @TestVault.");
                }
                name = candidates.iterator().next();
            }
            String chosen = name;
            return fx.findVault(chosen).orElseThrow(() -> new ExtensionConfigurationException("@As(vault = \"" + chosen
                    + "\") on " + d.describe() + " names no vault of this platform (known: " + fx.vaultNames() + ")."));
        }

        private <T> T guarded(Declared d, java.util.function.Supplier<T> body) {
            try {
                return body.get();
            } catch (CofferException | IllegalArgumentException e) {
                throw new ExtensionConfigurationException("Could not set up " + d.describe() + ": " + e.getMessage(), e);
            }
        }
    }
}
