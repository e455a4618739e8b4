/**
 * Cryptographic operations with vault keys, named as in the Azure SDK's {@code ...keys.cryptography}
 * package: the {@link dev.coffer.vault.keys.cryptography.CryptographyClient} (encrypt, decrypt, sign,
 * verify, signData, verifyData, wrapKey, unwrapKey), its results (each carrying the id, with version, of the
 * key that did the work and the algorithm), and the algorithm vocabulary:
 * {@link dev.coffer.vault.keys.cryptography.SignatureAlgorithm} for sign and verify,
 * {@link dev.coffer.vault.keys.cryptography.EncryptionAlgorithm} for encrypt and decrypt, and
 * {@link dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm} for wrapKey and unwrapKey.
 *
 * <p>The algorithms are open string enums spelled as on the wire. Which key type and size an algorithm needs
 * is decided by the {@link dev.coffer.vault.spi.CryptoProvider} that runs it, as Key Vault documents: for
 * example ES256 needs a P-256 key and a 32-byte digest. Results that hold plaintext or key material
 * ({@code DecryptResult}, {@code UnwrapResult}) never show it in {@code toString}.
 */
package dev.coffer.vault.keys.cryptography;
