package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.RoleScope;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Who may call which SecretClient method: every call against every relevant built-in role, object
 * scope, and the access-policy model. A denied call must be 403 with Azure's inner code, audited
 * under the call's own operation name, and change nothing.
 */
@CofferTest
class SecretAccessTest {

    /** One SecretClient call: what the officer prepares for it, and the call itself. */
    interface Prepared {
        void call(SecretClient client);
    }

    interface Op {
        Prepared prepare(SecretClient officer, String fresh);
    }

    /** Every call of the SecretClient, with its audit name and RBAC data action. */
    record Call(String label, String audit, String action, Op op) {
    }

    private static final String PREFIX = "Microsoft.KeyVault/vaults/secrets/";

    static List<Call> calls() {
        List<Call> all = new ArrayList<>();
        all.add(new Call("setSecret(name,value)", "SecretSet", "setSecret/action",
                (o, n) -> c -> c.setSecret(n, "v")));
        all.add(new Call("setSecret(KeyVaultSecret)", "SecretSet", "setSecret/action",
                (o, n) -> c -> c.setSecret(KeyVaultSecret.of(n, "v").withContentType("text/plain"))));
        all.add(new Call("getSecret(name)", "SecretGet", "getSecret/action", (o, n) -> {
            o.setSecret(n, "v");
            return c -> c.getSecret(n);
        }));
        all.add(new Call("getSecret(name,version)", "SecretGet", "getSecret/action", (o, n) -> {
            String version = o.setSecret(n, "v").getProperties().version();
            return c -> c.getSecret(n, version);
        }));
        all.add(new Call("updateSecretProperties", "SecretUpdate", "update/action", (o, n) -> {
            o.setSecret(n, "v");
            return c -> c.updateSecretProperties(SecretProperties.of(n).withContentType("x"));
        }));
        all.add(new Call("listPropertiesOfSecrets", "SecretList", "readMetadata/action",
                (o, n) -> c -> c.listPropertiesOfSecrets().toList()));
        all.add(new Call("listPropertiesOfSecretVersions", "SecretListVersions", "readMetadata/action", (o, n) -> {
            o.setSecret(n, "v");
            return c -> c.listPropertiesOfSecretVersions(n).toList();
        }));
        all.add(new Call("beginDeleteSecret", "SecretDelete", "delete", (o, n) -> {
            o.setSecret(n, "v");
            return c -> c.beginDeleteSecret(n).poll().getValue();
        }));
        all.add(new Call("deleteSecret", "SecretDelete", "delete", (o, n) -> {
            o.setSecret(n, "v");
            return c -> c.deleteSecret(n);
        }));
        all.add(new Call("getDeletedSecret", "SecretGetDeleted", "readMetadata/action", (o, n) -> {
            o.setSecret(n, "v");
            o.deleteSecret(n);
            return c -> c.getDeletedSecret(n);
        }));
        all.add(new Call("listDeletedSecrets", "SecretListDeleted", "readMetadata/action",
                (o, n) -> c -> c.listDeletedSecrets().toList()));
        all.add(new Call("beginRecoverDeletedSecret", "SecretRecover", "recover/action", (o, n) -> {
            o.setSecret(n, "v");
            o.deleteSecret(n);
            return c -> c.beginRecoverDeletedSecret(n).poll().getValue();
        }));
        all.add(new Call("recoverDeletedSecret", "SecretRecover", "recover/action", (o, n) -> {
            o.setSecret(n, "v");
            o.deleteSecret(n);
            return c -> c.recoverDeletedSecret(n);
        }));
        all.add(new Call("purgeDeletedSecret", "SecretPurge", "purge/action", (o, n) -> {
            o.setSecret(n, "v");
            o.deleteSecret(n);
            return c -> c.purgeDeletedSecret(n);
        }));
        all.add(new Call("backupSecret", "SecretBackup", "backup/action", (o, n) -> {
            o.setSecret(n, "v");
            return c -> c.backupSecret(n);
        }));
        all.add(new Call("restoreSecretBackup", "SecretRestore", "restore/action", (o, n) -> {
            o.setSecret(n, "v");
            byte[] blob = o.backupSecret(n);
            o.deleteSecret(n);
            o.purgeDeletedSecret(n);
            return c -> c.restoreSecretBackup(blob);
        }));
        return all;
    }

    private static final Set<String> METADATA = Set.of("SecretList", "SecretListVersions", "SecretGetDeleted",
            "SecretListDeleted");
    private static final Set<String> READ = Set.of("SecretGet", "SecretList", "SecretListVersions", "SecretGetDeleted",
            "SecretListDeleted");

