package dev.coffer.vault.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.secrets.SecretClient;
import org.junit.jupiter.api.Test;

class SecretsSmokeTest {

    @Test
    void lifecycle() {
        CofferPlatform platform = Coffer.inMemory().withoutSlf4jAuditSink().build();
        Principal alice = platform.directory().createUser("alice@contoso.example");
        Principal app = platform.directory().createServicePrincipal("app");
        Subscription sub = platform.createSubscription("dev", alice);
        VaultManager mgmt = platform.management(alice);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-smoke").resourceGroup(sub, "rg"));
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, alice);
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_USER, app);

        SecretClient officer = vault.secretClient(alice);
        officer.setSecret("Db-Password", "one");
        officer.setSecret("db-password", "two");
        assertThat(vault.secretClient(app).getSecret("DB-PASSWORD").getValue()).isEqualTo("two");
        assertThat(officer.listPropertiesOfSecretVersions("db-password").toList()).hasSize(2);
        assertThatThrownBy(() -> vault.secretClient(app).setSecret("x", "y")).isInstanceOf(ForbiddenException.class);

        byte[] blob = officer.backupSecret("db-password");
        officer.deleteSecret("db-password");
        assertThatThrownBy(() -> officer.setSecret("db-password", "three")).isInstanceOf(ConflictException.class);
        officer.recoverDeletedSecret("db-password");
        officer.deleteSecret("db-password");
        officer.purgeDeletedSecret("db-password");
        assertThat(officer.restoreSecretBackup(blob).getValue()).isEqualTo("two");
        assertThat(officer.getSecret("Db-Password").getName()).isEqualTo("Db-Password");
    }
}
