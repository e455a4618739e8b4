package dev.coffer.vault.core.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Scope;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the engine against rbac-golden.csv, a table of expected decisions written by hand from
 * the reference, so a wrong role catalogue or a wrong matcher cannot agree with itself.
 */
class BuiltInRoleGoldenTest {
    private static final String KV = "Microsoft.KeyVault/";
    private static final String V = KV + "vaults/";

    /** Management actions of reference sections 1.3 and 15.2, restated here independently of the CSV. */
    static final List<String> MANAGEMENT_ACTIONS = List.of(
            V + "read", V + "write", V + "delete", V + "deploy/action", V + "accessPolicies/write",
            KV + "deletedVaults/read", KV + "locations/deletedVaults/read", KV + "locations/deletedVaults/purge/action",
            KV + "checkNameAvailability/read",
            V + "keys/read", V + "keys/write", V + "keys/versions/read", V + "secrets/read", V + "secrets/write",
            "Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete",
            "Microsoft.Authorization/roleAssignments/read", "Microsoft.Authorization/roleDefinitions/write",
            "Microsoft.Authorization/roleDefinitions/delete", "Microsoft.Authorization/roleDefinitions/read",
            "Microsoft.Resources/subscriptions/resourceGroups/write",
            "Microsoft.Resources/subscriptions/resourceGroups/read");

    /** Data actions of reference section 1.3. */
    static final List<String> DATA_ACTIONS = dataActions();

    private static List<String> dataActions() {
        List<String> out = new ArrayList<>();
        for (String a : List.of("read", "update/action", "create/action", "import/action", "delete", "recover/action",
                "backup/action", "restore/action", "purge/action", "encrypt/action", "decrypt/action", "wrap/action",
                "unwrap/action", "sign/action", "verify/action", "release/action", "rotate/action")) {
            out.add(V + "keys/" + a);
        }
        out.add(V + "keyrotationpolicies/read");
        out.add(V + "keyrotationpolicies/write");
        for (String a : List.of("readMetadata/action", "getSecret/action", "setSecret/action", "update/action",
                "delete", "recover/action", "backup/action", "restore/action", "purge/action")) {
            out.add(V + "secrets/" + a);
        }
        for (String a : List.of("read", "create/action", "import/action", "update/action", "delete", "recover/action",
                "backup/action", "restore/action", "purge/action")) {
            out.add(V + "certificates/" + a);
        }
        out.add(V + "certificatecas/read");
        out.add(V + "certificatecas/write");
        out.add(V + "certificatecas/delete");
        out.add(V + "certificatecontacts/write");
        for (String a : List.of("read", "set/action", "delete", "backup/action", "purge/action",
                "regeneratekey/action", "recover/action", "restore/action", "sas/set/action", "sas/delete",
                "sas/read")) {
            out.add(V + "storageaccounts/" + a);
        }
        return List.copyOf(out);
    }

