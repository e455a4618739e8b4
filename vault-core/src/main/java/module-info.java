/**
 * Coffer's in-memory implementation. Exports only the platform builder's package; everything
 * under {@code dev.coffer.vault.core.internal} is hidden.
 */
module dev.coffer.vault.core {
    requires transitive dev.coffer.vault.api;
    requires dev.coffer.vault.crypto;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;

    exports dev.coffer.vault.core;
}
