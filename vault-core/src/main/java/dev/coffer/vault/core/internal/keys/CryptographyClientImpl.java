package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.objects.DataPlane;
import dev.coffer.vault.core.internal.objects.ObjectAttributes;
import dev.coffer.vault.core.internal.objects.ObjectEntry;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.objects.ObjectNames;
import dev.coffer.vault.core.internal.objects.ObjectVersion;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.DecryptResult;
import dev.coffer.vault.keys.cryptography.EncryptResult;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignResult;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.keys.cryptography.UnwrapResult;
import dev.coffer.vault.keys.cryptography.VerifyResult;
import dev.coffer.vault.keys.cryptography.WrapResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Crypto with one key of one vault, as one caller. Each call re-reads the key, checks the vault's key
 * rules (disabled, validity window, key_ops) after authorization, and hands the work to the provider that
 * holds the key. The private key never comes out of the provider.
 */
final class CryptographyClientImpl implements CryptographyClient {
    private static final ObjectKind KIND = ObjectKind.KEY;

    private final DataPlane plane;
    private final String name;
    private final String version;

    CryptographyClientImpl(DataPlane plane, String name, String version) {
        this.plane = plane;
        this.name = name;
        this.version = version == null || version.isEmpty() ? null : version;
    }

    @Override
    public String getKeyId() {
        return plane.objectUrl(KIND, name, version);
    }

    @Override
    public KeyVaultKey getKey() {
        return run(DataOperation.KEY_GET, null, null, (entry, v) -> KeyClientImpl.toKey(plane, entry, v));
    }

    @Override
    public EncryptResult encrypt(EncryptionAlgorithm algorithm, byte[] plaintext) {
        return run(DataOperation.KEY_ENCRYPT, KeyOperation.ENCRYPT, () -> require(algorithm, "algorithm", plaintext, "plaintext"),
                (entry, v) -> {
                    dev.coffer.vault.spi.EncryptResult r = v.payload().provider()
                            .encrypt(v.payload().reference(), algorithm, plaintext, null, null);
                    return new EncryptResult(r.ciphertext(), algorithm, kid(entry, v));
                });
    }

    @Override
    public DecryptResult decrypt(EncryptionAlgorithm algorithm, byte[] ciphertext) {
        return run(DataOperation.KEY_DECRYPT, KeyOperation.DECRYPT, () -> require(algorithm, "algorithm", ciphertext, "ciphertext"),
                (entry, v) -> {
                    byte[] plain = v.payload().provider().decrypt(v.payload().reference(), algorithm, ciphertext, null, null,
                            null);
                    try {
                        return new DecryptResult(plain, algorithm, kid(entry, v));
                    } finally {
                        java.util.Arrays.fill(plain, (byte) 0);
                    }
                });
    }

    @Override
    public SignResult sign(SignatureAlgorithm algorithm, byte[] digest) {
        return signDigest(algorithm, digest, false);
    }

    @Override
    public SignResult signData(SignatureAlgorithm algorithm, byte[] data) {
        return signDigest(algorithm, data, true);
    }

    private SignResult signDigest(SignatureAlgorithm algorithm, byte[] input, boolean hashFirst) {
        byte[][] digest = new byte[1][];
        return run(DataOperation.KEY_SIGN, KeyOperation.SIGN, () -> {
            require(algorithm, "algorithm", input, hashFirst ? "data" : "digest");
            digest[0] = hashFirst ? hash(algorithm, input) : input;
        }, (entry, v) -> new SignResult(v.payload().provider().sign(v.payload().reference(), algorithm, digest[0]),
                algorithm, kid(entry, v)));
    }

    @Override
    public VerifyResult verify(SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        return verifyDigest(algorithm, digest, signature, false);
    }

    @Override
    public VerifyResult verifyData(SignatureAlgorithm algorithm, byte[] data, byte[] signature) {
        return verifyDigest(algorithm, data, signature, true);
    }

    private VerifyResult verifyDigest(SignatureAlgorithm algorithm, byte[] input, byte[] signature, boolean hashFirst) {
        byte[][] digest = new byte[1][];
        return run(DataOperation.KEY_VERIFY, KeyOperation.VERIFY, () -> {
            require(algorithm, "algorithm", input, hashFirst ? "data" : "digest");
            require(algorithm, "algorithm", signature, "signature");
            digest[0] = hashFirst ? hash(algorithm, input) : input;
        }, (entry, v) -> new VerifyResult(v.payload().provider().verify(v.payload().reference(), algorithm, digest[0],
                signature), algorithm, kid(entry, v)));
    }

