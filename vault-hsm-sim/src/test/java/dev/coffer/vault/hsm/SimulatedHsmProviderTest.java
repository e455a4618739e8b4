package dev.coffer.vault.hsm;

import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.tck.CryptoProviderContract;

/**
 * The simulated HSM's default partition against the whole CryptoProvider contract, in its strict form
 * (only RSA-HSM, EC-HSM and oct-HSM declared). The contract's "key-encryption key" is the security domain
 * secret: each call builds a new device on that domain, so references and backups must cross devices of
 * one domain and fail across domains.
 */
class SimulatedHsmProviderTest extends CryptoProviderContract {

    @Override
    protected CryptoProvider createProvider(byte[] keyEncryptionKey) {
        return TestDevices.active(SimulatedHsm.builder(), SecurityDomain.of(keyEncryptionKey)).provider();
    }
}
