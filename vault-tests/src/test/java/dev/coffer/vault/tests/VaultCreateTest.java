package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.ConflictException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** createResourceGroup and createVault (VaultPut): allowed, denied, bad input, name uniqueness. */
@CofferTest
class VaultCreateTest {

    private static VaultOptions inFixture(CofferFixture fx, String name) {
        return VaultOptions.named(name).resourceGroup(fx.subscription(), fx.resourceGroup().name());
    }

    @Test
    void ownerCreatesAVaultWithAzureDefaultsAndItIsAudited(CofferFixture fx, VaultManager owner, AuditLog audit) {
        Vault vault = owner.createVault(inFixture(fx, "kv-defaults").tag("env", "test"));

        assertThat(vault).hasName("kv-defaults").hasSku(SkuName.STANDARD).hasRetentionDays(90)
                .hasPurgeProtection(false).hasPermissionModel(PermissionModel.RBAC).hasTag("env", "test")
                .hasLocation(CofferFixture.LOCATION);
        assertThat(vault.scope().toString()).isEqualTo("/subscriptions/" + fx.subscription().id()
                + "/resourceGroups/rg-test/providers/Microsoft.KeyVault/vaults/kv-defaults");
        assertThat(owner.getVault("kv-defaults").properties().createdOn()).isEqualTo(fx.clock().instant());
        assertThat(audit).hasEventFor("VaultPut", fx.owner(), 200)
                .lastEvent("VaultPut").hasCategory(AuditCategory.AUDIT_EVENT).hasResource(vault.scope().toString());
    }

    @Test
    void optionsChangedAfterTheCallChangeNothing(CofferFixture fx, VaultManager owner) {
        VaultOptions options = inFixture(fx, "kv-copied").softDeleteRetentionDays(30);
        owner.createVault(options);
        options.softDeleteRetentionDays(7).sku(SkuName.PREMIUM);

        assertThat(owner.getVault("kv-copied")).hasRetentionDays(30).hasSku(SkuName.STANDARD);
    }

    @Test
    void resourceGroupCreateIsIdempotentAndAuditedAsAdministrative(CofferFixture fx, VaultManager owner, AuditLog audit) {
        var again = owner.createResourceGroup(fx.subscription().id(), "rg-test", "westeurope");
        assertThat(again).isEqualTo(fx.resourceGroup());
        assertThatCall(() -> owner.createResourceGroup(fx.subscription().id(), "rg-test", "eastus"))
                .isConflict("InvalidResourceGroupLocation");
        assertThatCall(() -> owner.createResourceGroup(fx.subscription().id(), "bad/name", "westeurope")).isBadParameter();
        assertThatCall(() -> owner.createResourceGroup(fx.subscription().id(), "rg-2", "atlantis"))
                .isBadParameter("LocationNotAvailableForResourceType");
        assertThat(audit).lastEvent("ResourceGroupWrite").hasCategory(AuditCategory.ADMINISTRATIVE);
    }

    @Test
    void aReaderMayNotCreateResourceGroupsOrVaults(CofferFixture fx,
            @User(value = "rita", roles = @Role(role = "Reader", scope = RoleScope.SUBSCRIPTION)) Principal rita,
            @As("rita") VaultManager asRita, AuditLog audit) {
        assertThatCall(() -> asRita.createResourceGroup(fx.subscription().id(), "rg-rita", "westeurope"))
                .isAuthorizationFailed().hasMessageContaining("resourceGroups/write");
        assertThatCall(() -> asRita.createVault(inFixture(fx, "kv-rita"))).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.KeyVault/vaults/write");
        assertThat(audit).hasEventFor("VaultPut", rita, 403);
        assertThatCall(() -> fx.management().getVault("kv-rita")).isNotFound("ResourceNotFound");
    }

    @ParameterizedTest(name = "{0} is a data role: refused on the management plane")
    @ValueSource(strings = {"Key Vault Administrator", "Key Vault Secrets Officer", "Key Vault Crypto Officer"})
    void dataRolesGrantNothingOnTheManagementPlane(String role, CofferFixture fx) {
        Principal dana = fx.user("dana");
        fx.assign(dana, CofferFixture.role(role), fx.subscription().scope());
        VaultManager asDana = fx.management("dana");

        assertThatCall(() -> asDana.createVault(inFixture(fx, "kv-dana"))).isAuthorizationFailed();
        Vault vault = fx.vault("kv-owned");
        assertThatCall(() -> asDana.deleteVault(vault.name())).isAuthorizationFailed();
        assertThat(fx.management().getVault("kv-owned").name()).isEqualTo("kv-owned");
    }

