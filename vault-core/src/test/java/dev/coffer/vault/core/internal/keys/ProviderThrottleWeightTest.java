package dev.coffer.vault.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.ThrottledException;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.core.ThrottlingPolicy;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.spi.CryptoProvider;
import org.junit.jupiter.api.Test;

/** The throttle charges a key operation what the provider holding the key says it weighs. */
class ProviderThrottleWeightTest {

    private static KeyClient keys(CryptoProvider hsm) {
        CofferPlatform platform = Coffer.inMemory().withoutSlf4jAuditSink().hsmProvider(hsm)
                .throttling(ThrottlingPolicy.builder().keyTransactions(100).build()).build();
        Principal owner = platform.directory().createUser("owner@contoso.example");
        Subscription sub = platform.createSubscription("dev", owner);
        VaultManager mgmt = platform.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-weights").resourceGroup(sub, "rg").sku(SkuName.PREMIUM));
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, owner);
        KeyClient k = vault.keyClient(owner);
        k.createEcKey(new CreateEcKeyOptions("e").setHardwareProtected(true));
        return k;
    }

    private static int getsBeforeThrottled(KeyClient k) {
        for (int i = 0; ; i++) {
            try {
                k.getKey("e");
            } catch (ThrottledException e) {
                return i;
            }
        }
    }

    @Test
    void aProviderThatSaysItsKeysWeigh50GetsTwoCallsFromA100UnitWindow() {
        assertThat(getsBeforeThrottled(keys(new FakeHsmProvider(50)))).isEqualTo(2);
    }

    @Test
    void theDefaultIsAzuresTableForTheProtectionLevel() {
        // HSM EC: 2 units, so 50 calls fill 100 units.
        assertThat(getsBeforeThrottled(keys(new FakeHsmProvider()))).isEqualTo(50);
        assertThat(CryptoProvider.azureWeight(false, 2048)).isEqualTo(1);
        assertThat(CryptoProvider.azureWeight(true, 4096)).isEqualTo(16);
        assertThatThrownBy(() -> new FakeHsmProvider().throttleWeight(null)).isInstanceOf(NullPointerException.class);
    }
}
