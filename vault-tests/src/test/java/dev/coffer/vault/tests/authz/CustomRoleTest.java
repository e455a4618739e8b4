package dev.coffer.vault.tests.authz;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.CustomRoleOptions;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.Test;

/** Custom role definitions: lifecycle, who may write them, assignable scopes, conflicts, built-ins. */
@CofferTest
class CustomRoleTest {
    private static final String GET_SECRET = "Microsoft.KeyVault/vaults/secrets/getSecret/action";
    private static final String READ_METADATA = "Microsoft.KeyVault/vaults/secrets/readMetadata/action";

    private static CustomRoleOptions secretReader(String name, Scope... scopes) {
        return CustomRoleOptions.named(name).description("reads secret values")
                .dataActions(GET_SECRET).assignableScopes(scopes);
    }

    @Test
    void ownerCreatesGetsListsUpdatesAndDeletesACustomRole(VaultManager owner, CofferFixture fx, AuditLog audit) {
        Scope rg = fx.resourceGroup().scope();
        RoleDefinition created = owner.roleDefinitions().create(secretReader("Secret Peeker", rg));
        assertThat(created.isBuiltIn()).isFalse();
        assertThat(created.roleName()).isEqualTo("Secret Peeker");
        assertThat(created.permissions().dataActions()).containsExactly(GET_SECRET);
        assertThat(created.assignableScopes()).containsExactly(rg);

        assertThat(owner.roleDefinitions().get(rg, created.id())).isEqualTo(created);
        // Listed where it is assignable, not above.
        assertThat(owner.roleDefinitions().list(rg).stream().map(RoleDefinition::id)).contains(created.id());
        assertThat(owner.roleDefinitions().list(fx.subscription().scope()).stream().map(RoleDefinition::id))
                .doesNotContain(created.id()).contains(BuiltInRole.OWNER.id());

        RoleDefinition updated = owner.roleDefinitions().update(created.id(), CustomRoleOptions.named("Secret Peeker")
                .dataActions(GET_SECRET, READ_METADATA).assignableScopes(rg));
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.permissions().dataActions()).containsExactly(GET_SECRET, READ_METADATA);
        assertThat(owner.roleDefinitions().get(rg, created.id()).permissions().dataActions()).hasSize(2);

        owner.roleDefinitions().delete(created.id());
        assertThatCall(() -> owner.roleDefinitions().get(rg, created.id())).isNotFound("RoleDefinitionDoesNotExist");

