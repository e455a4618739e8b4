package dev.coffer.vault.tests.authz;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultUpdate;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Access policies through the public API: ARM's add / replace / remove semantics, validation, who
 * may edit them (and so grant themselves data access), {@code all} without purge, RBAC roles ignored,
 * and the permission-model switch. Secrets are the data plane.
 */
@CofferTest
class AccessPolicyTest {

    private static List<String> secretsOf(VaultManager m, Vault vault, Principal p) {
        return m.getAccessPolicies(vault.name()).stream().filter(e -> e.objectId().equals(p.objectId()))
                .findFirst().map(AccessPolicyEntry::secrets).orElse(null);
    }

    @Test
    void addMergesReplaceOverwritesRemoveSubtractsAndEachIsAudited(
            @TestVault(name = "kv-ap-edit", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("alice") Principal alice, VaultManager owner, AuditLog audit, CofferFixture fx) {
        assertThat(owner.getAccessPolicies(vault.name())).isEmpty();
        SecretClient asAlice = vault.secretClient(alice);

        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(alice).withSecrets("set", "get")));
        asAlice.setSecret("db", "v1");
        assertThat(asAlice.getSecret("db").getValue()).isEqualTo("v1");

        // add unions into the principal's existing entry rather than adding a second one.
        List<AccessPolicyEntry> afterAdd = owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(alice).withSecrets("list").withKeys("get")));
        assertThat(afterAdd).hasSize(1);
        assertThat(afterAdd.get(0).secrets()).containsExactlyInAnyOrder("get", "list", "set");
        assertThat(afterAdd.get(0).keys()).containsExactly("get");
        assertThat(asAlice.listPropertiesOfSecrets().toList()).hasSize(1);

        // replace drops everything not restated, keys included.
        List<AccessPolicyEntry> afterReplace = owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.REPLACE,
                List.of(AccessPolicyEntry.of(alice).withSecrets("list")));
        assertThat(afterReplace).hasSize(1);
        assertThat(afterReplace.get(0).secrets()).containsExactly("list");
        assertThat(afterReplace.get(0).keys()).isEmpty();
        assertThatCall(() -> asAlice.getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
        assertThat(asAlice.listPropertiesOfSecrets().toList()).hasSize(1);

        // remove subtracts; an entry left with no permission disappears.
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(alice).withSecrets("get")));
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.REMOVE,
                List.of(AccessPolicyEntry.of(alice).withSecrets("list")));
        assertThat(secretsOf(owner, vault, alice)).containsExactly("get");
        assertThatCall(() -> asAlice.listPropertiesOfSecrets().toList()).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.REMOVE,
                List.of(AccessPolicyEntry.of(alice).withSecrets("get")));
        assertThat(owner.getAccessPolicies(vault.name())).isEmpty();
        assertThatCall(() -> asAlice.getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        for (String op : new String[] {"AccessPolicyAdd", "AccessPolicyReplace", "AccessPolicyRemove", "AccessPolicyList"}) {
            assertThat(audit).hasEventFor(op, fx.owner(), 200).lastEvent(op)
                    .hasCategory(AuditCategory.ADMINISTRATIVE).hasResource(vault.scope().toString());
        }
        assertThat(audit).hasEventCount("AccessPolicyAdd", 3).hasEventCount("AccessPolicyRemove", 2);
    }

    @Test
    void invalidUpdatesAreRefusedWith400AndChangeNothing(
            @TestVault(name = "kv-ap-valid", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("alice") Principal alice, VaultManager owner, AuditLog audit, CofferFixture fx) {
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(alice).withSecrets("get")));
        List<AccessPolicyEntry> before = owner.getAccessPolicies(vault.name());

        // An unknown permission anywhere in the request rejects the whole request.
        assertThatCall(() -> owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(
                AccessPolicyEntry.of(alice).withSecrets("list"),
                AccessPolicyEntry.of(alice).withKeys("fly")))).isBadParameter().hasMessageContaining("fly");
        // 'getSecret' is an RBAC data-action word, not an access-policy permission.
        assertThatCall(() -> owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.REPLACE,
                List.of(AccessPolicyEntry.of(alice).withSecrets("getSecret")))).isBadParameter();
        String foreignTenant = UUID.randomUUID().toString();
        assertThatCall(() -> owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(
                new AccessPolicyEntry(foreignTenant, alice.objectId(), null, List.of(), List.of("get"), List.of(), List.of()))))
                .isBadParameter().hasMessageContaining(foreignTenant);
        assertThatCall(() -> owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of()))
                .isBadParameter();
        assertThat(owner.getAccessPolicies(vault.name())).isEqualTo(before);

        // 1024 entries are allowed; the 1025th is refused and the vault keeps its 1024.
        List<AccessPolicyEntry> fill = new ArrayList<>();
        for (int i = 0; i < 1023; i++) {
            fill.add(new AccessPolicyEntry(alice.tenantId(), UUID.randomUUID().toString(), null, List.of(), List.of("get"),
                    List.of(), List.of()));
        }
        assertThat(owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, fill)).hasSize(1024);
        List<AccessPolicyEntry> full = owner.getAccessPolicies(vault.name());
        assertThatCall(() -> owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(
                new AccessPolicyEntry(alice.tenantId(), UUID.randomUUID().toString(), null, List.of(), List.of("get"),
                        List.of(), List.of())))).isBadParameter().hasMessageContaining("1024");
        assertThat(owner.getAccessPolicies(vault.name())).isEqualTo(full);
        // Adding to an existing entry at the limit is not a new entry, so it is allowed.
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(AccessPolicyEntry.of(alice).withSecrets("list")));
        assertThat(secretsOf(owner, vault, alice)).containsExactlyInAnyOrder("get", "list");

        assertThat(audit).hasEventFor("AccessPolicyAdd", fx.owner(), 400).hasEventFor("AccessPolicyReplace", fx.owner(), 400);
    }

    @Test
    void contributorGrantsItselfDataAccessOnAnAccessPolicyVault(
            @TestVault(name = "kv-ap-contrib", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User(value = "carl", roles = @Role(role = "Contributor", scope = RoleScope.RESOURCE_GROUP)) Principal carl,
            @As("carl") VaultManager asCarl, AuditLog audit) {
        grantsItself(vault, carl, asCarl, audit);
    }

    @Test
    void keyVaultContributorGrantsItselfDataAccessOnAnAccessPolicyVault(
            @TestVault(name = "kv-ap-kvcontrib", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User(value = "kira", roles = @Role(role = "Key Vault Contributor")) Principal kira,
            @As("kira") VaultManager asKira, AuditLog audit) {
        grantsItself(vault, kira, asKira, audit);
    }

    /** Azure's documented escalation path: accessPolicies/write is a management action these roles hold. */
    private static void grantsItself(Vault vault, Principal who, VaultManager asWho, AuditLog audit) {
        SecretClient secrets = vault.secretClient(who);
        assertThatCall(() -> secrets.setSecret("db", "v1")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        asWho.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(who).withSecrets("get", "set")));

        secrets.setSecret("db", "v1");
        assertThat(secrets.getSecret("db").getValue()).isEqualTo("v1");
        assertThat(audit).hasEventFor("AccessPolicyAdd", who, 200).hasEventFor("SecretSet", who, 200)
                .hasEventFor("SecretGet", who, 200);
    }

    @Test
    void onAnRbacVaultTheSamePolicyHasNoEffect(
            @TestVault(name = "kv-ap-rbac") Vault vault,
            @User(value = "carl", roles = @Role(role = "Contributor", scope = RoleScope.RESOURCE_GROUP)) Principal carl,
            @As("carl") VaultManager asCarl) {
        // Editing is still allowed (management plane), but RBAC decides the data plane.
        asCarl.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(carl).withSecrets("get", "set")));
        assertThat(asCarl.getAccessPolicies(vault.name())).hasSize(1);
        assertThatCall(() -> vault.secretClient(carl).setSecret("db", "v1")).isForbidden()
                .hasInnerErrorCode("ForbiddenByRbac").hasMessageContaining("secrets/setSecret/action");
    }

    @Test
    void readersCannotEditAccessPolicies(
            @TestVault(name = "kv-ap-reader", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User(value = "rita", roles = @Role(role = "Reader")) Principal rita,
            @User(value = "dana", roles = @Role(role = "Key Vault Data Access Administrator")) Principal dana,
            @As("rita") VaultManager asRita, @As("dana") VaultManager asDana, VaultManager owner) {
        assertThat(asRita.getAccessPolicies(vault.name())).isEmpty();
        for (VaultManager m : List.of(asRita, asDana)) {
            assertThatCall(() -> m.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                    List.of(AccessPolicyEntry.of(rita).withSecrets("get")))).isAuthorizationFailed()
                    .hasMessageContaining("Microsoft.KeyVault/vaults/accessPolicies/write");
        }
        assertThat(owner.getAccessPolicies(vault.name())).isEmpty();
    }

    @Test
    void allDoesNotIncludePurge(
            @TestVault(name = "kv-ap-purge", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("paul") Principal paul, VaultManager owner) {
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(paul).withSecrets("all")));
        SecretClient secrets = vault.secretClient(paul);
        secrets.setSecret("old", "v1");
        secrets.deleteSecret("old");
        assertThat(secrets.getDeletedSecret("old").getName()).isEqualTo("old");

        assertThatCall(() -> secrets.purgeDeletedSecret("old")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy")
                .hasMessageContaining("oid=" + paul.objectId())
                .hasMessageContaining("does not have secrets purge permission on key vault '" + vault.name() + ";location=");

        // Purge must be named explicitly.
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(paul).withSecrets("purge")));
        secrets.purgeDeletedSecret("old");
        assertThatCall(() -> secrets.getDeletedSecret("old")).isNotFound();
    }

    @Test
    void rbacDataRolesAreIgnoredUnderAccessPolicies(
            @TestVault(name = "kv-ap-roles", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User(value = "sofia", roles = @Role(role = "Key Vault Secrets Officer")) Principal sofia,
            @User(value = "adam", roles = @Role(role = "Key Vault Administrator", scope = RoleScope.SUBSCRIPTION)) Principal adam) {
        for (Principal p : List.of(sofia, adam)) {
            assertThatCall(() -> vault.secretClient(p).setSecret("db", "v1")).isForbidden()
                    .hasInnerErrorCode("ForbiddenByPolicy").hasMessageContaining("does not have secrets set permission");
        }
    }

    @Test
    void switchingTheModelKeepsPoliciesAndRestoresThemWhenSwitchedBack(
            @TestVault(name = "kv-ap-switch", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("alice") Principal alice, VaultManager owner) {
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(alice).withSecrets("get", "set")));
        SecretClient asAlice = vault.secretClient(alice);
        asAlice.setSecret("db", "v1");
        List<AccessPolicyEntry> policies = owner.getAccessPolicies(vault.name());

        owner.updateVault(vault.name(), VaultUpdate.create().permissionModel(PermissionModel.RBAC));
        assertThatCall(() -> asAlice.getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
        assertThat(owner.getAccessPolicies(vault.name())).as("policies survive the switch").isEqualTo(policies);

        owner.updateVault(vault.name(), VaultUpdate.create().permissionModel(PermissionModel.ACCESS_POLICY));
        assertThat(asAlice.getSecret("db").getValue()).isEqualTo("v1");
    }
}
