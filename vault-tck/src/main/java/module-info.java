/**
 * The CryptoProvider compatibility kit: the contract suite every provider's tests extend, and the
 * Wycheproof vector runner.
 */
module dev.coffer.vault.tck {
    requires transitive dev.coffer.vault.api;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;

    exports dev.coffer.vault.tck;
}
