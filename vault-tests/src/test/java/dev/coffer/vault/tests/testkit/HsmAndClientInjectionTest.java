package dev.coffer.vault.tests.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.hsm.SimulatedHsm;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.Test;

/** The testkit's simulated HSM and its @As data-plane clients. */
@CofferTest(hsm = true)
class HsmAndClientInjectionTest {

    @Test
    void theInjectedDeviceIsTheFixturesAndServesPremiumVaults(SimulatedHsm hsm, CofferFixture fx,
            @TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "ops", roles = @Role(role = "Key Vault Crypto Officer")) Principal ops,
            @As("ops") KeyClient keys) {
        assertThat(hsm).isSameAs(fx.hsm());
        assertThat(hsm.isActive()).isTrue();
        assertThat(fx.hsmSecurityDomain().fingerprint()).isEqualTo(hsm.securityDomainFingerprint());
        assertThat(keys.getVaultUrl()).isEqualTo(vault.properties().vaultUri());
        keys.createKey("k", KeyType.EC_HSM);
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(1);
        hsm.tamper();
        fx.recoverHsm();
        assertThat(hsm.isActive()).isTrue();
    }

    @Test
    void asClientsAddressTheNamedVault(@TestVault(name = "kv-as-one") Vault one, @TestVault(name = "kv-as-two") Vault two,
            @User(value = "app", roles = @Role(role = "Key Vault Secrets Officer", scope = RoleScope.RESOURCE_GROUP))
            Principal app, @As(value = "app", vault = "kv-as-two") SecretClient secrets) {
        secrets.setSecret("s", "v");
        assertThat(secrets.getVaultUrl()).contains("kv-as-two");
        assertThat(two.secretClient(app).getSecret("s").getValue()).isEqualTo("v");
    }

    @Test
    void aFixtureWithoutAnHsmSaysHowToGetOne() {
        CofferFixture plain = CofferFixture.create();
        assertThatThrownBy(plain::hsm).isInstanceOf(IllegalStateException.class).hasMessageContaining("hsm = true");
    }
}