    @Override
    public WrapResult wrapKey(KeyWrapAlgorithm algorithm, byte[] key) {
        return run(DataOperation.KEY_WRAP, KeyOperation.WRAP_KEY, () -> require(algorithm, "algorithm", key, "key"),
                (entry, v) -> new WrapResult(v.payload().provider().wrapKey(v.payload().reference(), algorithm, key),
                        algorithm, kid(entry, v)));
    }

    @Override
    public UnwrapResult unwrapKey(KeyWrapAlgorithm algorithm, byte[] encryptedKey) {
        return run(DataOperation.KEY_UNWRAP, KeyOperation.UNWRAP_KEY,
                () -> require(algorithm, "algorithm", encryptedKey, "encryptedKey"), (entry, v) -> {
                    byte[] key = v.payload().provider().unwrapKey(v.payload().reference(), algorithm, encryptedKey);
                    try {
                        return new UnwrapResult(key, algorithm, kid(entry, v));
                    } finally {
                        java.util.Arrays.fill(key, (byte) 0);
                    }
                });
    }

    private String kid(ObjectEntry<KeyPayload> entry, ObjectVersion<KeyPayload> v) {
        return plane.objectUrl(KIND, entry.name(), v.version());
    }

    private <T> T run(DataOperation operation, KeyOperation keyOp, Runnable validate,
                      BiFunction<ObjectEntry<KeyPayload>, ObjectVersion<KeyPayload>, T> body) {
        return plane.run(operation, KIND, name, () -> {
            ObjectNames.validate(KIND, name);
            ObjectNames.validateVersion(KIND, version);
            if (validate != null) {
                validate.run();
            }
        }, caller -> {
            ObjectEntry<KeyPayload> entry = plane.objects().<KeyPayload>store(KIND).active(name)
                    .orElseThrow(() -> KIND.notFound(name));
            ObjectVersion<KeyPayload> v = entry.version(version).orElseThrow(() -> KIND.versionNotFound(name, version));
            if (keyOp != null) {
                checkRules(v, keyOp, plane.now());
            }
            return body.apply(entry, v);
        }, () -> KeyCharges.use(plane, name, version));
    }

    /**
     * The key's own rules, in order: disabled (private-key operations), validity window (operations that
     * produce protected data or signatures), then key_ops.
     */
    static void checkRules(ObjectVersion<KeyPayload> v, KeyOperation op, Instant now) {
        ObjectAttributes a = v.attributes();
        boolean privateOp = KeyOperation.DECRYPT.equals(op) || KeyOperation.SIGN.equals(op)
                || KeyOperation.UNWRAP_KEY.equals(op);
        if (privateOp && !a.enabled()) {
            throw new ForbiddenException("Forbidden", "KeyDisabled", "Operation " + op + " is not allowed on a disabled key.");
        }
        // decrypt, unwrapKey and verify keep working outside the window, so data protected earlier stays usable.
        boolean producing = KeyOperation.ENCRYPT.equals(op) || KeyOperation.SIGN.equals(op)
                || KeyOperation.WRAP_KEY.equals(op);
        if (producing && a.notBefore() != null && now.isBefore(a.notBefore())) {
            throw new ForbiddenException("Forbidden", "KeyNotYetValid", "Operation " + op
                    + " is not allowed on a key that is not yet valid (nbf " + a.notBefore() + ").");
        }
        if (producing && a.expiresOn() != null && !now.isBefore(a.expiresOn())) {
            throw new ForbiddenException("Forbidden", "KeyExpired", "Operation " + op
                    + " is not allowed on an expired key (exp " + a.expiresOn() + ").");
        }
        if (!v.payload().keyOps().contains(op)) {
            throw new ForbiddenException("Forbidden", "KeyOperationForbidden", "Operation " + op
                    + " is not permitted on this key.");
        }
    }

    private static void require(Object algorithm, String algorithmField, byte[] bytes, String field) {
        if (algorithm == null) {
            throw new BadParameterException("BadParameter", null, algorithmField + ": an algorithm is required.");
        }
        if (bytes == null) {
            throw new BadParameterException("BadParameter", null, field + ": a value is required.");
        }
    }

    static byte[] hash(SignatureAlgorithm algorithm, byte[] data) {
        String a = algorithm.toString();
        String digest;
        if (a.endsWith("256") || a.equals("ES256K")) {
            digest = "SHA-256";
        } else if (a.endsWith("384")) {
            digest = "SHA-384";
        } else if (a.endsWith("512")) {
            digest = "SHA-512";
        } else {
            throw new BadParameterException("BadParameter", null, "algorithm: " + algorithm
                    + " names no hash, so data cannot be hashed for it; sign a digest instead.");
        }
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + digest, e);
        }
    }

    @Override
    public String toString() {
        return "CryptographyClient(" + getKeyId() + ")";
    }
}
