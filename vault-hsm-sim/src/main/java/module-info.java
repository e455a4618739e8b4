/**
 * A simulated hardware security module behind Coffer's CryptoProvider SPI. Exports only the device's
 * public surface; the implementation in {@code dev.coffer.vault.hsm.internal} is hidden.
 */
module dev.coffer.vault.hsm {
    requires transitive dev.coffer.vault.api;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;

    exports dev.coffer.vault.hsm;
}
