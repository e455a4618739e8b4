package dev.coffer.vault.benchmarks;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.spi.KeyPairSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fast keys: {@code createRsaKey} (RSA-2048) when a pre-generated pair is ready, against the same call
 * generating the key. The "pool" here hands out a few pairs generated in the trial's set-up, in turn:
 * what the benchmark measures is the creation path's cost once a pair is ready (authorization, wrapping
 * under the provider's key, storing, audit), which does not depend on whether a pair was used before.
 * The testkit's real pool does the same work in a background thread and hands each pair out once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KeyCreationBenchmark {

    /** A vault whose software provider may draw on ready pairs, or not. */
    @State(Scope.Thread)
    public static class Keys {
        KeyClient keys;
        KeyPair[] ready;
        int next;
        int counter;

        KeyClient build(KeyPairSource source) {
            var builder = Coffer.inMemory().withoutSlf4jAuditSink().auditCapacity(Setups.AUDIT_CAPACITY);
            if (source != null) {
                builder.keyPairSource(source);
            }
            CofferPlatform platform = builder.build();
            Principal owner = platform.directory().createUser("owner@contoso.example");
            Subscription sub = platform.createSubscription("bench", owner);
            VaultManager mgmt = platform.management(owner);
            mgmt.createResourceGroup(sub.id(), "rg-bench", "westeurope");
            Vault vault = mgmt.createVault(VaultOptions.named("kv-bench").resourceGroup(sub, "rg-bench"));
            Principal app = platform.directory().createServicePrincipal("bench-app");
            mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, app);
            return vault.keyClient(app);
        }
    }

    /** Ready pairs, made before measuring. */
    public static class Pooled extends Keys {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            ready = new KeyPair[8];
            for (int i = 0; i < ready.length; i++) {
                ready[i] = g.generateKeyPair();
            }
        }

        /** A fresh vault per iteration: at ~15 µs a key, one vault would otherwise fill the heap and measure the GC. */
        @Setup(Level.Iteration)
        public void freshVault() {
            keys = build(spec -> Optional.of(ready[next++ % ready.length]));
        }
    }

    /** No source: every key is generated in the call. */
    public static class Generating extends Keys {
        @Setup(Level.Trial)
        public void setUp() {
            keys = build(null);
        }
    }

    @Benchmark
    public KeyVaultKey createRsaKeyGenerating(Generating s) {
        return s.keys.createRsaKey(new CreateRsaKeyOptions("k" + (s.counter++)).setKeySize(2048));
    }

    @Benchmark
    public KeyVaultKey createRsaKeyFromPool(Pooled s) {
        return s.keys.createRsaKey(new CreateRsaKeyOptions("k" + (s.counter++)).setKeySize(2048));
    }
}
