package dev.coffer.vault.spi;

import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.util.Set;

/**
 * A backend that creates keys and runs cryptographic operations with them: the software provider in
 * vault-core, the simulated HSM, or a third party's real HSM or cloud KMS.
 *
 * <h2>Keys</h2>
 * A generated or imported key comes back as a {@link KeyReference}, which the core stores. A provider
 * keeps no per-key state that a restart would lose: given the same key-encryption key (or the same token
 * store), a new instance must accept every reference an earlier instance returned. Private key material
 * leaves a provider only wrapped; {@link #publicKey(KeyReference)} returns the public part only.
 *
 * <h2>Thread safety</h2>
 * Implementations are thread-safe: every method may be called concurrently, with the same or different
 * references.
 *
 * <h2>Arguments</h2>
 * A null argument is a programming error and throws {@link NullPointerException}, except where a
 * parameter says "or null". Arrays are never modified and never retained: the provider copies what it keeps.
 * Empty arrays are legal where the algorithm allows them (an empty plaintext for AES-GCM, an empty AAD) and
 * refused with {@link dev.coffer.vault.BadParameterException} where it does not (an empty digest).
 *
 * <h2>Errors</h2>
 * Every refusal is a {@link dev.coffer.vault.CofferException}, never a JCA checked exception or an
 * unchecked crash:
 * <ul>
 *   <li>{@link dev.coffer.vault.BadParameterException} with error code {@code BadParameter} for an
 *       algorithm the key cannot use, a key type, size or curve the provider does not support, a digest of
 *       the wrong length, an IV or tag of the wrong length, input too long for the key, an incomplete or
 *       inconsistent imported key, a reference that is not this provider's, that fails authentication
 *       (altered, or wrapped under another key-encryption key), and a ciphertext that does not decrypt;</li>
 *   <li>{@link dev.coffer.vault.ResourceNotFoundException} for a token reference whose object is gone;</li>
 *   <li>{@link dev.coffer.vault.ServiceUnavailableException} when the backend cannot be reached.</li>
 * </ul>
 * {@link #verify} is the exception to the rule for signatures: a signature that is malformed in any way
 * (wrong length, out-of-range integers, garbage) makes it return {@code false}; only a problem with the key,
 * the algorithm or the digest throws. Messages never contain key material, plaintext or signatures.
 *
 * <h2>Constant time</h2>
 * Comparisons of tags, paddings, signatures' encoded messages and wrapped references' authentication must
 * not depend on secret data in their timing, and private-key RSA operations must be blinded. Decryption
 * failures are reported with one message whatever the cause (bad padding, bad tag, wrong length), so the
 * error does not serve as a padding oracle.
 *
 * <h2>Supported set</h2>
 * {@link #keyTypes()} and the per-type methods state exactly what the provider supports; the core picks a
 * provider by them and refuses what none supports. Every operation refuses, with {@code BadParameter},
 * anything outside the declared set.
 */
public interface CryptoProvider {

    /** @return a stable identifier, recorded in every {@link KeyReference} this provider returns */
    String id();

    /** @return where this provider keeps private key material */
    ProtectionLevel protectionLevel();

    /** @return the key types this provider generates and imports, as an immutable set */
    Set<KeyType> keyTypes();

    /**
     * @param keyType a key type
     * @return the key sizes in bits supported for RSA and symmetric types; empty for EC types and for types
     *         not in {@link #keyTypes()}
     */
    Set<Integer> keySizes(KeyType keyType);

    /**
     * @param keyType a key type
     * @return the curves supported for an EC type; empty otherwise
     */
    Set<KeyCurveName> curves(KeyType keyType);

    /**
     * @param keyType a key type
     * @return the signature algorithms keys of this type can use; empty when none
     */
    Set<SignatureAlgorithm> signatureAlgorithms(KeyType keyType);

    /**
     * @param keyType a key type
     * @return the encryption algorithms keys of this type can use; empty when none
     */
    Set<EncryptionAlgorithm> encryptionAlgorithms(KeyType keyType);

