package dev.coffer.vault.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Heap per secret beyond its value bytes, at 1,000,000 secrets, against a ConcurrentHashMap of the
 * same names and values. Target: under 1 KiB per secret.
 *
 * <p>JMH times code, not memory, so the measurement happens once in the trial set-up and is written
 * to {@code heap-<side>-<size>.json} in the results folder ({@code -Dcoffer.bench.results}, default
 * the working directory), which the summarizer reads; the timed method does nothing. Each figure is
 * the used heap after garbage collection has settled (full collections until two readings agree).
 *
 * <p>Coffer's audit log holds a fixed number of events whatever the number of secrets, so its share
 * is measured apart: first the log is filled to capacity with reads of one secret, then the secrets
 * are added and only that second step counts per secret. The authorization caches (group memberships
 * and role verdicts per authorization generation) are small whatever the number of secrets; their
 * share is the drop when they are invalidated after the fill, and it is reported apart as well.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class HeapBenchmark {

    @Param({"1000000"})
    public int size;

    private Object retained;

    @Setup(Level.Trial)
    public void measure(BenchmarkParams params) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", size);
        out.put("valueBytes", Setups.VALUE_BYTES);
        if (params.getBenchmark().endsWith("mapHeap")) {
            Map<String, String> map = new ConcurrentHashMap<>();
            long before = settledHeap();
            Setups.fill(map, size);
            long after = settledHeap();
            out.put("side", "map");
            out.put("storeBytes", after - before);
            out.put("bytesPerEntryBeyondValue", (double) (after - before) / size - Setups.VALUE_BYTES);
            retained = map;
        } else {
            Setups.World world = Setups.world();
            world.secrets.setSecret("probe", Setups.value(0));
            long empty = settledHeap();
            for (int i = 0; i < Setups.AUDIT_CAPACITY; i++) {
                world.secrets.getSecret("probe");
            }
            long auditFull = settledHeap();
            Setups.fill(world.secrets, size);
            long filled = settledHeap();
            // Invalidate the authorization caches; the next call starts new, nearly empty ones.
            world.services().generation().bump();
            world.secrets.getSecret("probe");
            long filledNoCache = settledHeap();
            long store = filledNoCache - auditFull;
            out.put("side", "coffer");
            out.put("auditCapacity", Setups.AUDIT_CAPACITY);
            out.put("auditLogBytes", auditFull - empty);
            out.put("auditBytesPerEvent", (double) (auditFull - empty) / Setups.AUDIT_CAPACITY);
            out.put("decisionCacheBytes", filled - filledNoCache);
            out.put("storeBytes", store);
            out.put("bytesPerEntryBeyondValue", (double) store / size - Setups.VALUE_BYTES);
            retained = world;
        }
        String side = (String) out.get("side");
        java.nio.file.Path file = Results.dir().resolve("heap-" + side + "-" + size + ".json");
        Results.writeJson(file, out);
        System.out.println("heap measurement: " + out + " -> " + file);
    }

    @TearDown(Level.Trial)
    public void release() {
        Reference.reachabilityFence(retained);
        retained = null;
    }

    /** Used heap once full collections stop changing it (two readings within 64 KiB), at most ten tries. */
    static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    @Benchmark
    public int mapHeap() {
        return size;
    }

    @Benchmark
    public int cofferHeap() {
        return size;
    }
}
