package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's assertions on secrets and keys: each passes on the right value and fails with a useful message. */
@CofferTest
class SecretAndKeyAssertionsTest {

    @Test
    void secretAssertions(@TestVault Vault vault,
                          @User(value = "alice", roles = @Role(role = "Key Vault Secrets Officer")) Principal alice) {
        KeyVaultSecret s = vault.secretClient(alice).setSecret(KeyVaultSecret.of("db", "pa55-word-XYZ")
                .withContentType("text/plain").withTags(Map.of("env", "dev")));
        assertThat(s).hasName("db").hasValue("pa55-word-XYZ").hasWellFormedVersion().isEnabled()
                .hasContentType("text/plain").hasTag("env", "dev").hasRecoveryLevel("Recoverable+Purgeable");

        assertThatThrownBy(() -> assertThat(s).hasValue("something else"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("secret 'db'").hasMessageContaining("value differs")
                .hasMessageNotContaining("pa55-word-XYZ");
        assertThatThrownBy(() -> assertThat(s).isDisabled())
                .isInstanceOf(AssertionError.class).hasMessageContaining("enabled <false> but it had <true>");
        assertThatThrownBy(() -> assertThat(s).hasTag("env", "prod"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("tag env <prod> but it had <dev>");
        assertThatThrownBy(() -> assertThat(s).hasContentType("application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("content type");
    }

    @Test
    void keyAssertions(@TestVault Vault vault,
                       @User(value = "alice", roles = @Role(role = "Key Vault Crypto Officer")) Principal alice) {
        KeyVaultKey k = vault.keyClient(alice).createEcKey(new CreateEcKeyOptions("sig").setCurveName(KeyCurveName.P_384));
        assertThat(k).hasKeyType(KeyType.EC).hasCurve(KeyCurveName.P_384).isEnabled().hasNoPrivateMaterial()
                .hasKeyOperations(KeyOperation.VERIFY, KeyOperation.SIGN);

        assertThatThrownBy(() -> assertThat(k).hasKeyType(KeyType.RSA))
                .isInstanceOf(AssertionError.class).hasMessageContaining("key 'sig' to have key type <RSA> but it had <EC>");
        assertThatThrownBy(() -> assertThat(k).hasCurve(KeyCurveName.P_256))
                .isInstanceOf(AssertionError.class).hasMessageContaining("curve <P-256> but it had <P-384>");
        assertThatThrownBy(() -> assertThat(k).hasKeyOperations(KeyOperation.SIGN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("key operations");
        assertThatThrownBy(() -> assertThat(k).hasRsaKeySize(2048))
                .isInstanceOf(AssertionError.class).hasMessageContaining("RSA key size <2048> but it had <0>");
    }
}
