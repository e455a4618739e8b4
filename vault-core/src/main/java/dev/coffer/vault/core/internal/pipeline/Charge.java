package dev.coffer.vault.core.internal.pipeline;

/**
 * What a call costs the throttle: its budget and its weight there.
 *
 * @param bucket the budget the call draws on
 * @param weight its weight (key operations weigh by key type, size and protection)
 */
public record Charge(Bucket bucket, int weight) {

    /** The budgets Azure keeps per vault and window. */
    public enum Bucket {
        /** Weighted key operations other than creation. */
        KEY_TRANSACTIONS,
        /** Software key creations. */
        SOFTWARE_KEY_CREATES,
        /** HSM key creations. */
        HSM_KEY_CREATES,
        /** Secret creations (a set). */
        SECRET_CREATES,
        /** Other secret, certificate and vault transactions. */
        SECRET_TRANSACTIONS
    }

    /**
     * Azure's weights on the 4,000-unit key budget (reference §15.4).
     *
     * @param hsm     whether the key is HSM-protected
     * @param rsaBits the RSA modulus size, or 0 for EC keys
     * @return the weight of one operation with such a key
     */
    public static int keyWeight(boolean hsm, int rsaBits) {
        return dev.coffer.vault.spi.CryptoProvider.azureWeight(hsm, rsaBits);
    }
}