        for (String op : new String[] {"RoleDefinitionCreate", "RoleDefinitionGet", "RoleDefinitionList",
                "RoleDefinitionUpdate", "RoleDefinitionDelete"}) {
            assertThat(audit).hasEventFor(op, fx.owner(), 200).lastEvent(op).hasCategory(AuditCategory.ADMINISTRATIVE);
        }
    }

    @Test
    void contributorIsRefusedAndUserAccessAdministratorIsAllowed(
            @User(value = "carl", roles = @Role(role = "Contributor", scope = RoleScope.SUBSCRIPTION)) Principal carl,
            @User(value = "uma", roles = @Role(role = "User Access Administrator", scope = RoleScope.SUBSCRIPTION)) Principal uma,
            @As("carl") VaultManager asCarl, @As("uma") VaultManager asUma, VaultManager owner, CofferFixture fx) {
        Scope rg = fx.resourceGroup().scope();
        // Contributor's NotActions include Microsoft.Authorization/*/Write.
        assertThatCall(() -> asCarl.roleDefinitions().create(secretReader("Carl Role", rg))).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.Authorization/roleDefinitions/write");
        assertThat(owner.roleDefinitions().list(rg).stream().map(RoleDefinition::roleName)).doesNotContain("Carl Role");
        // ... but Contributor may still read definitions (Microsoft.Authorization/*/read is not excluded).
        assertThat(asCarl.roleDefinitions().list(rg).stream()).isNotEmpty();

        RoleDefinition r = asUma.roleDefinitions().create(secretReader("Uma Role", rg));
        assertThatCall(() -> asCarl.roleDefinitions().delete(r.id())).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.Authorization/roleDefinitions/delete");
        asUma.roleDefinitions().update(r.id(), secretReader("Uma Role 2", rg));
        asUma.roleDefinitions().delete(r.id());
    }

    @Test
    void assignableScopesAreEnforcedAndAnAssignedCustomRoleGrantsItsDataActions(
            @TestVault(name = "kv-custom") Vault vault, @User("sam") Principal sam, @User("ed") Principal ed,
            VaultManager owner, CofferFixture fx) {
        owner.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, ed);
        vault.secretClient(ed).setSecret("db", "v1");
        Scope rg = fx.resourceGroup().scope();
        owner.createResourceGroup(fx.subscription().id(), "rg-elsewhere", "westeurope");
        RoleDefinition peeker = owner.roleDefinitions().create(secretReader("Scoped Peeker", rg));

        // Above the assignable scope, or beside it: 400.
        assertThatCall(() -> owner.roleAssignments().create(fx.subscription().scope(), peeker, sam))
                .isBadParameter("InvalidRoleAssignmentScope");
        assertThatCall(() -> owner.roleAssignments().create(
                Scope.resourceGroup(fx.subscription().id(), "rg-elsewhere"), peeker, sam)).isBadParameter();
        assertThatCall(() -> vault.secretClient(sam).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");

        // Inside it (the vault lies in the resource group): works, and grants exactly its data actions.
        RoleAssignment a = owner.roleAssignments().create(vault.scope(), peeker, sam);
        assertThat(vault.secretClient(sam).getSecret("db").getValue()).isEqualTo("v1");
        assertThatCall(() -> vault.secretClient(sam).setSecret("db", "v2")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
        assertThatCall(() -> vault.secretClient(sam).listPropertiesOfSecrets().toList()).isForbidden();

        // Widening the role through an update takes effect on the next call.
        owner.roleDefinitions().update(peeker.id(), CustomRoleOptions.named("Scoped Peeker")
                .dataActions(GET_SECRET, READ_METADATA).assignableScopes(rg));
        assertThat(vault.secretClient(sam).listPropertiesOfSecrets().toList()).hasSize(1);

        // In use: cannot be deleted until the assignment goes.
        assertThatCall(() -> owner.roleDefinitions().delete(peeker.id())).isConflict();
        assertThat(owner.roleDefinitions().get(rg, peeker.id())).isNotNull();
        owner.roleAssignments().delete(a.id());
        owner.roleDefinitions().delete(peeker.id());
    }

    @Test
    void aKeyBackupRoleLikeAzuresExampleIsAccepted(VaultManager owner, CofferFixture fx) {
        // The rbac-guide example: keys read, backup and restore only.
        RoleDefinition r = owner.roleDefinitions().create(CustomRoleOptions.named("Key Backup Operator")
                .dataActions("Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/backup/action",
                        "Microsoft.KeyVault/vaults/keys/restore/action")
                .assignableScopes(fx.subscription().scope()));
        assertThat(r.permissions().actions()).isEmpty();
        assertThat(r.permissions().dataActions()).hasSize(3);
    }

    @Test
    void duplicateNamesConflictAndBuiltInsCannotBeChanged(VaultManager owner, CofferFixture fx) {
        Scope rg = fx.resourceGroup().scope();
        RoleDefinition first = owner.roleDefinitions().create(secretReader("Twin", rg));
        assertThatCall(() -> owner.roleDefinitions().create(secretReader("twin", fx.subscription().scope()))).isConflict();
        // Neither a built-in's name.
        assertThatCall(() -> owner.roleDefinitions().create(secretReader("Key Vault Reader", rg))).isConflict();
        RoleDefinition second = owner.roleDefinitions().create(secretReader("Other", rg));
        assertThatCall(() -> owner.roleDefinitions().update(second.id(), secretReader("Twin", rg))).isConflict();

        RoleDefinition reader = BuiltInRole.KEY_VAULT_READER;
        assertThatCall(() -> owner.roleDefinitions().update(reader.id(), secretReader("Hijacked", rg)))
                .isBadParameter("BuiltInRoleCannotBeChanged");
        assertThatCall(() -> owner.roleDefinitions().delete(reader.id())).isBadParameter("BuiltInRoleCannotBeChanged");
        assertThat(owner.roleDefinitions().get(fx.subscription().scope(), reader.id())).isEqualTo(reader);
        assertThat(owner.roleDefinitions().get(rg, first.id()).roleName()).isEqualTo("Twin");
    }

    @Test
    void invalidDefinitionsAreRefused(VaultManager owner, CofferFixture fx) {
        assertThatCall(() -> owner.roleDefinitions().create(CustomRoleOptions.named("No Scope").dataActions(GET_SECRET)))
                .isBadParameter();
        assertThatCall(() -> owner.roleDefinitions().create(CustomRoleOptions.named("Root").dataActions(GET_SECRET)
                .assignableScopes(Scope.ROOT))).isBadParameter();
        assertThatCall(() -> owner.roleDefinitions().create(CustomRoleOptions.named("Empty")
                .assignableScopes(fx.resourceGroup().scope()))).isBadParameter();
        assertThatCall(() -> owner.roleDefinitions().create(secretReader("Missing RG",
                Scope.resourceGroup(fx.subscription().id(), "rg-none")))).isNotFound();
    }

    @Test
    void aRoleSharedWithAnotherSubscriptionCannotBeRewrittenFromOneOfThem(CofferFixture fx, VaultManager owner,
                                                                          @User("mallory") Principal mallory) {
        // The owner has a second subscription with a vault holding a secret.
        var other = fx.platform().createSubscription("other", fx.owner());
        owner.createResourceGroup(other.id(), "rg-other", "westeurope");
        Vault foreign = owner.createVault(dev.coffer.vault.VaultOptions.named("kv-foreign").resourceGroup(other, "rg-other"));
        owner.roleAssignments().create(foreign.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, fx.owner());
        foreign.secretClient(fx.owner()).setSecret("crown-jewels", "TOPSECRET");

        // A metadata-only role assignable in both subscriptions, assigned to mallory in the foreign one.
        RoleDefinition lister = owner.roleDefinitions().create(CustomRoleOptions.named("Secret Lister")
                .dataActions("Microsoft.KeyVault/vaults/secrets/readMetadata/action")
                .assignableScopes(fx.subscription().scope(), other.scope()));
        owner.roleAssignments().create(foreign.scope(), lister, mallory);
        // mallory owns the first subscription only.
        owner.roleAssignments().create(fx.subscription().scope(), BuiltInRole.OWNER, mallory);
        VaultManager asMallory = fx.platform().management(mallory);
        assertThatCall(() -> foreign.secretClient(mallory).getSecret("crown-jewels")).isForbidden();

        // Rewriting the role to grant everything, narrowed to her own subscription or not, is refused.
        assertThatCall(() -> asMallory.roleDefinitions().update(lister.id(), CustomRoleOptions.named("Secret Lister")
                .actions("*").dataActions("*").assignableScopes(fx.subscription().scope()))).isAuthorizationFailed();
        assertThatCall(() -> asMallory.roleDefinitions().update(lister.id(), CustomRoleOptions.named("Secret Lister")
                .dataActions("*").assignableScopes(fx.subscription().scope(), other.scope()))).isAuthorizationFailed();
        assertThatCall(() -> asMallory.roleDefinitions().delete(lister.id())).isAuthorizationFailed();
        assertThatCall(() -> foreign.secretClient(mallory).getSecret("crown-jewels")).isForbidden();
        assertThat(owner.roleDefinitions().get(other.scope(), lister.id()).permissions().dataActions())
                .containsExactly("Microsoft.KeyVault/vaults/secrets/readMetadata/action");

        // Even its owner cannot drop a scope where the role is still assigned.
        assertThatCall(() -> owner.roleDefinitions().update(lister.id(), CustomRoleOptions.named("Secret Lister")
                .dataActions("Microsoft.KeyVault/vaults/secrets/readMetadata/action")
                .assignableScopes(fx.subscription().scope()))).isConflict("RoleDefinitionHasAssignments");
    }

    @Test
    void aCustomRoleIsNotVisibleFromAScopeWhereItCannotBeAssigned(CofferFixture fx, VaultManager owner) {
        var other = fx.platform().createSubscription("other", fx.owner());
        RoleDefinition mine = owner.roleDefinitions().create(secretReader("Mine", fx.resourceGroup().scope()));
        assertThat(owner.roleDefinitions().get(fx.subscription().scope(), mine.id()).id()).isEqualTo(mine.id());
        assertThatCall(() -> owner.roleDefinitions().get(other.scope(), mine.id())).isNotFound();
    }
}
