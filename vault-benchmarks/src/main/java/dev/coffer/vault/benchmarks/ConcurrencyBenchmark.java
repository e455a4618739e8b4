package dev.coffer.vault.benchmarks;

import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.core.internal.audit.AuditTrail;
import dev.coffer.vault.secrets.KeyVaultSecret;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput with 1 and 2 threads (reported, no target): audit append (the in-memory audit trail,
 * full at its fixed capacity so every append also evicts, against a JDK ArrayBlockingQueue of the
 * same capacity used the same way) and getSecret on a vault of 1,000 secrets (against a
 * ConcurrentHashMap get). On a 2-core machine the 2-thread figures show contention, not scaling.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ConcurrencyBenchmark {
    private static final int SECRETS = 1_000;
    private static final int ORDER_MASK = (1 << 16) - 1;

    /** Everything the threads share. */
    @State(Scope.Benchmark)
    public static class Shared {
        Setups.World world;
        Map<String, String> map;
        AuditTrail trail;
        ArrayBlockingQueue<AuditEvent> queue;
        AuditEvent event;
        String[] order;

        @Setup(Level.Trial)
        public void setUp() {
            world = Setups.world();
            Setups.fill(world.secrets, SECRETS);
            map = new ConcurrentHashMap<>();
            Setups.fill(map, SECRETS);
            order = Setups.readOrder(SECRETS, ORDER_MASK + 1);
            List<AuditEvent> events = world.platform.auditLog().events();
            event = events.get(events.size() - 1);
            trail = new AuditTrail(Setups.AUDIT_CAPACITY, List.of(), false);
            queue = new ArrayBlockingQueue<>(Setups.AUDIT_CAPACITY);
            for (int i = 0; i < Setups.AUDIT_CAPACITY; i++) {
                trail.record(event);
                queue.add(event);
            }
        }
    }

    /** Each thread's own position in the read order, so threads do not share a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            next = (int) (Thread.currentThread().getId() * 7919);
        }

        String name(Shared s) {
            return s.order[next++ & ORDER_MASK];
        }
    }

    private static void boundedAppend(ArrayBlockingQueue<AuditEvent> q, AuditEvent e) {
        while (!q.offer(e)) {
            q.poll();
        }
    }

    @Benchmark
    @Threads(1)
    public void queueAppend1Thread(Shared s) {
        boundedAppend(s.queue, s.event);
    }

    @Benchmark
    @Threads(2)
    public void queueAppend2Threads(Shared s) {
        boundedAppend(s.queue, s.event);
    }

    @Benchmark
    @Threads(1)
    public void auditAppend1Thread(Shared s) {
        s.trail.record(s.event);
    }

    @Benchmark
    @Threads(2)
    public void auditAppend2Threads(Shared s) {
        s.trail.record(s.event);
    }

    @Benchmark
    @Threads(1)
    public String mapGet1Thread(Shared s, Cursor c) {
        return s.map.get(c.name(s));
    }

    @Benchmark
    @Threads(2)
    public String mapGet2Threads(Shared s, Cursor c) {
        return s.map.get(c.name(s));
    }

    @Benchmark
    @Threads(1)
    public KeyVaultSecret getSecret1Thread(Shared s, Cursor c) {
        return s.world.secrets.getSecret(c.name(s));
    }

    @Benchmark
    @Threads(2)
    public KeyVaultSecret getSecret2Threads(Shared s, Cursor c) {
        return s.world.secrets.getSecret(c.name(s));
    }
}
