package dev.coffer.vault.core.internal.crypto;

import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.tck.CryptoProviderContract;
import java.security.SecureRandom;

/** The software provider against the whole CryptoProvider contract. */
class SoftwareCryptoProviderTest extends CryptoProviderContract {

    @Override
    protected CryptoProvider createProvider(byte[] keyEncryptionKey) {
        return new SoftwareCryptoProvider(keyEncryptionKey, new SecureRandom());
    }
}