    @Test
    void keyVaultContributorCreatesVaults(CofferFixture fx,
            @User(value = "cora", roles = @Role(role = "Key Vault Contributor", scope = RoleScope.RESOURCE_GROUP)) Principal cora,
            @As("cora") VaultManager asCora, AuditLog audit) {
        asCora.createVault(inFixture(fx, "kv-cora"));
        assertThat(audit).hasEventFor("VaultPut", cora, 200);
    }

    @ParameterizedTest(name = "''{0}'' is not a valid vault name")
    @ValueSource(strings = {"kv", "a23456789012345678901234x", "1vault", "vault-", "my--vault", "kv_under", "kv.dot"})
    void invalidNamesAreRefusedAndNothingIsCreated(String name, CofferFixture fx, VaultManager owner, AuditLog audit) {
        assertThatCall(() -> owner.createVault(inFixture(fx, name))).isBadParameter("VaultNameNotValid")
                .hasMessageContaining("3-24");
        assertThat(owner.listVaults(fx.subscription().id()).toList()).isEmpty();
        assertThat(audit).hasEventFor("VaultPut", fx.owner(), 400);
    }

    @ParameterizedTest(name = "{0}-character names are valid")
    @ValueSource(strings = {"kv1", "a2345678901234567890123x", "my-vault-2"})
    void boundaryNamesAreAccepted(String name, CofferFixture fx, VaultManager owner) {
        assertThat(owner.createVault(inFixture(fx, name)).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "retention {0} days is refused")
    @ValueSource(ints = {6, 91, 0, -1})
    void retentionOutside7To90IsRefused(int days, CofferFixture fx, VaultManager owner) {
        assertThatCall(() -> owner.createVault(inFixture(fx, "kv-retention").softDeleteRetentionDays(days)))
                .isBadParameter().hasMessageContaining("7 and 90");
        assertThatCall(() -> owner.getVault("kv-retention")).isNotFound();
    }

    @ParameterizedTest(name = "retention {0} days is accepted")
    @ValueSource(ints = {7, 90})
    void retentionBoundsAreAccepted(int days, CofferFixture fx, VaultManager owner) {
        assertThat(owner.createVault(inFixture(fx, "kv-retention").softDeleteRetentionDays(days))).hasRetentionDays(days);
    }

    @Test
    void unknownLocationIsRefused(CofferFixture fx, VaultManager owner) {
        assertThatCall(() -> owner.createVault(inFixture(fx, "kv-where").location("atlantis")))
                .isBadParameter("LocationNotAvailableForResourceType");
        assertThatCall(() -> owner.getVault("kv-where")).isNotFound();
        assertThat(owner.createVault(inFixture(fx, "kv-where").location("North Europe"))).hasLocation("northeurope");
    }

    @Test
    void missingResourceGroupIs404AndNothingIsCreated(CofferFixture fx, VaultManager owner) {
        assertThatCall(() -> owner.createVault(VaultOptions.named("kv-lost").resourceGroup(fx.subscription(), "rg-none")))
                .isNotFound("ResourceGroupNotFound");
        assertThatCall(() -> owner.createVault(VaultOptions.named("kv-lost"))).isBadParameter();
        assertThatCall(() -> owner.getVault("kv-lost")).isNotFound();
    }

    @Test
    void namesAreUniqueAcrossThePlatformIncludingSoftDeletedVaults(CofferFixture fx, @TestVault(name = "kv-taken") Vault vault,
                                                                   VaultManager owner) {
        var other = owner.createResourceGroup(fx.subscription().id(), "rg-other", "eastus");
        assertThatCall(() -> owner.createVault(VaultOptions.named("KV-TAKEN").resourceGroup(fx.subscription(), other.name())))
                .isConflict("VaultAlreadyExists");

        owner.deleteVault("kv-taken");
        assertThatCall(() -> owner.createVault(inFixture(fx, "kv-taken"))).isConflict("VaultAlreadyExists")
                .hasMessageContaining("recover");

        owner.purgeDeletedVault("kv-taken");
        assertThat(owner.createVault(inFixture(fx, "kv-taken")).name()).isEqualTo("kv-taken");
    }

    @Test
    void concurrentCreatesOfOneNameGiveExactlyOneSuccess(CofferFixture fx) throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> create = () -> {
                    start.await();
                    try {
                        fx.management().createVault(inFixture(fx, "kv-race"));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(fx.auditLog().query(dev.coffer.vault.audit.AuditQuery.all().operation("VaultPut").status(409)))
                    .hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
