/**
 * Coffer's in-memory implementation, reached through {@link dev.coffer.vault.core.Coffer#inMemory()}.
 * Everything else in vault-core is internal and not exported.
 */
package dev.coffer.vault.core;
