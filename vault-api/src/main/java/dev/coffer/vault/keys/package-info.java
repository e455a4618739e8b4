/**
 * Key Vault keys, named as in the Azure SDK for Java: the {@link dev.coffer.vault.keys.KeyClient} that
 * creates, imports, reads, updates, lists, deletes, recovers, purges, backs up, restores and rotates keys;
 * its models ({@link dev.coffer.vault.keys.KeyVaultKey}, {@link dev.coffer.vault.keys.KeyProperties},
 * {@link dev.coffer.vault.keys.DeletedKey}, {@link dev.coffer.vault.keys.KeyRotationPolicy}); its options
 * builders ({@link dev.coffer.vault.keys.CreateKeyOptions} and subclasses,
 * {@link dev.coffer.vault.keys.ImportKeyOptions}); and the vocabulary
 * ({@link dev.coffer.vault.keys.KeyType}, {@link dev.coffer.vault.keys.KeyCurveName},
 * {@link dev.coffer.vault.keys.KeyOperation}) with the {@link dev.coffer.vault.keys.JsonWebKey} that carries a
 * key's public (and, only on import, private) parts.
 *
 * <p>Private key material never leaves a vault: every returned key is public, and no {@code toString},
 * exception or audit event shows private parts. The enumerations are open "string enums" spelled exactly as on
 * the wire. Returned models are immutable; options objects are mutable builders that clients copy on entry.
 */
package dev.coffer.vault.keys;
