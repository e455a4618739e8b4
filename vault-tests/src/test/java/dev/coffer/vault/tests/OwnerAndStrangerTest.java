package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.Test;

/** The first smoke test of the core, moved here: an owner's vault, a stranger refused, then granted. */
@CofferTest
class OwnerAndStrangerTest {

    @Test
    void ownerCreatesVaultAndStrangerIsRefusedUntilGranted(@TestVault(name = "kv-smoke") Vault vault,
                                                            @User("bob") Principal bob, @As("bob") VaultManager asBob,
                                                            VaultManager owner, CofferPlatform platform) {
        assertThat(vault.vaultUri()).isEqualTo("https://kv-smoke.vault.azure.net/");
        assertThatCall(() -> asBob.getVault("kv-smoke")).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.KeyVault/vaults/read");

        owner.roleAssignments().create(vault.scope(), BuiltInRole.READER, bob);

        assertThat(asBob.getVault("kv-smoke").name()).isEqualTo("kv-smoke");
        assertThat(platform.auditLog().query(AuditQuery.all().operation("VaultGet").caller(bob)))
                .extracting(AuditEvent::httpStatusCode).containsExactly(403, 200);
    }
}
