/**
 * Coffer's one algorithm engine, shared by the software provider (vault-core) and the simulated HSM
 * (vault-hsm-sim): the JCA and Bouncy Castle operations behind the CryptoProvider SPI, the key-material
 * encoding, HKDF and AES-GCM sealing. Not an API: the package is exported only to those two modules, so
 * applications cannot compile against it, and the engine can change with them.
 *
 * <p>The two target modules depend on this one, so they are never on its module path when it compiles;
 * the "module not found" lint for the qualified export is expected and suppressed.
 */
@SuppressWarnings("module")
module dev.coffer.vault.crypto {
    requires transitive dev.coffer.vault.api;
    requires org.bouncycastle.provider;

    exports dev.coffer.vault.crypto.internal to dev.coffer.vault.core, dev.coffer.vault.hsm;
}
