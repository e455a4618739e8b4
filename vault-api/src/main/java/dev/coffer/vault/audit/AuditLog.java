package dev.coffer.vault.audit;

import java.util.List;

/**
 * The platform's in-memory audit log: completed events in the order they were written, bounded
 * by a capacity (the oldest are dropped first, and counted). Thread-safe.
 */
public interface AuditLog {

    /**
     * @param query a filter
     * @return the matching retained events, oldest first
     */
    List<AuditEvent> query(AuditQuery query);

    /** @return every retained event, oldest first */
    List<AuditEvent> events();

    /** @return how many events are retained now */
    int size();

    /** @return the most events retained at once */
    int capacity();

    /** @return how many events were dropped because the log was full */
    long dropped();

    /** @return how many times a sink threw (fail-open mode counts and goes on) */
    long sinkFailures();
}
