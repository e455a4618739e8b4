package dev.coffer.vault.benchmarks;

import dev.coffer.vault.secrets.KeyVaultSecret;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * getSecret against a ConcurrentHashMap lookup holding the same number of entries, at 1,000 and at
 * 1,000,000 secrets. Targets: getSecret within 20x of the map at the same size; and getSecret's
 * growth from 1,000 to 1,000,000 within 1.5x of the map's own growth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SecretReadBenchmark {
    private static final int ORDER_MASK = (1 << 16) - 1;

    @Param({"1000", "1000000"})
    public int size;

    private Map<String, String> map;
    private Setups.World world;
    private String[] order;
    private int next;

    /** Builds only the side the running benchmark needs: filling 1,000,000 secrets takes seconds. */
    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        order = Setups.readOrder(size, ORDER_MASK + 1);
        if (params.getBenchmark().endsWith("mapGet")) {
            map = new ConcurrentHashMap<>();
            Setups.fill(map, size);
        } else {
            world = Setups.world();
            Setups.fill(world.secrets, size);
        }
    }

    private String nextName() {
        return order[next++ & ORDER_MASK];
    }

    @Benchmark
    public String mapGet() {
        return map.get(nextName());
    }

    @Benchmark
    public KeyVaultSecret getSecret() {
        return world.secrets.getSecret(nextName());
    }
}
