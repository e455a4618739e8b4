/**
 * The audit trail: one {@link dev.coffer.vault.audit.AuditEvent} per call with the fields of Azure
 * Key Vault's diagnostic log, a queryable in-memory {@link dev.coffer.vault.audit.AuditLog}, and the
 * {@link dev.coffer.vault.audit.AuditSink} SPI for shipping events elsewhere.
 */
package dev.coffer.vault.audit;
