package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Role assignments: create, get, list, delete, who may make them, duplicates and revocation. */
@CofferTest
class RoleAssignmentTest {

    @Test
    void ownerCreatesGetsListsAndDeletesAnAssignment(@TestVault(name = "kv-ra") Vault vault, @User("rita") Principal rita,
                                                     VaultManager owner, MovableClock clock, CofferFixture fx, AuditLog audit) {
        RoleAssignment a = owner.roleAssignments().create(vault.scope(), BuiltInRole.READER, rita);
        assertThat(a.scope()).isEqualTo(vault.scope());
        assertThat(a.id()).startsWith(vault.scope() + "/providers/Microsoft.Authorization/roleAssignments/").endsWith(a.name());
        assertThat(a.roleDefinitionId()).isEqualTo(BuiltInRole.READER.id());
        assertThat(a.principalId()).isEqualTo(rita.objectId());
        assertThat(a.principalType()).isEqualTo(PrincipalType.USER);
        assertThat(a.createdOn()).isEqualTo(clock.instant());
        assertThat(a.createdBy()).isEqualTo(fx.owner().objectId());

        assertThat(owner.roleAssignments().get(a.id())).isEqualTo(a);
        // Listing at the vault shows what applies there: its own assignment and the Owner's from the subscription.
        assertThat(owner.roleAssignments().list(vault.scope()).stream().map(RoleAssignment::roleDefinitionId)
                .collect(Collectors.toList())).containsExactlyInAnyOrder(BuiltInRole.READER.id(), BuiltInRole.OWNER.id());
        // Listing at the subscription includes assignments below it.
        assertThat(owner.roleAssignments().list(fx.subscription().scope()).stream()).contains(a);

        assertThat(owner.roleAssignments().delete(a.id())).isEqualTo(a);
        assertThatCall(() -> owner.roleAssignments().get(a.id())).isNotFound("RoleAssignmentNotFound");
        assertThatCall(() -> owner.roleAssignments().delete(a.id())).isNotFound();

        for (String op : new String[] {"RoleAssignmentCreate", "RoleAssignmentGet", "RoleAssignmentList", "RoleAssignmentDelete"}) {
            assertThat(audit).hasEventFor(op, fx.owner(), 200).lastEvent(op).hasCategory(AuditCategory.ADMINISTRATIVE);
        }
    }

