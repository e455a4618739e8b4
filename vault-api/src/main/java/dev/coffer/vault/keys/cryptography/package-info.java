/**
 * The algorithm vocabulary of Key Vault's cryptographic operations, named as in the Azure SDK's
 * {@code ...keys.cryptography} package: {@link dev.coffer.vault.keys.cryptography.SignatureAlgorithm} for
 * sign and verify, {@link dev.coffer.vault.keys.cryptography.EncryptionAlgorithm} for encrypt and decrypt,
 * and {@link dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm} for wrapKey and unwrapKey.
 *
 * <p>All are open string enums spelled as on the wire. Which key type and size an algorithm needs is
 * decided by the {@link dev.coffer.vault.spi.CryptoProvider} that runs it, as Key Vault documents: for
 * example ES256 needs a P-256 key and a 32-byte digest, A128GCM a 128-bit key.
 */
package dev.coffer.vault.keys.cryptography;
