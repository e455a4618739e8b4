package dev.coffer.vault.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.authorization.BuiltInRole;
import org.junit.jupiter.api.Test;

class PlatformSmokeTest {

    @Test
    void ownerCreatesVaultAndStrangerIsRefused() {
        CofferPlatform platform = Coffer.inMemory().withoutSlf4jAuditSink().build();
        Principal alice = platform.directory().createUser("alice@contoso.example");
        Principal bob = platform.directory().createUser("bob@contoso.example");
        Subscription sub = platform.createSubscription("dev", alice);
        VaultManager mgmt = platform.management(alice);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-smoke").resourceGroup(sub, "rg"));

        assertThat(vault.vaultUri()).isEqualTo("https://kv-smoke.vault.azure.net/");
        assertThatThrownBy(() -> platform.management(bob).getVault("kv-smoke"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Microsoft.KeyVault/vaults/read");

        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.READER, bob);
        assertThat(platform.management(bob).getVault("kv-smoke").name()).isEqualTo("kv-smoke");
        assertThat(platform.auditLog().query(AuditQuery.all().operation("VaultGet").caller(bob)))
                .extracting(e -> e.httpStatusCode()).containsExactly(403, 200);
    }
}
