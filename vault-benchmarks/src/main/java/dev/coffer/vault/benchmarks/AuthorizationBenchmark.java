package dev.coffer.vault.benchmarks;

import dev.coffer.vault.Principal;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignmentClient;
import dev.coffer.vault.core.internal.authz.AuthorizationEngine;
import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.authz.Decision;
import dev.coffer.vault.core.internal.directory.AuthzGeneration;
import dev.coffer.vault.secrets.KeyVaultSecret;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An authorization decision with 10 and with 100,000 role assignments on the platform. Target: the
 * decision at 100,000 within 2x of the decision at 10.
 *
 * <p>The caller holds one assignment (Key Vault Secrets Officer on the vault); the others belong to
 * filler service principals, up to 100 each, at secret scopes inside the same vault, so they are
 * real assignments the engine must not look at. Four measurements each:
 * <ul>
 *   <li>a real getSecret whose decision is in the cache (a repeat call);</li>
 *   <li>a real getSecret right after the cache was invalidated, the way every assignment, role or
 *       membership change invalidates it (a bump of the authorization generation), so the
 *       decision is evaluated from the assignments;</li>
 *   <li>the same two through the engine alone, to separate the decision from the rest of the call.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class AuthorizationBenchmark {
    private static final int PER_FILLER = 100;

    @Param({"10", "100000"})
    public int assignments;

    private Setups.World world;
    private AuthorizationEngine engine;
    private AuthzGeneration generation;
    private dev.coffer.vault.Scope probeScope;
    private String action;

    @Setup(Level.Trial)
    public void setUp() {
        world = Setups.world();
        world.secrets.setSecret("probe", Setups.value(0));
        engine = world.services().engine();
        generation = world.services().generation();
        RoleAssignmentClient ras = world.management().roleAssignments();
        Principal filler = null;
        int made = 0;
        for (int i = engine.assignmentCount(); i < assignments; i++, made++) {
            if (made % PER_FILLER == 0) {
                filler = world.platform.directory().createServicePrincipal("filler-" + made / PER_FILLER);
            }
            ras.create(world.vault.scope().child("secrets", "f-" + made % PER_FILLER), BuiltInRole.KEY_VAULT_SECRETS_USER, filler);
        }
        if (engine.assignmentCount() != assignments) {
            throw new IllegalStateException("expected " + assignments + " assignments, have " + engine.assignmentCount());
        }
        probeScope = world.vault.scope().child("secrets", "probe");
        action = DataOperation.SECRET_GET.dataAction();
        if (!engine.decideDataAction(world.app.objectId(), probeScope, action).allowed()) {
            throw new IllegalStateException("the caller should be allowed");
        }
    }

    @Benchmark
    public KeyVaultSecret getSecretCached() {
        return world.secrets.getSecret("probe");
    }

    @Benchmark
    public KeyVaultSecret getSecretAfterInvalidation() {
        generation.bump();
        return world.secrets.getSecret("probe");
    }

    @Benchmark
    public Decision decisionCached() {
        return engine.decideDataAction(world.app.objectId(), probeScope, action);
    }

    @Benchmark
    public Decision decisionAfterInvalidation() {
        generation.bump();
        return engine.decideDataAction(world.app.objectId(), probeScope, action);
    }
}
