package dev.coffer.vault.audit;

/**
 * Receives audit events as they are written, for example to ship them to a SIEM.
 *
 * <p>Called on the calling thread, possibly from many threads at once: implementations must be
 * thread-safe and quick. By default the platform is fail-open: an exception thrown here is counted
 * ({@link AuditLog#sinkFailures()}) and the call proceeds. With fail-closed auditing, the platform
 * first hands every sink a {@link AuditEvent.Phase#REQUEST} record and refuses the call, changing
 * nothing, if any sink throws.
 */
@FunctionalInterface
public interface AuditSink {
    /**
     * @param event the event; never null, never holding secret values
     * @throws RuntimeException if the event could not be taken
     */
    void accept(AuditEvent event);
}
