package dev.coffer.vault.hsm;

import dev.coffer.vault.keys.KeyType;
import java.time.Duration;
import java.util.Objects;

/**
 * What one operation costs against Key Vault's per-vault key-transaction budget: {@link #BUDGET} units per
 * {@link #WINDOW}. The units reproduce the published HSM limits (reference §9, §15.4): RSA-2048 and every
 * EC curve 2 units (2,000 per window), RSA-3072 8 (500), RSA-4096 16 (250), and a key creation 400 units
 * (10 per window). The simulator only reports the weight; the core's throttle stage charges it.
 *
 * @param label a readable name of the weight class, such as {@code "HSM RSA-3072 other"}
 * @param units the units charged; positive
 */
public record ThrottleWeight(String label, int units) {

    /** Units in one window. */
    public static final int BUDGET = 4000;

    /** The window the budget applies to. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    /** Checks the fields. */
    public ThrottleWeight {
        Objects.requireNonNull(label, "label");
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, was " + units);
        }
    }

    /**
     * The weight of an operation on an HSM key.
     *
     * @param operation the operation
     * @param keyType   the key type
     * @param keySize   the key size in bits (the modulus size for RSA)
     * @return the weight
     */
    public static ThrottleWeight of(OperationClass operation, KeyType keyType, int keySize) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(keyType, "keyType");
        if (operation.createsKey()) {
            return new ThrottleWeight("HSM create", BUDGET / 10);
        }
        String kty = keyType.toString();
        if (kty.startsWith("RSA")) {
            if (keySize >= 4096) {
                return new ThrottleWeight("HSM RSA-4096 other", 16);
            }
            if (keySize >= 3072) {
                return new ThrottleWeight("HSM RSA-3072 other", 8);
            }
            return new ThrottleWeight("HSM RSA-2048 other", 2);
        }
        // Vaults publish no figure for oct-HSM (Managed HSM only); it is charged like EC, the cheapest class.
        return new ThrottleWeight(kty.startsWith("EC") ? "HSM EC other" : "HSM oct other", 2);
    }
}
