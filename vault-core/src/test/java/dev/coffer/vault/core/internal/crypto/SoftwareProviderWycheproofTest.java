package dev.coffer.vault.core.internal.crypto;

import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.tck.WycheproofRunner;
import java.security.SecureRandom;

/** Every shared Wycheproof vector through the software provider. */
class SoftwareProviderWycheproofTest extends WycheproofRunner {

    @Override
    protected CryptoProvider provider() {
        byte[] kek = new byte[SoftwareCryptoProvider.KEK_LENGTH];
        SecureRandom random = new SecureRandom();
        random.nextBytes(kek);
        return new SoftwareCryptoProvider(kek, random);
    }
}