    record Row(int line, String role, String action, String plane, boolean allow, String note) {
        @Override
        public String toString() {
            return role + " | " + plane + " " + action + " -> " + (allow ? "allow" : "deny")
                    + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    static List<Row> rows() {
        try (InputStream in = BuiltInRoleGoldenTest.class.getResourceAsStream("/rbac-golden.csv")) {
            assertThat(in).as("rbac-golden.csv on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> out = new ArrayList<>();
            String line;
            int n = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    assertThat(line).isEqualTo("role,action,plane,expected,note");
                    header = false;
                    continue;
                }
                String[] f = line.split(",", 5);
                assertThat(f).as("line %d has 5 fields", n).hasSize(5);
                assertThat(f[2]).as("line %d plane", n).isIn("management", "data");
                assertThat(f[3]).as("line %d expected", n).isIn("allow", "deny");
                out.add(new Row(n, f[0].trim(), f[1].trim(), f[2], f[3].equals("allow"), f[4].trim()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> goldenRows() {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("goldenRows")
    void builtInRoleDecisionMatchesGoldenRow(Row row) {
        RoleDefinition role = BuiltInRole.byName(row.role())
                .orElseThrow(() -> new AssertionError("line " + row.line() + ": unknown role " + row.role()));
        AuthzFixture f = new AuthzFixture();
        Principal user = f.user();
        Scope vault = Scope.vault(AuthzFixture.SUB, "rg-golden", "kv-golden");
        f.assign(user, role, vault);

        if (row.plane().equals("management")) {
            assertThat(f.action(user, vault, row.action())).as("line %d: %s", row.line(), row).isEqualTo(row.allow());
        } else {
            assertThat(f.data(user, vault, row.action())).as("line %d at vault: %s", row.line(), row)
                    .isEqualTo(row.allow());
            Scope object = vault.child(objectCollection(row.action()), "obj1");
            assertThat(f.data(user, object, row.action())).as("line %d at %s: %s", row.line(), object, row)
                    .isEqualTo(row.allow());
        }
    }

    /** Object collection a data action addresses, for building a child scope of the vault. */
    private static String objectCollection(String action) {
        String rest = action.substring(V.length());
        String coll = rest.substring(0, rest.indexOf('/'));
        return coll.startsWith("key") ? "keys" : coll.startsWith("cert") ? "certificates"
                : coll.startsWith("secret") ? "secrets" : coll;
    }

    @Test
    void goldenTableCoversEveryRoleTimesEveryActionExactlyOnce() {
        List<Row> rows = rows();
        Set<String> expected = new LinkedHashSet<>();
        for (RoleDefinition r : BuiltInRole.all()) {
            for (String a : MANAGEMENT_ACTIONS) {
                expected.add(r.roleName() + "|management|" + a);
            }
            for (String a : DATA_ACTIONS) {
                expected.add(r.roleName() + "|data|" + a);
            }
        }
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Row row : rows) {
            if (!seen.add(row.role() + "|" + row.plane() + "|" + row.action())) {
                duplicates.add("line " + row.line());
            }
        }
        assertThat(BuiltInRole.all()).hasSize(17);
        assertThat(MANAGEMENT_ACTIONS).hasSize(22).doesNotHaveDuplicates();
        assertThat(DATA_ACTIONS).hasSize(52).doesNotHaveDuplicates();
        assertThat(duplicates).as("duplicate rows").isEmpty();
        assertThat(seen).as("rows missing or extra").isEqualTo(expected);
        assertThat(rows).hasSize(17 * (22 + 52));
    }

    @Test
    void everyRoleHasAtLeastOneAllowAndOneDenyAndNotesExplainTheTrickyRows() {
        // Guards against a table degenerated to all-deny, which would pass against a broken engine.
        List<Row> rows = rows();
        Set<String> withAllow = rows.stream().filter(Row::allow).map(Row::role).collect(Collectors.toSet());
        assertThat(withAllow).hasSize(17);
        assertThat(rows.stream().filter(r -> !r.note().isEmpty()).count()).isGreaterThanOrEqualTo(30);
    }

    // --- Key Vault Data Access Administrator's ABAC condition -------------------------------------

    static final List<RoleDefinition> DELEGABLE = List.of(
            BuiltInRole.KEY_VAULT_ADMINISTRATOR, BuiltInRole.KEY_VAULT_CERTIFICATES_OFFICER,
            BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
            BuiltInRole.KEY_VAULT_CRYPTO_USER, BuiltInRole.KEY_VAULT_READER, BuiltInRole.KEY_VAULT_SECRETS_OFFICER,
            BuiltInRole.KEY_VAULT_SECRETS_USER);

    static final List<RoleDefinition> NOT_DELEGABLE = List.of(
            BuiltInRole.OWNER, BuiltInRole.CONTRIBUTOR, BuiltInRole.KEY_VAULT_CONTRIBUTOR,
            BuiltInRole.KEY_VAULT_CERTIFICATE_USER, BuiltInRole.USER_ACCESS_ADMINISTRATOR,
            BuiltInRole.KEY_VAULT_DATA_ACCESS_ADMINISTRATOR, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER);

    static Stream<Arguments> conditionalCases() {
        List<Arguments> out = new ArrayList<>();
        for (String action : List.of("Microsoft.Authorization/roleAssignments/write",
                "Microsoft.Authorization/roleAssignments/delete")) {
            for (RoleDefinition t : DELEGABLE) {
                out.add(Arguments.of(action, t.roleName(), t.id(), false, true));
                // Condition evaluation must not depend on the spelling of the GUID.
                out.add(Arguments.of(action, t.roleName() + " (upper-case id)", t.id().toUpperCase(), false, true));
                out.add(Arguments.of(action, t.roleName() + " (unconditional)", t.id(), true, false));
            }
            for (RoleDefinition t : NOT_DELEGABLE) {
                out.add(Arguments.of(action, t.roleName(), t.id(), false, false));
            }
            out.add(Arguments.of(action, "no target role", null, false, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] DAA {0} target={1} unconditional={3} -> {4}")
    @MethodSource("conditionalCases")
    void dataAccessAdministratorMayOnlyAssignTheEightDataRoles(String action, String label, String targetRoleId,
                                                                boolean unconditional, boolean expected) {
        AuthzFixture f = new AuthzFixture();
        Principal daa = f.user();
        Scope vault = Scope.vault(AuthzFixture.SUB, "rg", "kv");
        f.assign(daa, BuiltInRole.KEY_VAULT_DATA_ACCESS_ADMINISTRATOR, vault);
        assertThat(f.engine.decideAction(daa.objectId(), vault, action, targetRoleId, unconditional).allowed())
                .as("%s on %s", action, label).isEqualTo(expected);
    }

    @Test
    void theConditionOnlyConstrainsAssignmentWritesNotReads() {
        AuthzFixture f = new AuthzFixture();
        Principal daa = f.user();
        Scope vault = Scope.vault(AuthzFixture.SUB, "rg", "kv");
        f.assign(daa, BuiltInRole.KEY_VAULT_DATA_ACCESS_ADMINISTRATOR, vault);
        assertThat(f.engine.decideAction(daa.objectId(), vault, "Microsoft.Authorization/roleAssignments/read",
                BuiltInRole.OWNER.id(), true).allowed()).isTrue();
    }

    static Stream<Arguments> unconditionalHolders() {
        // Owner and User Access Administrator hold roleAssignments/write through '*' or
        // 'Microsoft.Authorization/*' with no condition, so even "unconditional" requests pass,
        // for any target; Contributor and Key Vault Contributor never hold it.
        return Stream.of(
                Arguments.of(BuiltInRole.OWNER, true),
                Arguments.of(BuiltInRole.USER_ACCESS_ADMINISTRATOR, true),
                Arguments.of(BuiltInRole.CONTRIBUTOR, false),
                Arguments.of(BuiltInRole.KEY_VAULT_CONTRIBUTOR, false),
                Arguments.of(BuiltInRole.KEY_VAULT_DATA_ACCESS_ADMINISTRATOR, false));
    }

    @ParameterizedTest(name = "[{index}] {0} unconditional roleAssignments/write -> {1}")
    @MethodSource("unconditionalHolders")
    void unconditionalRoleAssignmentWrite(RoleDefinition role, boolean expected) {
        AuthzFixture f = new AuthzFixture();
        Principal p = f.user();
        Scope vault = Scope.vault(AuthzFixture.SUB, "rg", "kv");
        f.assign(p, role, vault);
        for (RoleDefinition target : List.of(BuiltInRole.OWNER, BuiltInRole.KEY_VAULT_SECRETS_USER)) {
            assertThat(f.engine.decideAction(p.objectId(), vault, "Microsoft.Authorization/roleAssignments/write",
                    target.id(), true).allowed()).as("%s assigning %s", role.roleName(), target.roleName())
                    .isEqualTo(expected);
        }
    }

    @Test
    void decisionNamesTheGrantingAssignment() {
        AuthzFixture f = new AuthzFixture();
        Principal p = f.user();
        Scope vault = Scope.vault(AuthzFixture.SUB, "rg", "kv");
        RoleAssignment a = f.assign(p, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);
        Decision d = f.engine.decideDataAction(p.objectId(), vault.child("secrets", "s"),
                V + "secrets/getSecret/action");
        assertThat(d.allowed()).isTrue();
        assertThat(d.assignment()).isEqualTo(a);
        assertThat(d.viaGroupId()).isNull();
        assertThat(f.engine.decideDataAction(p.objectId(), vault, V + "secrets/setSecret/action"))
                .isEqualTo(Decision.DENIED);
    }
}
