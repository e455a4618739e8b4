package dev.coffer.vault.benchmarks;

import dev.coffer.vault.secrets.SecretProperties;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A full listing of a vault's secrets, every page of 25 (Azure's page size, each page an authorized
 * and audited call), against iterating a ConcurrentHashMap of the same size. Reported, no target.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class ListingBenchmark {

    @Param({"1000", "1000000"})
    public int size;

    private Map<String, String> map;
    private Setups.World world;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        if (params.getBenchmark().endsWith("mapIterate")) {
            map = new ConcurrentHashMap<>();
            Setups.fill(map, size);
        } else {
            world = Setups.world();
            Setups.fill(world.secrets, size);
        }
    }

    @Benchmark
    public int mapIterate(Blackhole bh) {
        int n = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            bh.consume(e.getKey());
            n++;
        }
        return n;
    }

    @Benchmark
    public int listSecrets(Blackhole bh) {
        int n = 0;
        for (SecretProperties p : world.secrets.listPropertiesOfSecrets()) {
            bh.consume(p);
            n++;
        }
        if (n != size) {
            throw new IllegalStateException("listed " + n + " of " + size);
        }
        return n;
    }
}
