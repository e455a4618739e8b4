package dev.coffer.vault.core.internal.platform;

import dev.coffer.vault.Ticker;
import dev.coffer.vault.audit.AuditSink;
import dev.coffer.vault.core.internal.pipeline.Stage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Everything the platform builder collected, validated.
 *
 * @param clock         wall clock
 * @param ticker        duration source
 * @param random        randomness source
 * @param tenantId      the tenant id, or null to generate one
 * @param rootKey       the root key, or null to generate one
 * @param auditCapacity the in-memory audit log's capacity
 * @param sinks         audit sinks
 * @param failClosed    whether auditing is fail-closed
 * @param throttle      the throttle stage
 * @param faults        the fault stage
 * @param hsmProvider   the HSM-level crypto provider, or null for none
 */
public record PlatformConfig(Clock clock, Ticker ticker, SecureRandom random, String tenantId, byte[] rootKey,
                             int auditCapacity, List<AuditSink> sinks, boolean failClosed, Stage throttle, Stage faults,
                             dev.coffer.vault.spi.CryptoProvider hsmProvider) {
}