    /** Runs every call as {@code role}'s holder and checks it is allowed exactly when {@code allowed} says so. */
    private void matrix(CofferFixture fx, Vault vault, String who, RoleDefinition role, Set<String> allowed) {
        Principal officer = fx.user("officer");
        fx.assign(officer, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        Principal caller = who.equals(CofferFixture.OWNER) ? fx.owner() : fx.user(who);
        if (role != null) {
            fx.assign(caller, role, fx.subscription().scope());
        }
        SecretClient asOfficer = vault.secretClient(officer);
        SecretClient asCaller = vault.secretClient(caller);
        AtomicInteger n = new AtomicInteger();
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Call call : calls()) {
            String name = "s-" + who + "-" + n.incrementAndGet();
            Prepared p = call.op().prepare(asOfficer, name);
            CofferException error = null;
            try {
                p.call(asCaller);
            } catch (CofferException e) {
                error = e;
            }
            boolean expectAllowed = allowed.contains(call.audit());
            AuditEvent last = fx.auditLog().query(AuditQuery.all().operation(call.audit()).caller(caller))
                    .stream().reduce((a, b) -> b).orElse(null);
            if (expectAllowed) {
                if (error != null) {
                    wrong.put(call.label(), "expected allowed, got " + error);
                } else if (last == null || !last.succeeded()) {
                    wrong.put(call.label(), "allowed but not audited as a success: " + last);
                }
            } else {
                if (error == null || error.status() != 403 || !"ForbiddenByRbac".equals(error.innerErrorCode().orElse(null))) {
                    wrong.put(call.label(), "expected 403 ForbiddenByRbac, got " + error);
                } else if (!error.getMessage().contains("oid=" + caller.objectId())
                        || !error.getMessage().contains("'" + PREFIX + call.action() + "'")
                        || !error.getMessage().contains("Vault: " + vault.name() + ";location=westeurope")) {
                    wrong.put(call.label(), "denial does not name caller, action and vault: " + error.getMessage());
                } else if (last == null || last.httpStatusCode() != 403 || !"ForbiddenByRbac".equals(last.innerErrorCode())) {
                    wrong.put(call.label(), "denial not audited as 403: " + last);
                }
            }
        }
        assertThat(wrong).as("calls with the wrong outcome for " + who).isEmpty();
    }

    @Test
    void keyVaultReaderSeesMetadataButNeverValues(@TestVault Vault vault, CofferFixture fx) {
        matrix(fx, vault, "rita", BuiltInRole.KEY_VAULT_READER, METADATA);
    }

    @Test
    void secretsUserReadsButCannotWrite(@TestVault Vault vault, CofferFixture fx) {
        matrix(fx, vault, "sue", BuiltInRole.KEY_VAULT_SECRETS_USER, READ);
    }

    @Test
    void secretsOfficerDoesEverythingIncludingPurge(@TestVault Vault vault, CofferFixture fx) {
        Set<String> all = new java.util.HashSet<>();
        calls().forEach(c -> all.add(c.audit()));
        matrix(fx, vault, "otto", BuiltInRole.KEY_VAULT_SECRETS_OFFICER, all);
    }

    @Test
    void keyVaultAdministratorDoesEverything(@TestVault Vault vault, CofferFixture fx) {
        Set<String> all = new java.util.HashSet<>();
        calls().forEach(c -> all.add(c.audit()));
        matrix(fx, vault, "ada", BuiltInRole.KEY_VAULT_ADMINISTRATOR, all);
    }

    @Test
    void subscriptionOwnerHasNoDataAccess(@TestVault Vault vault, CofferFixture fx) {
        matrix(fx, vault, CofferFixture.OWNER, null, Set.of());
    }

    @Test
    void contributorHasNoDataAccess(@TestVault Vault vault, CofferFixture fx) {
        matrix(fx, vault, "carl", BuiltInRole.CONTRIBUTOR, Set.of());
    }

    @Test
    void keyVaultContributorHasNoDataAccess(@TestVault Vault vault, CofferFixture fx) {
        matrix(fx, vault, "kate", BuiltInRole.KEY_VAULT_CONTRIBUTOR, Set.of());
    }

