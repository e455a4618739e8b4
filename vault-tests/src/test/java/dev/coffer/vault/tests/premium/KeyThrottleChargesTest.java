package dev.coffer.vault.tests.premium;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.core.ThrottlingPolicy;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Azure's key limits (reference §9, §15.4) charged by the key each call addresses: HSM creations have
 * their own budget of 10 per window, and every other key call weighs 2 units for an HSM RSA-2048 or EC key
 * against 1 for a software one, on the vault's 4,000-unit window.
 */
@CofferTest(hsm = true, throttling = true)
class KeyThrottleChargesTest {

    @Test
    void tenHsmCreationsPerWindowThen429(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, MovableClock clock, AuditLog audit) {
        for (int i = 0; i < 9; i++) {
            keys.createKey("hsm-" + i, KeyType.EC_HSM);
        }
        keys.rotateKey("hsm-0");   // a rotation of an HSM key is the tenth HSM creation
        assertThatCall(() -> keys.createKey("hsm-10", KeyType.EC_HSM)).isThrottled();
        assertThatCall(() -> keys.rotateKey("hsm-1")).isThrottled();
        assertThat(audit).hasEventFor("KeyCreate", officer, 429);
        // Software creations draw on their own budget of 20.
        for (int i = 0; i < 20; i++) {
            keys.createKey("soft-" + i, KeyType.EC);
        }
        assertThatCall(() -> keys.createKey("soft-20", KeyType.EC)).isThrottled();
        clock.advance(Duration.ofSeconds(10));
        assertThat(keys.createKey("hsm-10", KeyType.EC_HSM).getKeyType()).isEqualTo(KeyType.EC_HSM);
    }

    @Test
    void twoThousandHsmKeyGetsExhaustTheWindow(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, MovableClock clock) {
        keys.createKey("hsm-rsa", KeyType.RSA_HSM);   // RSA-2048: 2 units a call, like EC-HSM
        keys.createKey("soft-ec", KeyType.EC);        // 1 unit a call
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 1_999; i++) {
            keys.getKey("hsm-rsa");
        }
        // 3,998 units used; a software call makes 3,999, after which an HSM call (2) no longer fits but a
        // software one (1) does; a refused call costs nothing.
        keys.getKey("soft-ec");
        assertThatCall(() -> keys.getKey("hsm-rsa")).isThrottled();
        keys.getCryptographyClient("soft-ec").signData(SignatureAlgorithm.ES256, new byte[32]);
        assertThatCall(() -> keys.getKey("soft-ec")).isThrottled();
        assertThatCall(() -> keys.getCryptographyClient("hsm-rsa").signData(SignatureAlgorithm.RS256, new byte[32]))
                .isThrottled();
        clock.advance(Duration.ofSeconds(10));
        assertThat(keys.getKey("hsm-rsa").getKeyType()).isEqualTo(KeyType.RSA_HSM);
    }

    @Test
    void exactlyTwoThousandHsmCallsFit(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, MovableClock clock) {
        keys.createKey("hsm-ec", KeyType.EC_HSM);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 2_000; i++) {
            keys.getKey("hsm-ec");
        }
        assertThatCall(() -> keys.getKey("hsm-ec")).isThrottled();
    }

    /** Lifecycle calls (backup, delete, recover, purge) and attestation weigh by the key too. */
    @Test
    void lifecycleCallsWeighByTheKey() {
        CofferFixture fx = CofferFixture.builder().hsm()
                .throttling(ThrottlingPolicy.builder().keyTransactions(4).build()).build();
        Vault vault = fx.vault(VaultOptions.named("kv-small-window").sku(SkuName.PREMIUM));
        Principal officer = fx.user("officer");
        fx.assign(officer, CofferFixture.role("Key Vault Crypto Officer"), vault.scope());
        KeyClient keys = vault.keyClient(officer);
        keys.createKey("hard", KeyType.EC_HSM);
        keys.createKey("soft", KeyType.EC);
        keys.backupKey("hard");
        keys.getKeyAttestation("hard");                         // 2 + 2 = 4 units: the window is full
        assertThatCall(() -> keys.backupKey("soft")).isThrottled();
        fx.clock().advance(Duration.ofSeconds(10));
        for (int i = 0; i < 4; i++) {
            keys.backupKey("soft");                              // 1 unit each
        }
        assertThatCall(() -> keys.deleteKey("soft")).isThrottled();
        fx.clock().advance(Duration.ofSeconds(10));
        keys.deleteKey("hard");
        keys.recoverDeletedKey("hard");                          // 4 units
        assertThatCall(() -> keys.deleteKey("soft")).isThrottled();
    }
}
