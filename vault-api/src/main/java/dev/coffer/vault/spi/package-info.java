/**
 * The service-provider interface for cryptographic backends.
 *
 * <p>{@link dev.coffer.vault.spi.CryptoProvider} is the one interface a backend implements: generate and
 * import keys, return their public parts, sign and verify digests, encrypt and decrypt, wrap and unwrap,
 * run public-key operations on bare public keys, export and import keys for backup, and destroy keys. Keys
 * are handed around as serializable {@link dev.coffer.vault.spi.KeyReference}s that hold the key material
 * wrapped under the provider's key-encryption key, or the name of an object the provider keeps.
 *
 * <p>The core picks a provider by its declared key types, sizes, curves and algorithms and by its
 * {@link dev.coffer.vault.spi.ProtectionLevel}. Every provider, Coffer's own and third parties', runs the
 * contract suite and the Wycheproof vectors in the {@code vault-tck} module.
 */
package dev.coffer.vault.spi;
