package dev.coffer.vault.core.internal.audit;

import dev.coffer.vault.ServiceUnavailableException;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.audit.AuditSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place audit events are written: the bounded in-memory log plus every sink. Fail-open by
 * default (a sink's exception is counted and the call goes on); fail-closed on request, where
 * {@link #admit} hands the sinks a request record first and refuses the call if any cannot take it.
 */
public final class AuditTrail implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final int capacity;
    private final List<AuditSink> sinks;
    private final boolean failClosed;
    private final ArrayDeque<AuditEvent> events;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();

    /**
     * @param capacity   the most events kept in memory
     * @param sinks      where events also go
     * @param failClosed whether a sink that cannot take a request record refuses the call
     */
    public AuditTrail(int capacity, List<AuditSink> sinks, boolean failClosed) {
        this.capacity = capacity;
        this.sinks = List.copyOf(sinks);
        this.failClosed = failClosed;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** @return whether fail-closed auditing is on */
    public boolean failClosed() {
        return failClosed;
    }

    /**
     * In fail-closed mode, writes the request record to every sink before the call runs.
     *
     * @param requestRecord the {@code REQUEST} record
     * @throws ServiceUnavailableException if a sink cannot take it: the call must not run
     */
    public void admit(AuditEvent requestRecord) {
        if (!failClosed) {
            return;
        }
        for (AuditSink sink : sinks) {
            try {
                sink.accept(requestRecord);
            } catch (RuntimeException e) {
                sinkFailures.incrementAndGet();
                throw new ServiceUnavailableException("AuditUnavailable", null,
                        "The call was refused because the audit trail could not record it (fail-closed auditing); "
                                + "nothing was changed. Sink failure: " + e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Records a completed call in the log and every sink.
     *
     * @param event the {@code COMPLETED} event
     */
    public void record(AuditEvent event) {
        lock.lock();
        try {
            if (events.size() >= capacity) {
                events.pollFirst();
                dropped.incrementAndGet();
            }
            events.addLast(event);
        } finally {
            lock.unlock();
        }
        for (AuditSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                sinkFailures.incrementAndGet();
                LOG.warn("Audit sink {} failed on {} ({}); counted and ignored (fail-open)",
                        sink.getClass().getName(), event.operationName(), e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        List<AuditEvent> out = new ArrayList<>();
        for (AuditEvent e : events()) {
            if (query.matches(e)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public List<AuditEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long sinkFailures() {
        return sinkFailures.get();
    }
}
