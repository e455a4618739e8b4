/**
 * Coffer's public contract: the platform, directory and management-plane interfaces, the
 * authorization and audit models, secrets and keys, value types, the exception hierarchy, and
 * the CryptoProvider SPI. JDK only.
 */
module dev.coffer.vault.api {
    exports dev.coffer.vault;
    exports dev.coffer.vault.authorization;
    exports dev.coffer.vault.audit;
    exports dev.coffer.vault.secrets;
    exports dev.coffer.vault.keys;
    exports dev.coffer.vault.keys.cryptography;
    exports dev.coffer.vault.spi;
}
