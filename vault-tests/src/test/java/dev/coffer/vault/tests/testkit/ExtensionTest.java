package dev.coffer.vault.tests.testkit;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.ResourceGroup;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Group;
import dev.coffer.vault.testkit.ManagedIdentity;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.ServicePrincipal;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the extension creates and injects. */
@CofferTest(start = "2031-06-01T12:00:00Z")
class ExtensionTest {

    @User("fielded")
    Principal fieldUser;

    @As("fielded")
    VaultManager fieldManager;

    private Vault fromBeforeEach;

    @BeforeEach
    void lifecycleMethodsTakeDeclarationsToo(@TestVault(name = "kv-before") Vault vault) {
        fromBeforeEach = vault;
    }

    @Test
    void theFixtureHasAnOwnerSubscriptionAndResourceGroup(CofferPlatform platform, MovableClock clock, CofferFixture fx,
            Subscription sub, ResourceGroup rg, VaultManager owner, AuditLog audit) {
        assertThat(platform.clock()).isSameAs(clock);
        assertThat(clock.boundPlatform()).isSameAs(platform);
        assertThat(clock.instant()).hasToString("2031-06-01T12:00:00Z");
        assertThat(fx.platform()).isSameAs(platform);
        assertThat(owner.context().caller()).isEqualTo(fx.owner());
        assertThat(fx.owner().displayName()).isEqualTo("owner@contoso.example");
        assertThat(rg.name()).isEqualTo("rg-test");
        assertThat(rg.subscriptionId()).isEqualTo(sub.id());
        assertThat(audit).hasEvent("SubscriptionCreate").hasEvent("ResourceGroupWrite");
        assertThat(fromBeforeEach.name()).isEqualTo("kv-before");
    }

    @Test
    void vaultsAreCreatedAsDeclared(@TestVault(name = "kv-decl", sku = SkuName.PREMIUM, retentionDays = 7,
            purgeProtection = true, permissionModel = PermissionModel.ACCESS_POLICY, tags = {"team=pay", "tier=1"}) Vault vault,
            @TestVault(name = "kv-decl") VaultProperties sameVault) {
        assertThat(vault).hasSku(SkuName.PREMIUM).hasRetentionDays(7).hasPurgeProtection(true)
                .hasPermissionModel(PermissionModel.ACCESS_POLICY).hasTag("team", "pay").hasTag("tier", "1");
        assertThat(sameVault).isEqualTo(vault.properties());
    }

    @Test
    void principalsGroupsAndRolesAreCreatedWhateverTheParameterOrder(
            @Group(value = "ops", members = {"alice", "bot"}, roles = @Role(role = "Key Vault Reader", vault = "kv-b")) Principal ops,
            @User(value = "alice", roles = {@Role(role = "Reader", vault = "kv-a"),
                    @Role(role = "Key Vault Contributor", scope = RoleScope.RESOURCE_GROUP),
                    @Role(role = "Key Vault Purge Operator", scope = RoleScope.SUBSCRIPTION),
                    @Role(role = "Key Vault Secrets User", scope = RoleScope.OBJECT, vault = "kv-a", object = "secrets/db")})
            Principal alice,
            @ServicePrincipal("bot") Principal bot, @ManagedIdentity("vm") Principal vm,
            @TestVault(name = "kv-a") Vault a, @TestVault(name = "kv-b") Vault b,
            @As("alice") VaultManager asAlice, @As("owner") VaultManager asOwner, CofferFixture fx, CofferPlatform platform) {
        assertThat(alice.type()).isEqualTo(PrincipalType.USER);
        assertThat(alice.displayName()).isEqualTo("alice@contoso.example");
        assertThat(bot.type()).isEqualTo(PrincipalType.SERVICE_PRINCIPAL);
        assertThat(bot.applicationId()).isNotNull();
        assertThat(vm.type()).isEqualTo(PrincipalType.MANAGED_IDENTITY);
        assertThat(ops.type()).isEqualTo(PrincipalType.GROUP);
        assertThat(platform.directory().transitiveGroupIds(bot)).containsExactly(ops.objectId());
        assertThat(asAlice.context().caller()).isEqualTo(alice);
        assertThat(asOwner.context().caller()).isEqualTo(fx.owner());

        List<String> scopesOfAlice = asOwner.roleAssignments().list(fx.subscription().scope()).stream()
                .filter(x -> x.principalId().equals(alice.objectId())).map(x -> x.scope().toString())
                .collect(Collectors.toList());
        assertThat(scopesOfAlice).containsExactlyInAnyOrder(a.scope().toString(), fx.resourceGroup().scope().toString(),
                fx.subscription().scope().toString(), a.scope() + "/secrets/db");
        RoleAssignment ofOps = asOwner.roleAssignments().list(b.scope()).stream()
                .filter(x -> x.principalId().equals(ops.objectId())).findFirst().orElseThrow();
        assertThat(ofOps.roleDefinitionId()).isEqualTo(BuiltInRole.KEY_VAULT_READER.id());
    }

    @Test
    void theOnlyDeclaredVaultIsTheDefaultRoleScope(@TestVault(name = "kv-only") Vault vault,
            @User(value = "rita", roles = @Role(role = "Reader")) Principal rita, @As("rita") VaultManager asRita) {
        assertThat(asRita.getVault("kv-only").name()).isEqualTo("kv-only");
    }

    @Test
    void fieldsAreInjected() {
        assertThat(fieldUser.displayName()).isEqualTo("fielded@contoso.example");
        assertThat(fieldManager.context().caller()).isEqualTo(fieldUser);
    }

    @Test
    void theClockStandsStillUntilMoved(MovableClock clock, CofferPlatform platform) {
        var before = clock.instant();
        assertThat(clock.instant()).isEqualTo(before);
        assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(before.plusSeconds(5));
        assertThat(platform.clock().instant()).isEqualTo(before.plusSeconds(5));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set(Instant)");
    }
}
