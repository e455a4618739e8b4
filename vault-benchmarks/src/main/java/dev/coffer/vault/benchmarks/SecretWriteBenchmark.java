package dev.coffer.vault.benchmarks;

import dev.coffer.vault.secrets.KeyVaultSecret;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * setSecret against the map operations that do the same job: a new name against a
 * ConcurrentHashMap put of a new key; a new version of an existing name against appending to that
 * key's list in a ConcurrentHashMap.
 *
 * <p>Writes change the state they run against, so each measurement is one batch of
 * {@value #BATCH} calls on a freshly built store of {@value #PREFILL} names (one version each): the
 * new-version batch takes every name from one version to two, the new-name batch adds
 * {@value #BATCH} names. Without the reset the version lists would grow with the run's length and
 * the figure would depend on how long JMH happened to run. The score JMH reports is per batch; the
 * summarizer divides by the batch size.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, batchSize = SecretWriteBenchmark.BATCH)
@Measurement(iterations = 20, batchSize = SecretWriteBenchmark.BATCH)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class SecretWriteBenchmark {
    static final int PREFILL = 10_000;
    static final int BATCH = 10_000;

    private String[] existingNames;
    private String[] newNames;
    private String[] values;

    private Map<String, String> map;
    private Map<String, List<String>> lists;
    private Setups.World world;
    private int next;

    @Setup(Level.Trial)
    public void names() {
        existingNames = new String[BATCH];
        newNames = new String[BATCH];
        values = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            existingNames[i] = Setups.name(i % PREFILL);
            newNames[i] = Setups.name(PREFILL + i);
            values[i] = Setups.value(PREFILL + i);
        }
    }

    @Setup(Level.Iteration)
    public void freshStore(BenchmarkParams params) {
        next = 0;
        String b = params.getBenchmark();
        if (b.endsWith("mapPutNewKey")) {
            map = new ConcurrentHashMap<>();
            Setups.fill(map, PREFILL);
        } else if (b.endsWith("mapListAppend")) {
            lists = new ConcurrentHashMap<>();
            for (int i = 0; i < PREFILL; i++) {
                List<String> l = new ArrayList<>();
                l.add(Setups.value(i));
                lists.put(Setups.name(i), l);
            }
        } else {
            world = Setups.world();
            Setups.fill(world.secrets, PREFILL);
        }
    }

    @Benchmark
    public String mapPutNewKey() {
        int i = next++;
        return map.put(newNames[i], values[i]);
    }

    @Benchmark
    public KeyVaultSecret setSecretNewName() {
        int i = next++;
        return world.secrets.setSecret(newNames[i], values[i]);
    }

    @Benchmark
    public List<String> mapListAppend() {
        int i = next++;
        // compute() appends under the bin's lock, so concurrent appends to one key stay safe, as setSecret's are.
        return lists.compute(existingNames[i], (k, l) -> {
            l.add(values[i]);
            return l;
        });
    }

    @Benchmark
    public KeyVaultSecret setSecretNewVersion() {
        int i = next++;
        return world.secrets.setSecret(existingNames[i], values[i]);
    }
}
