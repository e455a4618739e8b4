package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.DeletedVault;
import dev.coffer.vault.Principal;
import dev.coffer.vault.SweepReport;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deleteVault, listDeletedVaults, getDeletedVault, recoverDeletedVault, purgeDeletedVault, and the
 * time sweep: soft delete, recovery without the old role assignments, purge rights and purge protection.
 */
@CofferTest
class VaultLifecycleTest {

    @Test
    void deleteIsSoftAndRecoverBringsTheVaultBack(@TestVault(name = "kv-life", retentionDays = 30, tags = "env=dev") Vault vault,
                                                  VaultManager owner, MovableClock clock, CofferFixture fx, AuditLog audit) {
        DeletedVault deleted = owner.deleteVault("kv-life");
        assertThat(deleted.name()).isEqualTo("kv-life");
        assertThat(deleted.vaultId()).isEqualTo(vault.scope());
        assertThat(deleted.deletionDate()).isEqualTo(clock.instant());
        assertThat(deleted.scheduledPurgeDate()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(deleted.tags()).containsEntry("env", "dev");
        assertThat(deleted.id().toString()).endsWith("/locations/westeurope/deletedVaults/kv-life");

        assertThatCall(() -> owner.getVault("kv-life")).isNotFound();
        assertThat(owner.listVaults(fx.subscription().id()).toList()).isEmpty();
        assertThat(owner.listDeletedVaults(fx.subscription().id()).toList()).containsExactly(deleted);
        assertThat(owner.getDeletedVault("kv-life")).isEqualTo(deleted);

        clock.advance(Duration.ofDays(29));
        Vault back = owner.recoverDeletedVault("kv-life");
        assertThat(back).hasName("kv-life").hasRetentionDays(30).hasTag("env", "dev");
        assertThat(owner.getVault("kv-life").scope()).isEqualTo(vault.scope());
        assertThatCall(() -> owner.getDeletedVault("kv-life")).isNotFound();
        assertThat(owner.listDeletedVaults(fx.subscription().id()).toList()).isEmpty();

        for (String op : new String[] {"VaultDelete", "VaultListDeleted", "VaultGetDeleted", "VaultRecover"}) {
            assertThat(audit).hasEventFor(op, fx.owner(), 200).lastEvent(op).hasCategory(AuditCategory.AUDIT_EVENT);
        }
        assertThat(audit).hasEventFor("VaultGetDeleted", fx.owner(), 404);
    }

    @Test
    void deletionRemovesRoleAssignmentsAtAndBelowTheVaultAndRecoveryDoesNotRestoreThem(
            @TestVault(name = "kv-roles") Vault vault, @TestVault(name = "kv-keep") Vault kept,
            @User(value = "rita", roles = {@Role(role = "Reader", vault = "kv-roles"),
                    @Role(role = "Key Vault Secrets User", scope = RoleScope.OBJECT, vault = "kv-roles", object = "secrets/db"),
                    @Role(role = "Reader", vault = "kv-keep")}) Principal rita,
            @As("rita") VaultManager asRita, VaultManager owner) {
        assertThat(asRita.getVault("kv-roles").name()).isEqualTo("kv-roles");
        assertThat(owner.roleAssignments().list(vault.scope()).stream().filter(a -> a.principalId().equals(rita.objectId())))
                .hasSize(2);

        owner.deleteVault("kv-roles");
        owner.recoverDeletedVault("kv-roles");

        assertThatCall(() -> asRita.getVault("kv-roles")).isAuthorizationFailed();
        assertThat(owner.roleAssignments().list(vault.scope()).stream()
                .filter(a -> a.principalId().equals(rita.objectId()))).isEmpty();
        // The Owner's subscription-scope assignment is above the vault and survives; so does rita's on another vault.
        assertThat(owner.getVault("kv-roles").name()).isEqualTo("kv-roles");
        assertThat(asRita.getVault("kv-keep").name()).isEqualTo("kv-keep");
    }

    @Test
    void readersWithoutDeleteRightsAreRefusedAndNothingChanges(@TestVault(name = "kv-life") Vault vault,
            @User(value = "rita", roles = @Role(role = "Reader", scope = RoleScope.SUBSCRIPTION)) Principal rita,
            @As("rita") VaultManager asRita, VaultManager owner, AuditLog audit, CofferFixture fx) {
        assertThatCall(() -> asRita.deleteVault("kv-life")).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.KeyVault/vaults/delete");
        assertThat(owner.getVault("kv-life").name()).isEqualTo("kv-life");
        assertThat(audit).hasEventFor("VaultDelete", rita, 403);
        assertThatCall(() -> owner.deleteVault("kv-none")).isNotFound();

        owner.deleteVault("kv-life");
        // Reader's */read covers deletedVaults/read; recovering needs vaults/write, purging the purge action.
        assertThat(asRita.listDeletedVaults(fx.subscription().id()).toList()).hasSize(1);
        assertThat(asRita.getDeletedVault("kv-life").name()).isEqualTo("kv-life");
        assertThatCall(() -> asRita.recoverDeletedVault("kv-life")).isAuthorizationFailed();
        assertThatCall(() -> asRita.purgeDeletedVault("kv-life")).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.KeyVault/locations/deletedVaults/purge/action");
        assertThat(owner.getDeletedVault("kv-life").name()).isEqualTo("kv-life");
    }

    @Test
    void strangersSeeNoDeletedVaults(@TestVault(name = "kv-life") Vault vault, @User("eve") Principal eve,
                                     @As("eve") VaultManager asEve, VaultManager owner, CofferFixture fx) {
        owner.deleteVault("kv-life");
        assertThatCall(() -> asEve.listDeletedVaults(fx.subscription().id()).toList()).isAuthorizationFailed();
        assertThatCall(() -> asEve.getDeletedVault("kv-life")).isAuthorizationFailed();
        assertThatCall(() -> asEve.recoverDeletedVault("kv-life")).isAuthorizationFailed();
    }

    @Test
    void keyVaultContributorMayNotPurgeButPurgeOperatorMay(@TestVault(name = "kv-purge") Vault vault,
            @User(value = "cora", roles = @Role(role = "Key Vault Contributor", scope = RoleScope.SUBSCRIPTION)) Principal cora,
            @User(value = "pete", roles = @Role(role = "Key Vault Purge Operator", scope = RoleScope.SUBSCRIPTION)) Principal pete,
            @As("cora") VaultManager asCora, @As("pete") VaultManager asPete, VaultManager owner, AuditLog audit) {
        asCora.deleteVault("kv-purge");
        assertThatCall(() -> asCora.purgeDeletedVault("kv-purge")).isAuthorizationFailed()
                .hasMessageContaining("deletedVaults/purge/action");
        assertThat(owner.getDeletedVault("kv-purge").name()).isEqualTo("kv-purge");

        asPete.purgeDeletedVault("kv-purge");
        assertThatCall(() -> owner.getDeletedVault("kv-purge")).isNotFound();
        assertThat(audit).hasEventFor("VaultPurge", cora, 403).hasEventFor("VaultPurge", pete, 200);
        assertThatCall(() -> asPete.purgeDeletedVault("kv-purge")).isNotFound();
        // The name is free again.
        assertThat(owner.createVault(VaultOptions.named("kv-purge").resourceGroup(vault.properties().subscriptionId(),
                vault.properties().resourceGroup())).name()).isEqualTo("kv-purge");
    }

    @Test
    void purgeProtectionRefusesPurgeUntilTheScheduledDate(
            @TestVault(name = "kv-pp", retentionDays = 7, purgeProtection = true) Vault vault,
            @User(value = "pete", roles = @Role(role = "Key Vault Purge Operator", scope = RoleScope.SUBSCRIPTION)) Principal pete,
            @As("pete") VaultManager asPete, VaultManager owner, CofferFixture fx) {
        // An unbound clock moves without sweeping: this shows the caller's purge, not the platform's.
        CofferPlatform platform = fx.platform();
        DeletedVault deleted = owner.deleteVault("kv-pp");
        assertThat(deleted.purgeProtectionEnabled()).isTrue();

        assertThatCall(() -> asPete.purgeDeletedVault("kv-pp")).isForbidden().hasInnerErrorCode("PurgeProtectionEnabled")
                .hasMessageContaining("DeletedVaultPurge");
        fx.clock().set(deleted.scheduledPurgeDate().minusSeconds(1));
        assertThatCall(() -> asPete.purgeDeletedVault("kv-pp")).isForbidden();
        assertThat(owner.getDeletedVault("kv-pp").name()).isEqualTo("kv-pp");
        assertThat(owner.recoverDeletedVault("kv-pp")).hasPurgeProtection(true);
        assertThat(platform.auditLog().query(AuditQuery.all().operation("VaultPurge").status(403))).hasSize(2);
    }

    @Test
    void pastItsPurgeDateADeletedVaultIsGoneBeforeAnySweep() {
        // A clock that is not bound to the platform moves without sweeping.
        MovableClock clock = new MovableClock();
        CofferPlatform platform = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().build();
        Principal alice = platform.directory().createUser("alice@contoso.example");
        var sub = platform.createSubscription("s", alice);
        VaultManager mgmt = platform.management(alice);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        mgmt.createVault(VaultOptions.named("kv-pp").resourceGroup(sub, "rg").softDeleteRetentionDays(7).purgeProtection(true));
        DeletedVault deleted = mgmt.deleteVault("kv-pp");

        clock.set(deleted.scheduledPurgeDate().minusMillis(1));
        assertThatCall(() -> mgmt.purgeDeletedVault("kv-pp")).isForbidden();
        clock.set(deleted.scheduledPurgeDate());
        // Reads never write: past its purge date the vault is simply gone, sweep or not.
        assertThatCall(() -> mgmt.getDeletedVault("kv-pp")).isNotFound();
        assertThat(mgmt.listDeletedVaults(sub.id()).toList()).isEmpty();
        assertThatCall(() -> mgmt.recoverDeletedVault("kv-pp")).isNotFound();
        assertThat(platform.auditLog().query(AuditQuery.all().operation("VaultPurge").caller(platform.systemPrincipal())))
                .isEmpty();

        // Creating the name again purges the expired vault first (as the platform, audited) and succeeds.
        assertThat(mgmt.createVault(VaultOptions.named("kv-pp").resourceGroup(sub, "rg")).name()).isEqualTo("kv-pp");
        assertThat(platform.auditLog()).lastEvent("VaultPurge").hasCaller(platform.systemPrincipal()).hasStatus(200);
    }

    @Test
    void movingTheClockPastRetentionPurgesAndFreesTheName(
            @TestVault(name = "kv-expire", retentionDays = 7, purgeProtection = true) Vault vault,
            VaultManager owner, MovableClock clock, CofferPlatform platform, AuditLog audit, CofferFixture fx) {
        owner.deleteVault("kv-expire");
        clock.advance(Duration.ofDays(6));
        assertThat(owner.getDeletedVault("kv-expire").name()).isEqualTo("kv-expire");
        assertThat(audit).hasNoEvent("VaultPurge");

        clock.advance(Duration.ofDays(1));

        assertThat(audit).lastEvent("VaultPurge").hasCaller(platform.systemPrincipal()).hasStatus(200)
                .hasResource("/subscriptions/" + fx.subscription().id());
        assertThatCall(() -> owner.getDeletedVault("kv-expire")).isNotFound();
        SweepReport again = platform.sweep();
        assertThat(again.vaultsPurged()).isZero();
        assertThat(audit).hasEventCount("VaultPurge", 1);
        assertThat(owner.createVault(VaultOptions.named("kv-expire").resourceGroup(fx.subscription(), "rg-test")).name())
                .isEqualTo("kv-expire");
    }

    @Test
    void theSweepReportCountsPurgedVaults(CofferFixture fx, VaultManager owner, CofferPlatform platform) {
        for (String n : new String[] {"kv-s1", "kv-s2", "kv-s3"}) {
            fx.vault(VaultOptions.named(n).softDeleteRetentionDays(7));
            owner.deleteVault(n);
        }
        fx.vault("kv-alive");
        // Moved with set() on a bound clock, the sweep runs; a direct sweep afterwards finds nothing left.
        SweepReport before = platform.sweep();
        assertThat(before.vaultsPurged()).isZero();
        fx.clock().advance(Duration.ofDays(7));
        assertThat(owner.listDeletedVaults(fx.subscription().id()).toList()).isEmpty();
        assertThat(fx.auditLog().query(AuditQuery.all().operation("VaultPurge").caller(platform.systemPrincipal()))
                .stream().map(e -> e.requestObjectId()).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("https://kv-s1.vault.azure.net/", "https://kv-s2.vault.azure.net/",
                        "https://kv-s3.vault.azure.net/");
        assertThat(owner.getVault("kv-alive").name()).isEqualTo("kv-alive");
    }

    @Test
    void assignmentsElsewhereSurviveADeletion(@TestVault(name = "kv-a") Vault a, @TestVault(name = "kv-b") Vault b,
                                              @User("rita") Principal rita, VaultManager owner) {
        RoleAssignment onB = owner.roleAssignments().create(b.scope(), BuiltInRole.READER, rita);
        owner.roleAssignments().create(a.scope(), BuiltInRole.READER, rita);
        owner.deleteVault("kv-a");
        assertThat(owner.roleAssignments().get(onB.id())).isEqualTo(onB);
    }
}
