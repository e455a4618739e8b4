package dev.coffer.vault.hsm;

import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.tck.WycheproofRunner;
import java.security.SecureRandom;

/**
 * Every shared Wycheproof vector through the simulated HSM. The vectors name the software key types, so the
 * device accepts them as aliases here ({@link SimulatedHsm.Builder#acceptSoftwareKeyTypeNames()}); the keys
 * are still held by the device.
 */
class SimulatedHsmWycheproofTest extends WycheproofRunner {

    @Override
    protected CryptoProvider provider() {
        return TestDevices.active(SimulatedHsm.builder().acceptSoftwareKeyTypeNames(),
                SecurityDomain.generate(new SecureRandom())).provider("wycheproof");
    }
}
