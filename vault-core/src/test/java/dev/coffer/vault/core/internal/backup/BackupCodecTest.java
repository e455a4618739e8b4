package dev.coffer.vault.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.platform.RootKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sealing layer on its own: object kind, subscription, geography and root key binding. */
class BackupCodecTest {

    private static final String SUB = "0b1c2d3e-4f50-4617-8899-aabbccddeeff";

    private static RootKey key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return new RootKey(k);
    }

    private static byte[] body() {
        return "serialized-object".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBlobOpensWhereItWasSealedAndOnAnyPlatformWithTheSameRootKey() {
        BackupCodec one = new BackupCodec(key(1), new SecureRandom());
        BackupCodec two = new BackupCodec(key(1), new SecureRandom());
        byte[] blob = one.seal(SUB, "Europe", ObjectKind.SECRET, body());
        assertThat(one.open(SUB, "Europe", ObjectKind.SECRET, blob)).isEqualTo(body());
        assertThat(two.open(SUB, "Europe", ObjectKind.SECRET, blob)).isEqualTo(body());
        // The subscription id is compared case-insensitively, as GUIDs are.
        assertThat(two.open(SUB.toUpperCase(), "Europe", ObjectKind.SECRET, blob)).isEqualTo(body());
        // Two seals of one body differ (fresh nonce), and neither shows the body.
        byte[] again = one.seal(SUB, "Europe", ObjectKind.SECRET, body());
        assertThat(again).isNotEqualTo(blob);
        assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain("serialized-object");
    }

    @Test
    void aKeyBackupIsNotASecretBackup() {
        BackupCodec codec = new BackupCodec(key(1), new SecureRandom());
        byte[] keyBlob = codec.seal(SUB, "Europe", ObjectKind.KEY, body());
        assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.SECRET, keyBlob))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("backup of a key, not of a secret");
        byte[] certBlob = codec.seal(SUB, "Europe", ObjectKind.CERTIFICATE, body());
        assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.SECRET, certBlob))
                .isInstanceOf(BadParameterException.class);
        // Rewriting the kind byte of a secret blob does not help: the header is authenticated.
        byte[] secretBlob = codec.seal(SUB, "Europe", ObjectKind.SECRET, body());
        byte[] relabelled = secretBlob.clone();
        relabelled[5] = (byte) ObjectKind.KEY.ordinal();
        assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.KEY, relabelled))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("altered");
        relabelled[5] = 9;
        assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.SECRET, relabelled))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("unknown object type");
    }

    @Test
    void subscriptionGeographyRootKeyAndIntegrityAreEnforced() {
        BackupCodec codec = new BackupCodec(key(1), new SecureRandom());
        byte[] blob = codec.seal(SUB, "Europe", ObjectKind.SECRET, body());
        assertThatThrownBy(() -> codec.open("ffffffff-4f50-4617-8899-aabbccddeeff", "Europe", ObjectKind.SECRET, blob))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("another subscription");
        assertThatThrownBy(() -> codec.open(SUB, "United States", ObjectKind.SECRET, blob))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("geography 'Europe'");
        assertThatThrownBy(() -> new BackupCodec(key(2), new SecureRandom()).open(SUB, "Europe", ObjectKind.SECRET, blob))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("another root key");
        for (int i = 0; i < blob.length; i++) {
            byte[] altered = blob.clone();
            altered[i] ^= 0x40;
            assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.SECRET, altered))
                    .as("byte " + i).isInstanceOf(BadParameterException.class);
        }
        for (int n = 0; n < blob.length; n++) {
            byte[] cut = Arrays.copyOf(blob, n);
            assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.SECRET, cut))
                    .as("length " + n).isInstanceOf(BadParameterException.class);
        }
        assertThatThrownBy(() -> codec.open(SUB, "Europe", ObjectKind.SECRET, null)).isInstanceOf(BadParameterException.class);
    }

    @Test
    void sealingClearsTheBody() {
        byte[] body = body();
        new BackupCodec(key(1), new SecureRandom()).seal(SUB, "Europe", ObjectKind.SECRET, body);
        assertThat(body).containsOnly((byte) 0);
    }
}
