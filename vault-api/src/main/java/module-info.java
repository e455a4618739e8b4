/**
 * Coffer's public contract: the platform, directory and management-plane interfaces, the
 * authorization and audit models, value types, the key and algorithm vocabulary,
 * the CryptoProvider SPI and the exception hierarchy. JDK only.
 */
module dev.coffer.vault.api {
    exports dev.coffer.vault;
    exports dev.coffer.vault.authorization;
    exports dev.coffer.vault.audit;
    exports dev.coffer.vault.keys;
    exports dev.coffer.vault.keys.cryptography;
    exports dev.coffer.vault.spi;
}
