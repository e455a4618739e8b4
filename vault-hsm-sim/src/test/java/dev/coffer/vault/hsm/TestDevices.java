package dev.coffer.vault.hsm;

import java.security.SecureRandom;

/** Builds initialized, activated devices for the tests. */
final class TestDevices {

    static final char[] PIN = "1234-sim".toCharArray();

    private TestDevices() {
    }

    /** An active device on the given domain, built from the given builder. */
    static SimulatedHsm active(SimulatedHsm.Builder builder, SecurityDomain domain) {
        SimulatedHsm hsm = builder.build();
        hsm.initialize(domain, PIN);
        hsm.activate(PIN);
        return hsm;
    }

    /** An active device with default options on a fresh random domain. */
    static SimulatedHsm active() {
        return active(SimulatedHsm.builder(), SecurityDomain.generate(new SecureRandom()));
    }
}
