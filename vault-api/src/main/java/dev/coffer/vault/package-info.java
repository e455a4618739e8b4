/**
 * The core of Coffer's public API: {@link dev.coffer.vault.CofferPlatform}, the
 * {@link dev.coffer.vault.Directory}, the management plane ({@link dev.coffer.vault.VaultManager},
 * {@link dev.coffer.vault.Vault}), resource IDs as {@link dev.coffer.vault.Scope}, lazy paging,
 * request contexts, and the unchecked exception tree rooted at {@link dev.coffer.vault.CofferException},
 * whose subclasses carry Azure's status and error codes.
 */
package dev.coffer.vault;
