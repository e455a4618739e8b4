package dev.coffer.vault.hsm;

import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import java.util.Objects;

/**
 * The PKCS#11-style attributes of a key in the simulated HSM, read from its authenticated reference.
 *
 * @param keyId            the device's object id of the key (32 hex digits)
 * @param partition        the partition the key lives in
 * @param keyType          the key type
 * @param keySize          the key size in bits
 * @param curve            the curve of an EC key, or null
 * @param local            true if the key was generated inside the device (CKA_LOCAL)
 * @param sensitive        always true: the private part never leaves in the clear (CKA_SENSITIVE)
 * @param extractable      always false: no operation returns the key unwrapped (CKA_EXTRACTABLE)
 * @param neverExtractable always true here, as extractable has never been true (CKA_NEVER_EXTRACTABLE)
 * @param alwaysSensitive  always true here (CKA_ALWAYS_SENSITIVE)
 * @param hsmPlatform      {@value #PLATFORM}: the key is in a simulator, not a certified HSM
 */
public record HsmKeyAttributes(String keyId, String partition, KeyType keyType, int keySize, KeyCurveName curve,
                               boolean local, boolean sensitive, boolean extractable, boolean neverExtractable,
                               boolean alwaysSensitive, String hsmPlatform) {

    /**
     * The platform value every simulated key carries, in the place of Key Vault's {@code hsmPlatform}
     * ({@code "0"}, {@code "1"}, {@code "2"}), so no one mistakes a simulated key for a certified one.
     */
    public static final String PLATFORM = "coffer-sim";

    /** Checks the fields. */
    public HsmKeyAttributes {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(hsmPlatform, "hsmPlatform");
    }

    /** @return {@code "generated"} for a key made inside, {@code "imported"} otherwise */
    public String origin() {
        return local ? "generated" : "imported";
    }
}
