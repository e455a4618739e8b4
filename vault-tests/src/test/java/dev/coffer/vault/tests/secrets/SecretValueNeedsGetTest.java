package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.authorization.CustomRoleOptions;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import dev.coffer.vault.VaultManager;
import org.junit.jupiter.api.Test;

/** Only getSecret returns a value: a principal that may recover or restore, but not read, sees none. */
@CofferTest
class SecretValueNeedsGetTest {
    private static final String PREFIX = "Microsoft.KeyVault/vaults/secrets/";

    @Test
    void recoverAndRestoreRightsDoNotRevealValues(@TestVault Vault vault, CofferFixture fx, VaultManager owner,
            @User(value = "officer", roles = @Role(role = "Key Vault Secrets Officer")) Principal officer,
            @User("clerk") Principal clerk) {
        var s = vault.secretClient(officer);
        s.setSecret("db", "TOPSECRET");
        s.updateSecretProperties(SecretProperties.of("db").withEnabled(false));
        byte[] blob = s.backupSecret("db");

        RoleDefinition clerkRole = owner.roleDefinitions().create(CustomRoleOptions.named("Recovery Clerk")
                .dataActions(PREFIX + "recover/action", PREFIX + "restore/action", PREFIX + "delete")
                .assignableScopes(fx.subscription().scope()));
        owner.roleAssignments().create(vault.scope(), clerkRole, clerk);
        var c = vault.secretClient(clerk);

        assertThatCall(() -> c.getSecret("db")).isForbidden();
        c.deleteSecret("db");
        var recovered = c.recoverDeletedSecret("db");
        assertThat(recovered.getName()).isEqualTo("db");
        assertThat(recovered.getValue()).isNull();
        assertThat(recovered.getProperties().enabled()).isFalse();

        s.deleteSecret("db");
        s.purgeDeletedSecret("db");
        assertThat(c.restoreSecretBackup(blob).getValue()).isNull();
        assertThat(recovered.toString()).doesNotContain("TOPSECRET");
    }
}
