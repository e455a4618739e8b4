/**
 * The vocabulary of Key Vault keys, named as in the Azure SDK for Java: {@link dev.coffer.vault.keys.KeyType},
 * {@link dev.coffer.vault.keys.KeyCurveName}, {@link dev.coffer.vault.keys.KeyOperation} and the
 * {@link dev.coffer.vault.keys.JsonWebKey} that carries a key's public (and, only on import, private) parts.
 *
 * <p>The enumerations are open "string enums" spelled exactly as on the wire, so values move unchanged
 * between Coffer, the Azure REST API and the Azure SDK. Every type here is immutable and thread-safe, and
 * no {@code toString} ever shows private key material.
 */
package dev.coffer.vault.keys;
