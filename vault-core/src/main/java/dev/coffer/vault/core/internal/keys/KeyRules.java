package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The vault's rules for key types, sizes, curves and operations, written once for create, import and rotate. */
public final class KeyRules {
    /** RSA sizes a vault creates. */
    public static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);
    /** The RSA size when none is asked for. */
    public static final int DEFAULT_RSA_SIZE = 2048;
    /** Curves a vault creates. */
    public static final List<KeyCurveName> CURVES = List.of(KeyCurveName.P_256, KeyCurveName.P_384, KeyCurveName.P_521,
            KeyCurveName.P_256K);
    /** The default operations of an RSA key. */
    public static final List<KeyOperation> RSA_OPS = List.of(KeyOperation.ENCRYPT, KeyOperation.DECRYPT,
            KeyOperation.SIGN, KeyOperation.VERIFY, KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY);
    /** The default operations of an EC key. */
    public static final List<KeyOperation> EC_OPS = List.of(KeyOperation.SIGN, KeyOperation.VERIFY);

    private KeyRules() {
    }

    /**
     * @param type a requested key type
     * @throws BadParameterException unless it is RSA, RSA-HSM, EC or EC-HSM
     */
    public static void checkType(KeyType type) {
        if (type == null) {
            throw bad("kty: a key type is required (RSA, RSA-HSM, EC or EC-HSM).");
        }
        if (KeyGenerationSpec.isOct(type)) {
            throw bad("kty: key type " + type + " is not supported by vaults; symmetric keys exist only in Managed HSM.");
        }
        if (!KeyGenerationSpec.isRsa(type) && !KeyGenerationSpec.isEc(type)) {
            throw bad("kty: '" + type + "' is not a valid key type; use RSA, RSA-HSM, EC or EC-HSM.");
        }
    }

    /**
     * @param type the key type
     * @param size the requested RSA size, or null
     * @param curve the requested curve, or null
     * @return the generation spec with defaults applied; the public exponent is always 65537
     */
    public static KeyGenerationSpec spec(KeyType type, Integer size, KeyCurveName curve) {
        checkType(type);
        if (KeyGenerationSpec.isRsa(type)) {
            if (curve != null) {
                throw bad("crv: a curve applies to EC keys only.");
            }
            int bits = size == null ? DEFAULT_RSA_SIZE : size;
            if (!RSA_SIZES.contains(bits)) {
                throw bad("key_size: " + bits + " is not supported; RSA keys have 2048, 3072 or 4096 bits.");
            }
            return KeyGenerationSpec.rsa(type, bits);
        }
        if (size != null) {
            throw bad("key_size: a size applies to RSA keys only; EC keys take a curve.");
        }
        KeyCurveName crv = curve == null ? KeyCurveName.P_256 : curve;
        if (!CURVES.contains(crv)) {
            throw bad("crv: '" + crv + "' is not supported; use P-256, P-384, P-521 or P-256K.");
        }
        return KeyGenerationSpec.ec(type, crv);
    }

    /**
     * @param reference an existing key
     * @return the spec of a key of the same type and size or curve
     */
    public static KeyGenerationSpec sameAs(KeyReference reference) {
        return KeyGenerationSpec.isEc(reference.keyType()) ? KeyGenerationSpec.ec(reference.keyType(), reference.curve())
                : KeyGenerationSpec.rsa(reference.keyType(), reference.keySize());
    }

    /**
     * @param type      the key type
     * @param requested the requested operations, or null for the type's default
     * @return the operations, checked, without duplicates
     */
    public static List<KeyOperation> operations(KeyType type, List<KeyOperation> requested) {
        if (requested == null) {
            return KeyGenerationSpec.isEc(type) ? EC_OPS : RSA_OPS;
        }
        return checkOperations(requested);
    }

    /**
     * @param requested operations
     * @return them, checked, without duplicates
     */
    public static List<KeyOperation> checkOperations(List<KeyOperation> requested) {
        Set<KeyOperation> out = new LinkedHashSet<>();
        for (KeyOperation op : requested) {
            if (op == null || !KeyOperation.values().contains(op)) {
                throw bad("key_ops: '" + op + "' is not a key operation; use encrypt, decrypt, sign, verify, wrapKey, "
                        + "unwrapKey, import or export.");
            }
            out.add(op);
        }
        return new ArrayList<>(out);
    }

    /**
     * @param exportable the requested flag
     * @throws BadParameterException for true: an exportable key needs a release policy, which Coffer lacks
     */
    public static void checkExportable(Boolean exportable) {
        if (Boolean.TRUE.equals(exportable)) {
            throw bad("AKV.SKR.1004: Exportable keys must have release policy.");
        }
    }

    /**
     * Makes a new key of the same type, size or curve, and operations as another (a rotation).
     *
     * @param latest the version to rotate from
     * @return the new payload
     */
    public static KeyPayload rotate(KeyPayload latest) {
        CryptoProvider provider = latest.provider();
        KeyReference ref = provider.generateKey(sameAs(latest.reference()));
        return new KeyPayload(provider, ref, provider.publicKey(ref), latest.keyOps());
    }

    static BadParameterException bad(String message) {
        return new BadParameterException("BadParameter", null, message);
    }
}