    @Test
    void duplicateAssignmentIsAConflict(@TestVault(name = "kv-ra") Vault vault, @User("rita") Principal rita, VaultManager owner,
                                        AuditLog audit, CofferFixture fx) {
        owner.roleAssignments().create(vault.scope(), BuiltInRole.READER, rita);
        assertThatCall(() -> owner.roleAssignments().create(vault.scope(), BuiltInRole.READER, rita)).isConflict();
        assertThat(audit).hasEventFor("RoleAssignmentCreate", fx.owner(), 409);
        // The same role at another scope, or another role at the same scope, is a different assignment.
        owner.roleAssignments().create(fx.resourceGroup().scope(), BuiltInRole.READER, rita);
        owner.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_USER, rita);
    }

    @Test
    void badRequestsChangeNothing(@TestVault(name = "kv-ra") Vault vault, @User("rita") Principal rita, VaultManager owner,
                                  CofferFixture fx) {
        int before = owner.roleAssignments().list(fx.subscription().scope()).toList().size();
        assertThatCall(() -> owner.roleAssignments().create(vault.scope().parent().orElseThrow().parent().orElseThrow()
                .child("providers", "Microsoft.KeyVault").child("vaults", "kv-none"), BuiltInRole.READER, rita)).isNotFound();
        assertThatCall(() -> owner.roleAssignments().create(null, BuiltInRole.READER, rita)).isBadParameter();
        assertThatCall(() -> owner.roleAssignments().create(
                Scope.resourceGroup(fx.subscription().id(), "rg-none"), BuiltInRole.READER, rita)).isNotFound("ResourceGroupNotFound");
        assertThatCall(() -> owner.roleAssignments().get("not-an-id")).isBadParameter();
        assertThat(owner.roleAssignments().list(fx.subscription().scope()).toList()).hasSize(before);
    }

    @Test
    void readersAndContributorsMayNotAssignRoles(@TestVault(name = "kv-ra") Vault vault,
            @User(value = "cora", roles = @Role(role = "Contributor", scope = RoleScope.SUBSCRIPTION)) Principal cora,
            @User("rita") Principal rita, @As("cora") VaultManager asCora, AuditLog audit) {
        assertThatCall(() -> asCora.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_USER, rita))
                .isAuthorizationFailed().hasMessageContaining("Microsoft.Authorization/roleAssignments/write");
        assertThat(audit).hasEventFor("RoleAssignmentCreate", cora, 403);
    }

    @ParameterizedTest(name = "Data Access Administrator may assign {0}")
    @ValueSource(strings = {"Key Vault Administrator", "Key Vault Certificates Officer", "Key Vault Crypto Officer",
            "Key Vault Crypto Service Encryption User", "Key Vault Crypto User", "Key Vault Reader",
            "Key Vault Secrets Officer", "Key Vault Secrets User"})
    void dataAccessAdministratorAssignsTheEightDataRoles(String role, @TestVault(name = "kv-daa") Vault vault,
            @User(value = "dara", roles = @Role(role = "Key Vault Data Access Administrator")) Principal dara,
            @User("app") Principal app, @As("dara") VaultManager asDara) {
        RoleAssignment a = asDara.roleAssignments().create(vault.scope(), CofferFixture.role(role), app);
        assertThat(a.roleDefinitionId()).isEqualTo(CofferFixture.role(role).id());
        assertThat(asDara.roleAssignments().delete(a.id())).isEqualTo(a);
    }

    @ParameterizedTest(name = "Data Access Administrator may not assign {0}")
    @ValueSource(strings = {"Owner", "Contributor", "User Access Administrator", "Key Vault Contributor",
            "Key Vault Data Access Administrator", "Key Vault Purge Operator", "Key Vault Certificate User"})
    void dataAccessAdministratorIsRefusedOtherRoles(String role, @TestVault(name = "kv-daa") Vault vault,
            @User(value = "dara", roles = @Role(role = "Key Vault Data Access Administrator")) Principal dara,
            @User("app") Principal app, @As("dara") VaultManager asDara, CofferFixture fx) {
        assertThatCall(() -> asDara.roleAssignments().create(vault.scope(), CofferFixture.role(role), app))
                .isAuthorizationFailed();
        // Nor may it remove such an assignment made by the owner.
        RoleAssignment byOwner = fx.assign(app, CofferFixture.role(role), vault.scope());
        assertThatCall(() -> asDara.roleAssignments().delete(byOwner.id())).isAuthorizationFailed();
        assertThat(fx.management().roleAssignments().get(byOwner.id())).isEqualTo(byOwner);
    }

    @Test
    void revocationTakesEffectOnTheVeryNextCall(@TestVault(name = "kv-rev") Vault vault, @User("rita") Principal rita,
                                                @As("rita") VaultManager asRita, VaultManager owner) {
        RoleAssignment a = owner.roleAssignments().create(vault.scope(), BuiltInRole.READER, rita);
        assertThat(asRita.getVault("kv-rev").name()).isEqualTo("kv-rev");
        owner.roleAssignments().delete(a.id());
        assertThatCall(() -> asRita.getVault("kv-rev")).isAuthorizationFailed();
    }

    @Test
    void userAccessAdministratorAssignsAnyRoleButCannotWriteVaults(@TestVault(name = "kv-uaa") Vault vault,
            @User(value = "ursula", roles = @Role(role = "User Access Administrator", scope = RoleScope.SUBSCRIPTION)) Principal ursula,
            @User("rita") Principal rita, @As("ursula") VaultManager asUrsula, @As("rita") VaultManager asRita) {
        asUrsula.roleAssignments().create(vault.scope(), BuiltInRole.OWNER, rita);
        assertThat(asRita.getVault("kv-uaa").name()).isEqualTo("kv-uaa");
        assertThatCall(() -> asUrsula.deleteVault("kv-uaa")).isAuthorizationFailed();
    }
}