    @Test
    void aDeniedWriteChangesNothing(@TestVault Vault vault, CofferFixture fx,
                                   @User(value = "sue", roles = @Role(role = "Key Vault Secrets User")) Principal sue) {
        Principal officer = fx.user("officer");
        fx.assign(officer, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        SecretClient o = vault.secretClient(officer);
        SecretClient s = vault.secretClient(sue);
        KeyVaultSecret db = o.setSecret("db", "v1");
        o.setSecret("old", "x");
        o.deleteSecret("old");

        assertThatCall(() -> s.setSecret("db", "v2")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
        assertThatCall(() -> s.setSecret("fresh", "v")).isForbidden();
        assertThatCall(() -> s.updateSecretProperties(SecretProperties.of("db").withEnabled(false))).isForbidden();
        assertThatCall(() -> s.deleteSecret("db")).isForbidden();
        assertThatCall(() -> s.purgeDeletedSecret("old")).isForbidden();
        assertThatCall(() -> s.recoverDeletedSecret("old")).isForbidden();

        assertThat(o.listPropertiesOfSecretVersions("db").toList()).hasSize(1);
        assertThat(o.getSecret("db").getValue()).isEqualTo("v1");
        assertThat(o.getSecret("db").getProperties()).isEqualTo(db.getProperties());
        assertThat(o.listPropertiesOfSecrets().stream().map(SecretProperties::name)).containsExactly("db");
        assertThat(o.getDeletedSecret("old").getName()).isEqualTo("old");
    }

    @Test
    void anObjectScopeAssignmentGrantsOnlyThatSecret(@TestVault Vault vault, CofferFixture fx,
            @User(value = "sam", roles = @Role(role = "Key Vault Secrets User", scope = RoleScope.OBJECT,
                    object = "secrets/db")) Principal sam) {
        Principal officer = fx.user("officer");
        fx.assign(officer, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        SecretClient o = vault.secretClient(officer);
        o.setSecret("db", "one");
        o.setSecret("other", "two");
        SecretClient s = vault.secretClient(sam);

        assertThat(s.getSecret("db").getValue()).isEqualTo("one");
        // Names are case-insensitive, so the scope matches whatever case the caller uses.
        assertThat(s.getSecret("DB").getValue()).isEqualTo("one");
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(1);
        assertThatCall(() -> s.getSecret("other")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
        // Listing the collection is a vault-scope call: an object grant does not reach it.
        assertThatCall(() -> s.listPropertiesOfSecrets().toList()).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
        assertThatCall(() -> s.setSecret("db", "three")).isForbidden();
        assertThat(o.getSecret("db").getValue()).isEqualTo("one");
    }

    @Test
    void accessPoliciesDecideOnAnAccessPolicyVault(@TestVault(permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
                                                   CofferFixture fx, VaultManager owner, AuditLog audit) {
        Principal admin = fx.user("admin");
        Principal reader = fx.user("reader");
        Principal everything = fx.user("everything");
        // A Secrets Officer role means nothing here: the vault does not use RBAC for its data plane.
        Principal roleOnly = fx.user("roleonly");
        fx.assign(roleOnly, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD, List.of(
                AccessPolicyEntry.of(admin).withSecrets("all", "purge"),
                AccessPolicyEntry.of(reader).withSecrets("get"),
                AccessPolicyEntry.of(everything).withSecrets("all")));
        SecretClient a = vault.secretClient(admin);
        a.setSecret("db", "v");

        SecretClient r = vault.secretClient(reader);
        assertThat(r.getSecret("db").getValue()).isEqualTo("v");
        CofferException listDenied = assertThatCall(() -> r.listPropertiesOfSecrets().toList()).isForbidden()
                .hasInnerErrorCode("ForbiddenByPolicy").actual();
        assertThat(listDenied.getMessage()).contains("oid=" + reader.objectId()).contains("secrets list permission")
                .contains("key vault '" + vault.name() + ";location=westeurope'");
        assertThatCall(() -> r.setSecret("db", "w")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
        // Updating attributes needs 'set' under access policies, as the REST spec says.
        assertThatCall(() -> r.updateSecretProperties(SecretProperties.of("db").withContentType("x")))
                .isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        assertThatCall(() -> vault.secretClient(roleOnly).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        SecretClient e = vault.secretClient(everything);
        e.setSecret("db", "w");
        e.updateSecretProperties(SecretProperties.of("db").withContentType("text/plain"));
        assertThat(e.listPropertiesOfSecrets().toList()).hasSize(1);
        byte[] blob = e.backupSecret("db");
        e.deleteSecret("db");
        assertThat(e.listDeletedSecrets().toList()).hasSize(1);
        assertThat(e.getDeletedSecret("db").getName()).isEqualTo("db");
        e.recoverDeletedSecret("db");
        e.deleteSecret("db");
        // 'all' does not include purge: Azure excludes it on purpose.
        CofferException purgeDenied = assertThatCall(() -> e.purgeDeletedSecret("db")).isForbidden()
                .hasInnerErrorCode("ForbiddenByPolicy").actual();
        assertThat(purgeDenied.getMessage()).contains("secrets purge permission");
        assertThat(audit).hasEventFor("SecretPurge", everything, 403);
        assertThat(e.getDeletedSecret("db").getName()).isEqualTo("db");

        a.purgeDeletedSecret("db");
        assertThat(e.restoreSecretBackup(blob).getValue()).isNull();
        assertThat(e.getSecret("db").getValue()).isEqualTo("w");
        assertThat(audit).lastEvent("SecretRestore").hasCaller(everything).hasStatus(200);
        assertThat(audit.query(AuditQuery.all().operation("SecretGet").caller(reader)).get(0).authorizedBy())
                .isEqualTo("AccessPolicy");

        // Removing the entry takes effect on the very next call.
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.REMOVE, List.of(AccessPolicyEntry.of(reader).withSecrets("get")));
        assertThatCall(() -> r.getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
    }
}