    /**
     * @param keyType a key type
     * @return the key wrap algorithms keys of this type can use; empty when none
     */
    Set<KeyWrapAlgorithm> keyWrapAlgorithms(KeyType keyType);

    /**
     * Tells whether a key of this type and size can be generated or imported.
     *
     * @param keyType a key type
     * @param keySize a size in bits
     * @return true if declared
     */
    default boolean supportsKeySize(KeyType keyType, int keySize) {
        return keySizes(keyType).contains(keySize);
    }

    /**
     * Tells whether an EC key of this type and curve can be generated or imported.
     *
     * @param keyType a key type
     * @param curve   a curve
     * @return true if declared
     */
    default boolean supportsCurve(KeyType keyType, KeyCurveName curve) {
        return curves(keyType).contains(curve);
    }

    /**
     * Generates a key. An RSA key uses {@link KeyGenerationSpec#effectivePublicExponent()}.
     *
     * @param spec what to generate
     * @return the reference to the new key
     * @throws dev.coffer.vault.BadParameterException if the type, size or curve is not supported
     */
    KeyReference generateKey(KeyGenerationSpec spec);

    /**
     * Imports a private key. An RSA key needs {@code n, e, d, p, q, dp, dq, qi}, consistent with each other
     * ({@code n = p*q}, {@code d} inverts {@code e}, the CRT values match); an EC key needs {@code crv, x,
     * y, d} with the point on the curve and equal to {@code d*G}; a symmetric key needs {@code k}. The
     * {@code kid} and {@code key_ops} of the JWK are ignored: they belong to the vault, not the provider.
     *
     * @param privateKey the private key; the caller may clear its own arrays afterwards
     * @return the reference to the imported key
     * @throws dev.coffer.vault.BadParameterException if the material is incomplete, inconsistent or of an
     *                                                unsupported type, size or curve
     */
    KeyReference importKey(JsonWebKey privateKey);

    /**
     * Returns the public part of a key: {@code kty, n, e} for RSA, {@code kty, crv, x, y} for EC, only
     * {@code kty} for a symmetric key. No {@code kid} and no {@code key_ops}.
     *
     * @param key the key
     * @return its public JWK
     * @throws dev.coffer.vault.BadParameterException if the reference is not this provider's or fails
     *                                                authentication
     */
    JsonWebKey publicKey(KeyReference key);

    /**
     * Signs a digest. RS* and PS* need an RSA key, ES256/ES384/ES512/ES256K a P-256/P-384/P-521/P-256K key;
     * the digest is as long as the algorithm's hash (32, 48 or 64 bytes). PS* use MGF1 with the same hash and
     * a salt as long as the hash. ES* return the fixed-length {@code r||s} encoding.
     *
     * @param key       the signing key
     * @param algorithm the signature algorithm
     * @param digest    the digest to sign
     * @return the signature
     * @throws dev.coffer.vault.BadParameterException if the algorithm does not fit the key or the digest
     *                                                length does not fit the algorithm
     */
    byte[] sign(KeyReference key, SignatureAlgorithm algorithm, byte[] digest);

    /**
     * Verifies a signature over a digest with a stored key.
     *
     * @param key       the key
     * @param algorithm the signature algorithm
     * @param digest    the digest that was signed
     * @param signature the signature to check; any malformed value gives {@code false}
     * @return true if the signature is valid
     * @throws dev.coffer.vault.BadParameterException for the key, algorithm or digest problems that
     *                                                {@link #sign} refuses
     */
    boolean verify(KeyReference key, SignatureAlgorithm algorithm, byte[] digest, byte[] signature);

    /**
     * Verifies a signature over a digest with a bare public key that no vault stores. A public JWK of an
     * {@code -HSM} type is accepted: public-key math does not depend on where the private key lives. The
     * key is validated (an EC point must lie on its curve; an RSA key's size must be supported).
     *
     * @param publicKey the public key; private parts, if present, are ignored
     * @param algorithm the signature algorithm
     * @param digest    the digest that was signed
     * @param signature the signature; any malformed value gives {@code false}
     * @return true if the signature is valid
     * @throws dev.coffer.vault.BadParameterException if the key is malformed or does not fit the algorithm
     */
    boolean verify(JsonWebKey publicKey, SignatureAlgorithm algorithm, byte[] digest, byte[] signature);

