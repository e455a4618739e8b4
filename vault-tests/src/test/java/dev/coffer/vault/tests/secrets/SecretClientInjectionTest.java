package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.Test;

/** The testkit's {@code @As} on a SecretClient parameter: the test's vault, as the named principal. */
@CofferTest
class SecretClientInjectionTest {

    @Test
    void theOnlyVaultIsUsedWhenNoneIsNamed(@TestVault Vault vault,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            @User("eve") Principal eve,
            @As("otto") SecretClient asOtto, @As("eve") SecretClient asEve) {
        assertThat(asOtto.getVaultUrl()).isEqualTo(vault.vaultUri());
        asOtto.setSecret("db", "v");
        assertThatCall(() -> asEve.getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
    }

    @Test
    void aNamedVaultIsUsedWhenThereAreSeveral(@TestVault(name = "kv-a") Vault a, @TestVault(name = "kv-b") Vault b,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer", vault = "kv-b")) Principal otto,
            @As(value = "otto", vault = "kv-b") SecretClient onB, @As(value = "otto", vault = "kv-a") SecretClient onA) {
        assertThat(onB.getVaultUrl()).isEqualTo(b.vaultUri());
        onB.setSecret("db", "v");
        assertThatCall(() -> onA.setSecret("db", "v")).isForbidden();
    }
}
