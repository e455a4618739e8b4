package dev.coffer.vault.tests.premium;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.hsm.SecurityDomain;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.testkit.CofferFixture;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Where an HSM key's backup restores. A backup is sealed to the subscription and the platform's root key,
 * and the key inside is wrapped by the HSM's security domain, so a restore needs all three: two fixtures of
 * one deterministic seed make the same root key and subscription id, and the test chooses their domains.
 */
class HsmBackupTest {
    private static final long SEED = 20_240_601L;
    private static final byte[] DATA = "backed up".getBytes(StandardCharsets.UTF_8);

    private static final class Side {
        final CofferFixture fx;
        final KeyClient premium;
        final KeyClient standard;

        Side(CofferFixture fx) {
            this.fx = fx;
            Principal officer = fx.user("officer");
            Vault p = fx.vault(VaultOptions.named("kv-hsm-premium").sku(SkuName.PREMIUM));
            Vault s = fx.vault(VaultOptions.named("kv-hsm-standard"));
            fx.assign(officer, CofferFixture.role("Key Vault Crypto Officer"), fx.resourceGroup().scope());
            this.premium = p.keyClient(officer);
            this.standard = s.keyClient(officer);
        }
    }

    private static Side platform(SecurityDomain domain) {
        CofferFixture.Builder b = CofferFixture.builder().deterministic(SEED);
        return new Side((domain == null ? b : b.hsm(domain)).build());
    }

    @Test
    void anHsmKeyRestoresIntoAPremiumVaultOfAPlatformSharingTheDomain() {
        SecurityDomain domain = SecurityDomain.generate(new SecureRandom());
        Side source = platform(domain);
        Side target = platform(domain);
        assertThat(target.fx.subscription().id()).isEqualTo(source.fx.subscription().id());

        KeyVaultKey original = source.premium.createKey("hsm-key", KeyType.EC_HSM);
        byte[] backup = source.premium.backupKey("hsm-key");
        byte[] sig = source.premium.getCryptographyClient("hsm-key").signData(SignatureAlgorithm.ES256, DATA)
                .getSignature();

        KeyVaultKey restored = target.premium.restoreKeyBackup(backup);
        assertThat(restored.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(restored.getProperties().hsmPlatform()).isEqualTo("coffer-sim");
        assertThat(restored.getKey().getX()).isEqualTo(original.getKey().getX());
        assertThat(target.fx.hsm().keyCount("default")).isEqualTo(1);
        assertThat(target.premium.getCryptographyClient("hsm-key").verifyData(SignatureAlgorithm.ES256, DATA, sig)
                .isValid()).isTrue();
        // The restored key is usable in the target's device: it signs, and the source verifies.
        byte[] again = target.premium.getCryptographyClient("hsm-key").signData(SignatureAlgorithm.ES256, DATA)
                .getSignature();
        assertThat(source.premium.getCryptographyClient("hsm-key").verifyData(SignatureAlgorithm.ES256, DATA, again)
                .isValid()).isTrue();
    }

    @Test
    void standardVaultsRefuseHsmBackups() {
        Side side = platform(SecurityDomain.generate(new SecureRandom()));
        side.premium.createKey("hsm-key", KeyType.RSA_HSM);
        byte[] backup = side.premium.backupKey("hsm-key");
        assertThatCall(() -> side.standard.restoreKeyBackup(backup)).isBadParameter()
                .hasMessage("Hardware key operation not allowed on standard vault.");
        assertThatCall(() -> side.standard.getKey("hsm-key")).isNotFound();
    }

    @Test
    void aPlatformWhoseHsmHasAnotherDomainRefusesClearly() {
        Side source = platform(SecurityDomain.generate(new SecureRandom()));
        Side other = platform(SecurityDomain.generate(new SecureRandom()));
        source.premium.createKey("hsm-key", KeyType.EC_HSM);
        byte[] backup = source.premium.backupKey("hsm-key");
        assertThatCall(() -> other.premium.restoreKeyBackup(backup)).isBadParameter()
                .hasMessageContaining("different security domain");
        assertThatCall(() -> other.premium.getKey("hsm-key")).isNotFound();
        assertThat(other.fx.hsm().keyCount("default")).isZero();
    }

    @Test
    void aPlatformWithoutAnHsmRefusesClearly() {
        Side source = platform(SecurityDomain.generate(new SecureRandom()));
        Side plain = platform(null);
        source.premium.createKey("hsm-key", KeyType.EC_HSM);
        byte[] backup = source.premium.backupKey("hsm-key");
        assertThatCall(() -> plain.premium.restoreKeyBackup(backup)).isBadParameter()
                .hasMessageContaining("coffer-hsm-sim").hasMessageContaining("not built with");
    }
}
