package dev.coffer.vault.tests.authz;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.AccessExplanation;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.EffectiveAccess;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Group;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.ServicePrincipal;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** explain and effective access: reasons, sources, who may ask, and agreement with real calls. */
@CofferTest
class ExplainTest {
    private static final String DA = "Microsoft.KeyVault/vaults/secrets/";
    private static final String GET_SECRET = DA + "getSecret/action";
    private static final String SET_SECRET = DA + "setSecret/action";
    private static final String READ_METADATA = DA + "readMetadata/action";
    private static final String BACKUP = DA + "backup/action";
    private static final String DELETE = DA + "delete";

    private static Scope secret(Vault vault, String name) {
        return vault.scope().child("secrets", name);
    }

    @Test
    void rbacExplanationNamesTheAssignmentAndTheGroupItCameThrough(
            @TestVault(name = "kv-ex-group") Vault vault, @User("ed") Principal ed,
            @Group(value = "ops", members = "ed", roles = @Role(role = "Key Vault Secrets User")) Principal ops,
            VaultManager owner) {
        AccessExplanation e = owner.explain(ed, secret(vault, "db"), GET_SECRET);
        assertThat(e.allowed()).isTrue();
        assertThat(e.reason()).isEqualTo("Allowed");
        assertThat(e.model()).isEqualTo("RBAC");
        assertThat(e.dataPlane()).isTrue();
        assertThat(e.roleName()).isEqualTo("Key Vault Secrets User");
        assertThat(e.viaGroupId()).isEqualTo(ops.objectId());
        assertThat(e.roleAssignment().principalId()).isEqualTo(ops.objectId());
        assertThat(e.roleAssignment().scope()).isEqualTo(vault.scope());
        assertThat(e.roleAssignment().roleDefinitionId()).isEqualTo(BuiltInRole.KEY_VAULT_SECRETS_USER.id());
        assertThat(e.accessPolicy()).isNull();
        assertThat(e.detail()).contains("Key Vault Secrets User").contains(ops.objectId());

        AccessExplanation denied = owner.explain(ed, secret(vault, "db"), SET_SECRET);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.reason()).isEqualTo("DeniedWithNoValidRBAC");
        assertThat(denied.roleAssignment()).isNull();
    }

    @Test
    void accessPolicyExplanationNamesTheEntryAndTheGroup(
            @TestVault(name = "kv-ex-ap", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("ann") Principal ann, @User("gus") Principal gus, @Group(value = "ap-readers", members = "gus") Principal readers,
            VaultManager owner) {
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(
                AccessPolicyEntry.of(ann).withSecrets("get"), AccessPolicyEntry.of(readers).withSecrets("list")));

        AccessExplanation direct = owner.explain(ann, secret(vault, "db"), GET_SECRET);
        assertThat(direct.allowed()).isTrue();
        assertThat(direct.model()).isEqualTo("AccessPolicy");
        assertThat(direct.accessPolicy().objectId()).isEqualTo(ann.objectId());
        assertThat(direct.accessPolicy().secrets()).containsExactly("get");
        assertThat(direct.viaGroupId()).isNull();
        assertThat(direct.roleAssignment()).isNull();

        AccessExplanation viaGroup = owner.explain(gus, vault.scope(), READ_METADATA);
        assertThat(viaGroup.allowed()).isTrue();
        assertThat(viaGroup.accessPolicy().objectId()).isEqualTo(readers.objectId());
        assertThat(viaGroup.viaGroupId()).isEqualTo(readers.objectId());

        AccessExplanation none = owner.explain(gus, secret(vault, "db"), GET_SECRET);
        assertThat(none.allowed()).isFalse();
        assertThat(none.reason()).isEqualTo("NoMatchingAccessPolicy");
        assertThat(none.accessPolicy()).isNull();
    }

    @Test
    void explanationsSayWhichModelIgnoredWhat(
            @TestVault(name = "kv-ex-apmodel", permissionModel = PermissionModel.ACCESS_POLICY) Vault apVault,
            @TestVault(name = "kv-ex-rbacmodel") Vault rbacVault, @User("val") Principal val, VaultManager owner,
            CofferFixture fx) {
        // A data role on an access-policy vault: the role is found, and reported as ignored.
        fx.assign(val, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, apVault.scope());
        AccessExplanation ignoredRole = owner.explain(val, secret(apVault, "db"), GET_SECRET);
        assertThat(ignoredRole.allowed()).isFalse();
        assertThat(ignoredRole.reason()).isEqualTo("RbacIgnoredUnderAccessPolicy");
        assertThat(ignoredRole.roleName()).isEqualTo("Key Vault Secrets Officer");
        assertThatCall(() -> apVault.secretClient(val).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        // A policy entry on an RBAC vault: the entry is found, and reported as ignored.
        owner.updateAccessPolicies(rbacVault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(val).withSecrets("get")));
        AccessExplanation ignoredPolicy = owner.explain(val, secret(rbacVault, "db"), GET_SECRET);
        assertThat(ignoredPolicy.allowed()).isFalse();
        assertThat(ignoredPolicy.reason()).isEqualTo("AccessPolicyIgnoredUnderRbac");
        assertThat(ignoredPolicy.accessPolicy().objectId()).isEqualTo(val.objectId());
        assertThatCall(() -> rbacVault.secretClient(val).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
    }

    @Test
    void managementActionsAreExplainedByRbac(
            @TestVault(name = "kv-ex-mgmt") Vault vault,
            @User(value = "cora", roles = @Role(role = "Contributor", scope = RoleScope.RESOURCE_GROUP)) Principal cora,
            VaultManager owner, CofferFixture fx) {
        AccessExplanation write = owner.explain(cora, vault.scope(), "Microsoft.KeyVault/vaults/write");
        assertThat(write.allowed()).isTrue();
        assertThat(write.dataPlane()).isFalse();
        assertThat(write.roleName()).isEqualTo("Contributor");
        assertThat(write.roleAssignment().scope()).isEqualTo(fx.resourceGroup().scope());
        assertThat(write.viaGroupId()).isNull();

        AccessExplanation assign = owner.explain(cora, vault.scope(), "Microsoft.Authorization/roleAssignments/write");
        assertThat(assign.allowed()).isFalse();
        assertThat(assign.reason()).isEqualTo("DeniedWithNoValidRBAC");
    }

    @Test
    void explainIsRefusedToCallersWhoMayNotReadRoleAssignments(
            @TestVault(name = "kv-ex-who") Vault vault, @User("nobody") Principal nobody,
            @User(value = "sue", roles = @Role(role = "Key Vault Secrets User")) Principal sue,
            @User(value = "rob", roles = @Role(role = "Reader", scope = RoleScope.RESOURCE_GROUP)) Principal rob,
            @As("nobody") VaultManager asNobody, @As("sue") VaultManager asSue, @As("rob") VaultManager asRob,
            AuditLog audit) {
        assertThatCall(() -> asNobody.explain(sue, vault.scope(), GET_SECRET)).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.Authorization/roleAssignments/read");
        // A data role gives no management read: sue may not explain even her own access.
        assertThatCall(() -> asSue.explain(sue, vault.scope(), GET_SECRET)).isAuthorizationFailed();
        assertThatCall(() -> asNobody.effectiveAccess(sue, vault.name())).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.Authorization/roleAssignments/read");
        assertThat(audit).hasEventFor("AccessExplain", nobody, 403).hasEventFor("EffectiveAccessGet", nobody, 403);

        // Reader's */read covers roleAssignments/read.
        assertThat(asRob.explain(sue, vault.scope(), GET_SECRET).allowed()).isTrue();
        assertThat(asRob.effectiveAccess(sue, vault.name()).allows(vault.scope(), GET_SECRET)).isTrue();
        assertThat(audit).hasEventFor("AccessExplain", rob, 200);
    }

    @Test
    void effectiveAccessListsVaultAndObjectGrantsWithTheirSources(
            @TestVault(name = "kv-ex-eff") Vault vault,
            @User(value = "sue", roles = {@Role(role = "Key Vault Secrets User"),
                    @Role(role = "Key Vault Secrets Officer", scope = RoleScope.OBJECT, object = "secrets/db")}) Principal sue,
            @User(value = "rob", roles = @Role(role = "Reader")) Principal rob,
            VaultManager owner) {
        EffectiveAccess e = owner.effectiveAccess(sue, vault.name());
        assertThat(e.principalId()).isEqualTo(sue.objectId());
        assertThat(e.vault()).isEqualTo(vault.scope());
        Scope db = secret(vault, "db");

        Map<String, AccessExplanation> atVault = new LinkedHashMap<>();
        Map<String, AccessExplanation> atDb = new LinkedHashMap<>();
        for (AccessExplanation g : e.grants()) {
            assertThat(g.allowed()).isTrue();
            if (g.scope().equals(vault.scope())) {
                atVault.put(g.action(), g);
            } else {
                assertThat(g.scope()).isEqualTo(db);
                atDb.put(g.action(), g);
            }
        }
        assertThat(atVault.keySet()).containsExactlyInAnyOrder(GET_SECRET, READ_METADATA);
        assertThat(atVault.values()).allSatisfy(g -> assertThat(g.roleName()).isEqualTo("Key Vault Secrets User"));
        // At the object: what the Secrets Officer assignment adds, not what the vault already gives.
        assertThat(atDb.keySet()).contains(SET_SECRET, DELETE, BACKUP, DA + "purge/action").doesNotContain(GET_SECRET);
        assertThat(atDb.values()).allSatisfy(g -> {
            assertThat(g.roleName()).isEqualTo("Key Vault Secrets Officer");
            assertThat(g.roleAssignment().scope()).isEqualTo(db);
        });
        assertThat(e.allows(db, SET_SECRET)).isTrue();
        assertThat(e.allows(vault.scope(), SET_SECRET)).isFalse();
        assertThat(e.allows(secret(vault, "other"), SET_SECRET)).isFalse();
        assertThat(e.allows(secret(vault, "other"), GET_SECRET)).isTrue();

        // The same picture as real calls give.
        owner.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, owner.context().caller());
        vault.secretClient(owner.context().caller()).setSecret("other", "o");
        vault.secretClient(sue).setSecret("db", "d");
        assertThatCall(() -> vault.secretClient(sue).setSecret("other", "x")).isForbidden();

        // Management grants appear for a management role, data grants do not.
        EffectiveAccess reader = owner.effectiveAccess(rob, vault.name());
        assertThat(reader.allows(vault.scope(), "Microsoft.KeyVault/vaults/read")).isTrue();
        assertThat(reader.allows(vault.scope(), "Microsoft.KeyVault/vaults/write")).isFalse();
        assertThat(reader.grants()).noneMatch(AccessExplanation::dataPlane);
    }

    @Test
    void effectiveAccessOnAnAccessPolicyVaultShowsTheEntries(
            @TestVault(name = "kv-ex-effap", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User(value = "ann", roles = @Role(role = "Key Vault Secrets Officer")) Principal ann, VaultManager owner) {
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(AccessPolicyEntry.of(ann).withSecrets("get")));
        EffectiveAccess e = owner.effectiveAccess(ann, vault.name());
        // Only the policy counts on the data plane; the Secrets Officer role is ignored on this vault.
        // (Its management Actions, such as Microsoft.Authorization/*/read, still show.)
        assertThat(e.grants()).filteredOn(g -> !g.dataPlane()).allSatisfy(g -> assertThat(g.model()).isEqualTo("RBAC"))
                .extracting(AccessExplanation::action).contains("Microsoft.Authorization/roleAssignments/read");
        assertThat(e.grants()).filteredOn(AccessExplanation::dataPlane).singleElement().satisfies(g -> {
            assertThat(g.action()).isEqualTo(GET_SECRET);
            assertThat(g.model()).isEqualTo("AccessPolicy");
            assertThat(g.accessPolicy().objectId()).isEqualTo(ann.objectId());
        });
    }

    // ---- explain agrees with what the data plane does ------------------------------------------

    /** One data action and the secret call that needs it, run against a fresh or seeded secret. */
    private record Probe(String dataAction, boolean vaultLevel, Consumer<SecretClient> call) {
    }

    private final List<Probe> probes = List.of(
            new Probe(GET_SECRET, false, c -> c.getSecret("db")),
            new Probe(SET_SECRET, false, c -> c.setSecret("db", "again")),
            new Probe(READ_METADATA, true, c -> c.listPropertiesOfSecrets().toList()),
            new Probe(BACKUP, false, c -> c.backupSecret("db")),
            new Probe(DELETE, false, c -> c.deleteSecret("db")));

    @Test
    void explainAgreesWithRealSecretCalls(
            @TestVault(name = "kv-ex-agree") Vault rbac,
            @TestVault(name = "kv-ex-agree-ap", permissionModel = PermissionModel.ACCESS_POLICY) Vault ap,
            @User(value = "admin", roles = @Role(role = "Key Vault Secrets Officer", vault = "kv-ex-agree")) Principal admin,
            @User(value = "sue", roles = @Role(role = "Key Vault Secrets User", vault = "kv-ex-agree")) Principal sue,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer", scope = RoleScope.OBJECT,
                    vault = "kv-ex-agree", object = "secrets/db")) Principal otto,
            @User(value = "rex", roles = @Role(role = "Key Vault Reader", vault = "kv-ex-agree")) Principal rex,
            @User(value = "cu", roles = @Role(role = "Key Vault Certificate User", vault = "kv-ex-agree-ap")) Principal cu,
            @User("gil") Principal gil, @User("una") Principal una, @User("nobody") Principal nobody,
            @Group(value = "crew", members = "gil", roles = @Role(role = "Key Vault Certificate User", vault = "kv-ex-agree"))
            Principal crew,
            @ServicePrincipal("portal") Principal portal, VaultManager owner) {
        owner.updateAccessPolicies(ap.name(), AccessPolicyUpdateKind.ADD, List.of(
                AccessPolicyEntry.of(admin).withSecrets("all", "purge"),
                AccessPolicyEntry.of(sue).withSecrets("get"),
                AccessPolicyEntry.of(otto).withSecrets("all"),
                AccessPolicyEntry.of(rex).withSecrets("list", "backup"),
                AccessPolicyEntry.of(crew).withSecrets("get", "list"),
                AccessPolicyEntry.compound(una, portal.applicationId()).withSecrets("get", "set", "delete")));

        List<RequestContext> subjects = new ArrayList<>();
        for (Principal p : List.of(sue, otto, rex, cu, gil, una, nobody, portal, owner.context().caller())) {
            subjects.add(RequestContext.of(p));
        }
        subjects.add(RequestContext.of(una).withApplication(portal.applicationId()));

        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (Vault vault : List.of(rbac, ap)) {
            SecretClient seeder = vault.secretClient(admin);
            for (RequestContext subject : subjects) {
                for (Probe probe : probes) {
                    // A fresh 'db' for every probe, so a delete never starves the next one.
                    seeder.setSecret("db", "seed");
                    Scope at = probe.vaultLevel() ? vault.scope() : secret(vault, "db");
                    boolean explained = owner.explain(subject, at, probe.dataAction()).allowed();
                    boolean succeeded;
                    try {
                        probe.call().accept(vault.secretClient(subject));
                        succeeded = true;
                    } catch (ForbiddenException e) {
                        succeeded = false;
                    }
                    if (succeeded && probe.dataAction().equals(DELETE)) {
                        // Clear the soft-deleted name so the next seed can reuse it.
                        seeder.purgeDeletedSecret("db");
                    }
                    compared++;
                    if (explained != succeeded) {
                        disagreements.add(vault.name() + " " + subject.caller().displayName()
                                + (subject.applicationId() == null ? "" : "+app") + " " + probe.dataAction()
                                + ": explain=" + explained + " call=" + succeeded);
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(2 * 10 * 5);
        assertThat(disagreements).isEmpty();
    }
}