    /**
     * Encrypts with a stored key. RSA algorithms need an RSA key and refuse an IV and AAD. AES-GCM takes an
     * optional 12-byte IV (the provider draws one from its random source when null) and optional AAD, and
     * returns the IV and the 16-byte tag. AES-CBC and AES-CBC-PAD take an optional 16-byte IV (drawn when
     * null) and refuse AAD; unpadded CBC needs a multiple of 16 bytes. The algorithm's AES key size must
     * equal the key's size.
     *
     * @param key       the key
     * @param algorithm the encryption algorithm
     * @param plaintext the plaintext; may be empty
     * @param iv        the IV, or null to let the provider choose (AES only)
     * @param aad       additional authenticated data, or null (AES-GCM only)
     * @return the ciphertext, IV and tag
     * @throws dev.coffer.vault.BadParameterException if the algorithm does not fit the key, the IV has the
     *                                                wrong length, or the plaintext is too long for the key
     */
    EncryptResult encrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] plaintext, byte[] iv, byte[] aad);

    /**
     * Encrypts with a bare public RSA key (RSA1_5, RSA-OAEP, RSA-OAEP-256).
     *
     * @param publicKey the public key
     * @param algorithm an RSA encryption algorithm
     * @param plaintext the plaintext
     * @return the ciphertext
     * @throws dev.coffer.vault.BadParameterException if the key is malformed or not RSA, the algorithm is not
     *                                                an RSA one, or the plaintext is too long
     */
    EncryptResult encrypt(JsonWebKey publicKey, EncryptionAlgorithm algorithm, byte[] plaintext);

    /**
     * Decrypts with a stored key. Any failure of the ciphertext itself (bad padding, wrong tag, wrong
     * length) is one {@code BadParameter} error with one message.
     *
     * @param key        the key
     * @param algorithm  the encryption algorithm
     * @param ciphertext the ciphertext, without the tag
     * @param iv         the IV (AES), or null for RSA
     * @param aad        additional authenticated data (AES-GCM), or null
     * @param tag        the 16-byte authentication tag (AES-GCM), or null otherwise
     * @return the plaintext
     * @throws dev.coffer.vault.BadParameterException if the algorithm does not fit the key, an IV or tag is
     *                                                missing or of the wrong length, or the ciphertext does
     *                                                not decrypt
     */
    byte[] decrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] ciphertext, byte[] iv, byte[] aad,
                   byte[] tag);

    /**
     * Wraps (encrypts) key material with a stored key: RSA algorithms with an RSA key, A128KW/A192KW/A256KW
     * (RFC 3394, input a multiple of 8 bytes and at least 16) with a symmetric key of the same size.
     *
     * @param key       the wrapping key
     * @param algorithm the wrap algorithm
     * @param keyBytes  the key material to wrap
     * @return the wrapped key
     * @throws dev.coffer.vault.BadParameterException if the algorithm does not fit the key or the input
     *                                                length does not fit the algorithm
     */
    byte[] wrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] keyBytes);

    /**
     * Wraps key material with a bare public RSA key.
     *
     * @param publicKey the public RSA key
     * @param algorithm an RSA wrap algorithm
     * @param keyBytes  the key material to wrap
     * @return the wrapped key
     * @throws dev.coffer.vault.BadParameterException if the key is malformed or not RSA, or the algorithm
     *                                                is not an RSA one
     */
    byte[] wrapKey(JsonWebKey publicKey, KeyWrapAlgorithm algorithm, byte[] keyBytes);

    /**
     * Unwraps key material with a stored key. A failed integrity or padding check is one
     * {@code BadParameter} error with one message.
     *
     * @param key          the wrapping key
     * @param algorithm    the wrap algorithm
     * @param encryptedKey the wrapped key
     * @return the unwrapped key material
     * @throws dev.coffer.vault.BadParameterException if the algorithm does not fit the key or the input
     *                                                does not unwrap
     */
    byte[] unwrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] encryptedKey);

    /**
     * Exports a key for a backup: an opaque blob that only a provider with the same identity and
     * key-encryption key (or token store) can import. The core seals the blob once more, bound to the
     * subscription, before it leaves the platform.
     *
     * @param key the key
     * @return the protected blob; never the key material in the clear
     * @throws dev.coffer.vault.BadParameterException if the reference is not this provider's or fails
     *                                                authentication
     */
    byte[] exportForBackup(KeyReference key);

    /**
     * Imports a key from a blob made by {@link #exportForBackup}.
     *
     * @param backup the blob
     * @return a reference to the restored key
     * @throws dev.coffer.vault.BadParameterException if the blob is truncated, altered, of another format
     *                                                version, or protected under another key
     */
    KeyReference importFromBackup(byte[] backup);

    /**
     * Destroys a key when its last version is purged. A provider with wrapped references has nothing to
     * erase (the core deletes the reference) and only checks that the reference is its own; a token
     * provider deletes the object. Destroying an already destroyed token key succeeds.
     *
     * @param key the key
     * @throws dev.coffer.vault.BadParameterException if the reference is not this provider's
     */
    void destroy(KeyReference key);

    /**
     * The value a vault shows as a key's {@code hsmPlatform} attribute when this provider holds it at
     * protection level {@link ProtectionLevel#HSM} (Key Vault shows {@code "1"} or {@code "2"} for its HSM
     * platforms). Answered without contacting the backend, so a key's metadata stays readable while the
     * backend is down. The default is {@link #id()}; a simulator should return a value that says so.
     *
     * @return the platform label
     */
    default String hsmPlatform() {
        return id();
    }

    /**
     * An optional capability: a signed statement, by the backend, of where a key was made and that it
     * cannot leave (key attestation). Providers that cannot attest keep the default, which returns empty;
     * the core then tells the caller that attestation is not available for the key.
     *
     * @param key the key
     * @return the attestation, or empty if this provider does not attest keys
     * @throws dev.coffer.vault.BadParameterException       if the reference is not this provider's or fails
     *                                                      authentication
     * @throws dev.coffer.vault.ServiceUnavailableException if the backend cannot serve
     */
    default java.util.Optional<KeyAttestationStatement> attest(KeyReference key) {
        java.util.Objects.requireNonNull(key, "key");
        return java.util.Optional.empty();
    }

    /**
     * What one operation other than creation with this key costs under Key Vault's throttling: its weight
     * on the 4,000-unit window a vault has per 10 seconds. Answered from the reference alone, without
     * contacting the backend. The default is Azure's published table ({@link #azureWeight}) for this
     * provider's protection level; a provider whose operations are costlier may say so.
     *
     * @param key a key of this provider
     * @return the weight, at least 1
     */
    default int throttleWeight(KeyReference key) {
        java.util.Objects.requireNonNull(key, "key");
        String kty = key.keyType().toString();
        return azureWeight(protectionLevel() == ProtectionLevel.HSM, kty.startsWith("RSA") ? key.keySize() : 0);
    }

    /**
     * Azure's weights on the 4,000-unit key budget: a software RSA-2048 or EC operation costs 1, RSA-3072 4,
     * RSA-4096 8; HSM operations cost twice as much (so 4,000 software RSA-2048 gets, 2,000 HSM ones, or 250
     * HSM RSA-4096 ones exhaust a vault's window, as Microsoft's example says).
     *
     * @param hsm     whether the key is HSM-protected
     * @param rsaBits the RSA modulus size, or 0 for an EC key
     * @return the weight
     */
    static int azureWeight(boolean hsm, int rsaBits) {
        int base = rsaBits >= 4096 ? 8 : rsaBits >= 3072 ? 4 : 1;
        return hsm ? base * 2 : base;
    }
}
