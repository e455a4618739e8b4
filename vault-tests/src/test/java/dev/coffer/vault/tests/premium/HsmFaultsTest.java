package dev.coffer.vault.tests.premium;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.hsm.SimulatedHsm;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The device's outages and tamper response, as an application using a Premium vault sees them. */
@CofferTest(hsm = true)
class HsmFaultsTest {
    private static final byte[] DATA = "fault".getBytes(StandardCharsets.UTF_8);

    @Test
    void offlineIs503WithAClearMessageAndNothingIsLost(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm, AuditLog audit) {
        KeyVaultKey key = keys.createKey("signer", KeyType.EC_HSM);
        CryptographyClient crypto = keys.getCryptographyClient("signer");
        byte[] before = crypto.signData(SignatureAlgorithm.ES256, DATA).getSignature();

        hsm.takeOffline();
        assertThatCall(() -> crypto.signData(SignatureAlgorithm.ES256, DATA)).isServiceUnavailable()
                .hasInnerErrorCode("HsmOffline").hasMessageContaining("offline").hasMessageContaining("nothing was lost");
        assertThat(audit).hasEventFor("KeySign", officer, 503);
        assertThatCall(() -> keys.createKey("while-down", KeyType.RSA_HSM)).isServiceUnavailable();
        assertThatCall(() -> keys.rotateKey("signer")).isServiceUnavailable();
        // Metadata lives in the vault, not the device: reads still answer.
        assertThat(keys.getKey("signer").getKey().getX()).isEqualTo(key.getKey().getX());

        hsm.bringOnline();
        assertThat(crypto.verifyData(SignatureAlgorithm.ES256, DATA, before).isValid()).isTrue();
        assertThat(crypto.signData(SignatureAlgorithm.ES256, DATA).getSignature()).isNotEmpty();
        // The refused create and rotation left nothing behind.
        assertThatCall(() -> keys.getKey("while-down")).isNotFound();
        assertThat(keys.listPropertiesOfKeyVersions("signer").stream().count()).isEqualTo(1);
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(1);
    }

    @Test
    void tamperMakesKeysUnusableUntilTheDomainIsRestored(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm, CofferFixture fx, AuditLog audit) {
        keys.createKey("signer", KeyType.RSA_HSM);
        CryptographyClient crypto = keys.getCryptographyClient("signer");
        byte[] before = crypto.signData(SignatureAlgorithm.RS256, DATA).getSignature();

        hsm.tamper();
        assertThatCall(() -> crypto.signData(SignatureAlgorithm.RS256, DATA)).isServiceUnavailable()
                .hasInnerErrorCode("HsmTampered").hasMessageContaining("tampered");
        assertThatCall(() -> keys.getKeyAttestation("signer")).isServiceUnavailable().hasInnerErrorCode("HsmTampered");
        assertThat(audit).hasEventFor("KeySign", officer, 503);
        // getKey works: the key's public part and attributes are the vault's, and survive the device.
        KeyVaultKey meta = keys.getKey("signer");
        assertThat(meta.getKeyType()).isEqualTo(KeyType.RSA_HSM);
        assertThat(meta.getProperties().hsmPlatform()).isEqualTo("coffer-sim");

        fx.recoverHsm();
        assertThat(crypto.verifyData(SignatureAlgorithm.RS256, DATA, before).isValid()).isTrue();
        assertThat(crypto.signData(SignatureAlgorithm.RS256, DATA).getSignature()).isNotEmpty();
    }

    @Test
    void aLoggedOutDeviceRefusesUntilActivatedAgain(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm) {
        keys.createKey("signer", KeyType.EC_HSM);
        hsm.deactivate();
        assertThatCall(() -> keys.getCryptographyClient("signer").signData(SignatureAlgorithm.ES256, DATA))
                .isServiceUnavailable().hasInnerErrorCode("HsmNotActive").hasMessageContaining("activate");
        hsm.activate(CofferFixture.HSM_PIN.toCharArray());
        assertThat(keys.getCryptographyClient("signer").signData(SignatureAlgorithm.ES256, DATA).getSignature())
                .isNotEmpty();
    }
}
