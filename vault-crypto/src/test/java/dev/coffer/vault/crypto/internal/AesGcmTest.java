package dev.coffer.vault.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** The prefix ‖ nonce ‖ ciphertext ‖ tag layout, and that the prefix and the associated data are bound. */
class AesGcmTest {
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    @Test
    void sealsInTheSharedLayoutAndOpens() throws Exception {
        random.nextBytes(key);
        byte[] prefix = {1, 2, 3};
        byte[] aad = AesGcm.concat("context\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), prefix);
        byte[] blob = AesGcm.seal(key, random, prefix, aad, "secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(blob).hasSize(prefix.length + AesGcm.NONCE_LENGTH + 6 + AesGcm.TAG_LENGTH);
        assertThat(Arrays.copyOf(blob, prefix.length)).isEqualTo(prefix);
        assertThat(new String(AesGcm.open(key, blob, prefix.length, aad), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("secret");
    }

    @Test
    void refusesAlteredBytesOrAssociatedData() throws Exception {
        random.nextBytes(key);
        byte[] blob = AesGcm.seal(key, random, new byte[] {1}, new byte[] {9}, new byte[16]);
        assertThatThrownBy(() -> AesGcm.open(key, blob, 1, new byte[] {8})).isInstanceOf(AEADBadTagException.class);
        blob[blob.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(key, blob, 1, new byte[] {9})).isInstanceOf(AEADBadTagException.class);
    }
}
