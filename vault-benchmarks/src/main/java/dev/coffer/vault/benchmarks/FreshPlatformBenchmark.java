package dev.coffer.vault.benchmarks;

import dev.coffer.vault.Vault;
import dev.coffer.vault.testkit.CofferFixture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each test pays for its own Coffer: a fresh platform with an owner, a subscription, a
 * resource group and one vault. Sampled, because the target is on the median (under 1 ms). Two
 * ways: the builder and management calls directly, and {@link CofferFixture} as the testkit's
 * extension builds it (it adds a movable clock and a fault injector). The baseline is the fake a
 * test would otherwise write: a new ConcurrentHashMap with one entry.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FreshPlatformBenchmark {

    @Benchmark
    public Map<String, String> mapFresh() {
        Map<String, String> m = new ConcurrentHashMap<>();
        m.put("s-0", "v");
        return m;
    }

    @Benchmark
    public Vault builderPlatformAndVault() {
        return Setups.platformAndVault();
    }

    @Benchmark
    public Vault fixturePlatformAndVault() {
        // freshKeys: the key pool's background thread would compete with the measurement on 2 cores.
        return CofferFixture.builder().freshKeys().build().vault("kv-bench");
    }
}
