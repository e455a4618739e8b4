package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.VaultUpdate;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** updateVault (VaultPatch): tags, SKU, purge protection, retention, and the permission-model switch (reference §15.2). */
@CofferTest
class VaultUpdateTest {

    @Test
    void ownerChangesTagsSkuAndTurnsPurgeProtectionOn(@TestVault(name = "kv-up", tags = {"a=1", "b=2"}) Vault vault,
                                                      VaultManager owner, MovableClock clock, CofferFixture fx, AuditLog audit) {
        clock.advance(Duration.ofHours(1));
        VaultProperties merged = owner.updateVault("kv-up", VaultUpdate.create().tag("b", "3").tag("c", "4"));
        assertThat(merged).hasTag("a", "1").hasTag("b", "3").hasTag("c", "4");
        assertThat(merged.updatedOn()).isEqualTo(clock.instant());
        assertThat(merged.createdOn()).isEqualTo(vault.properties().createdOn());

        VaultProperties replaced = owner.updateVault("kv-up", VaultUpdate.create().tags(Map.of("only", "this")));
        assertThat(replaced).hasTag("only", "this").hasNoTag("a");

        assertThat(owner.updateVault("kv-up", VaultUpdate.create().sku(SkuName.PREMIUM))).hasSku(SkuName.PREMIUM);
        assertThat(owner.updateVault("kv-up", VaultUpdate.create().purgeProtection(true))).hasPurgeProtection(true);
        assertThat(owner.getVault("kv-up")).hasSku(SkuName.PREMIUM).hasPurgeProtection(true).hasTag("only", "this");
        assertThat(audit).hasEventCount("VaultPatch", 4).hasEventFor("VaultPatch", fx.owner(), 200);
    }

    @Test
    void purgeProtectionCannotBeTurnedOff(@TestVault(name = "kv-pp", purgeProtection = true) Vault vault, VaultManager owner,
                                          CofferFixture fx, AuditLog audit) {
        assertThatCall(() -> owner.updateVault("kv-pp", VaultUpdate.create().purgeProtection(false).tag("x", "y")))
                .isBadParameter().hasMessageContaining("irreversible");
        assertThat(owner.getVault("kv-pp")).hasPurgeProtection(true).hasNoTag("x");
        assertThat(audit).hasEventFor("VaultPatch", fx.owner(), 400);
        // Setting it to true again is no change, and allowed.
        assertThat(owner.updateVault("kv-pp", VaultUpdate.create().purgeProtection(true))).hasPurgeProtection(true);
    }

    @ParameterizedTest(name = "retention {0} refused on a 30-day vault")
    @ValueSource(ints = {7, 29, 31, 90})
    void retentionCannotChange(int days, @TestVault(name = "kv-ret", retentionDays = 30) Vault vault, VaultManager owner) {
        assertThatCall(() -> owner.updateVault("kv-ret", VaultUpdate.create().softDeleteRetentionDays(days).sku(SkuName.PREMIUM)))
                .isBadParameter().hasMessageContaining("30");
        assertThat(owner.getVault("kv-ret")).hasRetentionDays(30).hasSku(SkuName.STANDARD);
        // Restating the current retention is not a change.
        assertThat(owner.updateVault("kv-ret", VaultUpdate.create().softDeleteRetentionDays(30))).hasRetentionDays(30);
    }

    @Test
    void readerMayNotUpdateAndUnknownVaultIs404(@TestVault(name = "kv-up") Vault vault,
            @User(value = "rita", roles = @Role(role = "Reader")) Principal rita, @As("rita") VaultManager asRita,
            VaultManager owner, AuditLog audit) {
        assertThatCall(() -> asRita.updateVault("kv-up", VaultUpdate.create().tag("x", "y"))).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.KeyVault/vaults/write");
        assertThat(owner.getVault("kv-up")).hasNoTag("x");
        assertThat(audit).hasEventFor("VaultPatch", rita, 403);
        assertThatCall(() -> owner.updateVault("kv-none", VaultUpdate.create().tag("x", "y"))).isNotFound();
    }

    @Test
    void ownerSwitchesThePermissionModel(@TestVault(name = "kv-model") Vault vault, VaultManager owner) {
        assertThat(owner.updateVault("kv-model", VaultUpdate.create().permissionModel(PermissionModel.ACCESS_POLICY)))
                .hasPermissionModel(PermissionModel.ACCESS_POLICY);
        assertThat(owner.updateVault("kv-model", VaultUpdate.create().permissionModel(PermissionModel.RBAC)))
                .hasPermissionModel(PermissionModel.RBAC);
    }

    @ParameterizedTest(name = "{0} may not switch the permission model")
    @ValueSource(strings = {"Contributor", "Key Vault Contributor", "User Access Administrator",
            "Key Vault Data Access Administrator"})
    void rolesWithoutBothRightsMayNotSwitchThePermissionModel(String role, @TestVault(name = "kv-model") Vault vault,
                                                              CofferFixture fx) {
        Principal who = fx.user("switcher");
        fx.assign(who, CofferFixture.role(role), vault.scope());
        VaultManager asWho = fx.management("switcher");

        assertThatCall(() -> asWho.updateVault("kv-model", VaultUpdate.create().permissionModel(PermissionModel.ACCESS_POLICY)))
                .isAuthorizationFailed();
        assertThat(fx.management().getVault("kv-model")).hasPermissionModel(PermissionModel.RBAC);
    }

    @Test
    void contributorStillUpdatesOtherPropertiesAndRestatingTheModelIsNoSwitch(@TestVault(name = "kv-model") Vault vault,
            @User(value = "cora", roles = @Role(role = "Contributor")) Principal cora, @As("cora") VaultManager asCora) {
        assertThat(asCora.updateVault("kv-model", VaultUpdate.create().permissionModel(PermissionModel.RBAC).tag("t", "1")))
                .hasTag("t", "1").hasPermissionModel(PermissionModel.RBAC);
    }
}
