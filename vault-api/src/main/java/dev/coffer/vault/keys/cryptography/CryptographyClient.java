package dev.coffer.vault.keys.cryptography;

import dev.coffer.vault.keys.KeyVaultKey;

/**
 * Cryptographic operations with one vault key, as one caller, with the Azure SDK's method names. Made
 * by {@link dev.coffer.vault.keys.KeyClient#getCryptographyClient(String)}; every call runs inside the
 * vault (the private key never leaves it), is authorized and audited once. Thread-safe and immutable.
 *
 * <pre>{@code
 * CryptographyClient crypto = vault.keyClient(app).getCryptographyClient("signing-key");
 * SignResult signed = crypto.signData(SignatureAlgorithm.ES256, document);
 * boolean ok = crypto.verifyData(SignatureAlgorithm.ES256, document, signed.getSignature()).isValid();
 * }</pre>
 *
 * <p>Rules, checked in this order after authorization:
 * <ol>
 *   <li>a <em>disabled</em> key refuses decrypt, sign and unwrapKey with 403 {@code Forbidden}, inner
 *       {@code KeyDisabled} ("Operation {op} is not allowed on a disabled key."); encrypt, verify and
 *       wrapKey still work, since they need only the public key;</li>
 *   <li>outside the key's validity window, encrypt, sign and wrapKey are refused with 403
 *       {@code Forbidden}, inner {@code KeyNotYetValid} before {@code notBefore} or {@code KeyExpired}
 *       from {@code expiresOn} on; decrypt, unwrapKey and verify still work, so data protected earlier
 *       stays readable;</li>
 *   <li>an operation missing from the key's {@code key_ops} is refused with 403 {@code Forbidden}, inner
 *       {@code KeyOperationForbidden} ("Operation {op} is not permitted on this key.");</li>
 *   <li>an algorithm that does not fit the key, or a digest of the wrong length, is 400
 *       {@code BadParameter}.</li>
 * </ol>
 * Results carry the id, with version, of the key version that did the work.
 *
 * <p>Permissions are RBAC data actions under {@code Microsoft.KeyVault/vaults/}, with the access-policy
 * key permission in parentheses. The public-key operations (encrypt, verify, wrapKey) also accept
 * {@code keys/read}.
 */
public interface CryptographyClient {

    /** @return the key id this client addresses: with a version if it was made for one, else without */
    String getKeyId();

    /**
     * Gets the key this client uses. Requires {@code keys/read} ({@code get}). Audited as {@code KeyGet}.
     *
     * @return the key (public part only)
     */
    KeyVaultKey getKey();

    /**
     * Encrypts with the key's public part (RSA1_5, RSA-OAEP, RSA-OAEP-256 for RSA keys). Requires
     * {@code keys/encrypt/action} or {@code keys/read} ({@code encrypt}). Audited as {@code KeyEncrypt}.
     *
     * @param algorithm the algorithm
     * @param plaintext the data, short enough for the key and padding
     * @return the ciphertext
     */
    EncryptResult encrypt(EncryptionAlgorithm algorithm, byte[] plaintext);

    /**
     * Decrypts with the private key. Requires {@code keys/decrypt/action} ({@code decrypt}). Audited as
     * {@code KeyDecrypt}.
     *
     * @param algorithm  the algorithm used to encrypt
     * @param ciphertext the ciphertext
     * @return the plaintext
     * @throws dev.coffer.vault.BadParameterException with one message whatever made the ciphertext fail
     */
    DecryptResult decrypt(EncryptionAlgorithm algorithm, byte[] ciphertext);

    /**
     * Signs a digest the caller computed with the algorithm's hash. Requires {@code keys/sign/action}
     * ({@code sign}). Audited as {@code KeySign}.
     *
     * @param algorithm the algorithm (RS*, PS* for RSA keys; ES* matching the curve for EC keys)
     * @param digest    the digest: 32, 48 or 64 bytes as the algorithm's hash
     * @return the signature (r||s for ECDSA)
     */
    SignResult sign(SignatureAlgorithm algorithm, byte[] digest);

    /**
     * Verifies a signature over a digest. Requires {@code keys/verify/action} or {@code keys/read}
     * ({@code verify}). Audited as {@code KeyVerify}.
     *
     * @param algorithm the algorithm
     * @param digest    the digest
     * @param signature the signature; a malformed one is simply not valid
     * @return whether it is valid
     */
    VerifyResult verify(SignatureAlgorithm algorithm, byte[] digest, byte[] signature);

    /**
     * Hashes data with the algorithm's hash (SHA-256, -384 or -512) in the client, then signs the digest
     * as {@link #sign} does, with the same permission and audit.
     *
     * @param algorithm the algorithm
     * @param data      the data
     * @return the signature
     */
    SignResult signData(SignatureAlgorithm algorithm, byte[] data);

    /**
     * Hashes data, then verifies as {@link #verify} does, with the same permission and audit.
     *
     * @param algorithm the algorithm
     * @param data      the data
     * @param signature the signature
     * @return whether it is valid
     */
    VerifyResult verifyData(SignatureAlgorithm algorithm, byte[] data, byte[] signature);

    /**
     * Wraps a key with the key's public part (RSA1_5, RSA-OAEP, RSA-OAEP-256). Requires
     * {@code keys/wrap/action} or {@code keys/read} ({@code wrapKey}). Audited as {@code KeyWrap}.
     *
     * @param algorithm the algorithm
     * @param key       the key material to wrap
     * @return the wrapped key
     */
    WrapResult wrapKey(KeyWrapAlgorithm algorithm, byte[] key);

    /**
     * Unwraps a key with the private key. Requires {@code keys/unwrap/action} ({@code unwrapKey}).
     * Audited as {@code KeyUnwrap}.
     *
     * @param algorithm    the algorithm used to wrap
     * @param encryptedKey the wrapped key
     * @return the key material
     */
    UnwrapResult unwrapKey(KeyWrapAlgorithm algorithm, byte[] encryptedKey);
}
