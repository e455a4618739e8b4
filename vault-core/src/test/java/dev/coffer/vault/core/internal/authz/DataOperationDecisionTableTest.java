package dev.coffer.vault.core.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.core.internal.pipeline.Authorizer;
import dev.coffer.vault.core.internal.pipeline.Caller;
import dev.coffer.vault.core.internal.platform.PlatformImpl;
import dev.coffer.vault.core.internal.platform.Services;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data-plane decision table, checked through the real {@link Authorizer} the pipeline uses,
 * against two hand-written tables: every {@link DataOperation} x every built-in role under RBAC
 * ({@code data-operation-rbac.csv}) and every operation x a set of access-policy situations
 * ({@code data-operation-access-policy.csv}). The CSVs were written from the reference, so a wrong
 * row in {@code DataOperation} cannot agree with itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataOperationDecisionTableTest {
    private static final String RBAC_CSV = "/data-operation-rbac.csv";
    private static final String POLICY_CSV = "/data-operation-access-policy.csv";

    /** One parsed table: column names and, per operation, one expectation per column plus a note. */
    record Table(List<String> columns, Map<DataOperation, List<Boolean>> expected, Map<DataOperation, String> notes) {
        int cellCount() {
            return expected.values().stream().mapToInt(List::size).sum();
        }
    }

    private CofferPlatform platform;
    private Services services;
    private Authorizer authorizer;
    private Scope rbacVault;
    private Scope policyVault;
    private Scope policyVaultWithRoles;
    private VaultManager ownerManagement;
    /** role name → a user holding exactly that role at both RBAC and access-policy vaults. */
    private final Map<String, Principal> roleHolders = new LinkedHashMap<>();
    /** access-policy column → the caller context for it. */
    private final Map<String, RequestContext> policyCallers = new LinkedHashMap<>();

    @BeforeAll
    void buildPlatform() {
        platform = Coffer.inMemory().withoutSlf4jAuditSink().build();
        services = ((PlatformImpl) platform).services();
        authorizer = services.pipeline().authorizer();
        Principal owner = platform.directory().createUser("owner@contoso.example");
        Subscription sub = platform.createSubscription("tables", owner);
        VaultManager mgmt = platform.management(owner);
        ownerManagement = mgmt;
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        rbacVault = mgmt.createVault(VaultOptions.named("kv-table-rbac").resourceGroup(sub, "rg")).scope();
        policyVaultWithRoles = mgmt.createVault(VaultOptions.named("kv-table-ap-roles").resourceGroup(sub, "rg")
                .permissionModel(PermissionModel.ACCESS_POLICY)).scope();
        for (RoleDefinition role : BuiltInRole.all()) {
            Principal p = platform.directory().createUser("holder-" + role.id() + "@contoso.example");
            mgmt.roleAssignments().create(rbacVault, role, p);
            mgmt.roleAssignments().create(policyVaultWithRoles, role, p);
            roleHolders.put(role.roleName(), p);
        }

        // One caller per access-policy column, each with its own entry on one vault.
        Principal secretsGet = user("secrets-get");
        Principal secretsAll = user("secrets-all");
        Principal secretsAllPurge = user("secrets-all-purge");
        Principal keysGetSign = user("keys-get-sign");
        Principal keysAll = user("keys-all");
        Principal certsAll = user("certs-all");
        Principal groupMember = user("group");
        Principal group = platform.directory().createGroup("table-group");
        platform.directory().addMember(group, groupMember);
        Principal nestedMember = user("nested-group");
        Principal inner = platform.directory().createGroup("table-inner");
        Principal outer = platform.directory().createGroup("table-outer");
        platform.directory().addMember(outer, inner);
        platform.directory().addMember(inner, nestedMember);
        Principal compoundUser = user("compound");
        Principal app = platform.directory().createServicePrincipal("table-app");
        Principal otherApp = platform.directory().createServicePrincipal("table-other-app");
        Principal stranger = user("other-object");
        Principal someoneElse = user("someone-else");
        String[] every = {"all", "purge"};

        VaultOptions ap = VaultOptions.named("kv-table-ap").resourceGroup(sub, "rg").permissionModel(PermissionModel.ACCESS_POLICY)
                .accessPolicy(AccessPolicyEntry.of(secretsGet).withSecrets("get"))
                .accessPolicy(AccessPolicyEntry.of(secretsAll).withSecrets("all"))
                .accessPolicy(AccessPolicyEntry.of(secretsAllPurge).withSecrets("all", "purge"))
                .accessPolicy(AccessPolicyEntry.of(keysGetSign).withKeys("get", "sign"))
                .accessPolicy(AccessPolicyEntry.of(keysAll).withKeys("all"))
                .accessPolicy(AccessPolicyEntry.of(certsAll).withCertificates("all"))
                .accessPolicy(AccessPolicyEntry.of(group).withSecrets("get", "list"))
                .accessPolicy(AccessPolicyEntry.of(outer).withKeys("get"))
                .accessPolicy(AccessPolicyEntry.compound(compoundUser, app.applicationId()).withSecrets("get").withKeys("all"))
                .accessPolicy(AccessPolicyEntry.of(someoneElse).withSecrets(every).withKeys(every).withCertificates(every)
                        .withStorage(every));
        policyVault = mgmt.createVault(ap).scope();

        policyCallers.put("secrets-get", RequestContext.of(secretsGet));
        policyCallers.put("secrets-all", RequestContext.of(secretsAll));
        policyCallers.put("secrets-all-purge", RequestContext.of(secretsAllPurge));
        policyCallers.put("keys-get-sign", RequestContext.of(keysGetSign));
        policyCallers.put("keys-all", RequestContext.of(keysAll));
        policyCallers.put("certs-all", RequestContext.of(certsAll));
        policyCallers.put("group", RequestContext.of(groupMember));
        policyCallers.put("nested-group", RequestContext.of(nestedMember));
        policyCallers.put("compound-via-app", RequestContext.of(compoundUser).withApplication(app.applicationId()));
        policyCallers.put("compound-alone", RequestContext.of(compoundUser));
        policyCallers.put("compound-other-app", RequestContext.of(compoundUser).withApplication(otherApp.applicationId()));
        policyCallers.put("other-object", RequestContext.of(stranger));
    }

    private Principal user(String name) {
        return platform.directory().createUser("table-" + name + "@contoso.example");
    }

    /** The object an operation addresses, so object-scope evaluation is what is tested. */
    private static Scope objectScope(Scope vault, DataOperation op) {
        return vault.child(op.policyArea(), "table-object");
    }

    /** @return "allow" or the inner error code of the denial */
    private String decide(RequestContext ctx, Scope vault, DataOperation op) {
        Caller caller = new Caller(ctx.caller(), ctx.applicationId(), ctx, "table");
        try {
            authorizer.authorize(caller, objectScope(vault, op), op.requirement());
            return "allow";
        } catch (ForbiddenException e) {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo("Forbidden");
            return e.innerErrorCode().orElse("(none)");
        }
    }

    // ---- RBAC table ------------------------------------------------------------------------

    static Table load(String resource) {
        try (InputStream in = DataOperationDecisionTableTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> columns = null;
            Map<DataOperation, List<Boolean>> expected = new LinkedHashMap<>();
            Map<DataOperation, String> notes = new LinkedHashMap<>();
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (columns == null) {
                    String[] h = line.split(",");
                    assertThat(h[0]).isEqualTo("operation");
                    assertThat(h[h.length - 1]).isEqualTo("note");
                    columns = List.of(Arrays.copyOfRange(h, 1, h.length - 1));
                    continue;
                }
                // The note is last and may itself contain commas.
                String[] f = line.split(",", columns.size() + 2);
                assertThat(f).as("%s line %d: operation, %d cells, note", resource, n, columns.size()).hasSize(columns.size() + 2);
                DataOperation op = DataOperation.valueOf(f[0].trim());
                assertThat(expected).as("%s line %d: %s appears once", resource, n, op).doesNotContainKey(op);
                List<Boolean> cells = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    String cell = f[i].trim();
                    assertThat(cell).as("%s line %d column %s", resource, n, columns.get(i - 1)).isIn("A", "-");
                    cells.add(cell.equals("A"));
                }
                expected.put(op, cells);
                notes.put(op, f[columns.size() + 1].trim());
            }
            assertThat(columns).as(resource + " has a header").isNotNull();
            return new Table(columns, expected, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rbacTableCoversEveryOperationAndEveryBuiltInRole() {
        Table t = load(RBAC_CSV);
        assertThat(t.columns()).as("one column per built-in role, in BuiltInRole.all() order")
                .containsExactlyElementsOf(BuiltInRole.all().stream().map(RoleDefinition::roleName).toList());
        assertThat(t.expected().keySet()).as("one row per DataOperation").isEqualTo(EnumSet.allOf(DataOperation.class));
        assertThat(t.cellCount()).isEqualTo(DataOperation.values().length * BuiltInRole.all().size()).isEqualTo(48 * 17);
    }

    /** One argument set per cell of a table: operation, column, expected, note. */
    private static Stream<Arguments> cells(Table t) {
        List<Arguments> out = new ArrayList<>();
        t.expected().forEach((op, cells) -> {
            for (int i = 0; i < cells.size(); i++) {
                out.add(Arguments.of(op, t.columns().get(i), cells.get(i), t.notes().get(op)));
            }
        });
        return out.stream();
    }

    Stream<Arguments> rbacCells() {
        return cells(load(RBAC_CSV));
    }

    @ParameterizedTest(name = "{0} as {1} -> allow={2}")
    @MethodSource("rbacCells")
    void rbacDecisionMatchesTheTable(DataOperation op, String roleName, boolean allow, String note) {
        Principal holder = roleHolders.get(roleName);
        assertThat(holder).as("a holder of built-in role %s", roleName).isNotNull();
        String outcome = decide(RequestContext.of(holder), rbacVault, op);
        assertThat(outcome).as("%s by %s under RBAC (%s)", op, roleName, note).isEqualTo(allow ? "allow" : "ForbiddenByRbac");
    }

    @Test
    void rbacDataRolesAreIgnoredOnAnAccessPolicyVault() {
        // The same 816 role x operation pairs, on a vault with no policy entries: every one is a policy denial.
        List<String> allowed = new ArrayList<>();
        for (Map.Entry<String, Principal> h : roleHolders.entrySet()) {
            for (DataOperation op : DataOperation.values()) {
                String outcome = decide(RequestContext.of(h.getValue()), policyVaultWithRoles, op);
                if (!outcome.equals("ForbiddenByPolicy")) {
                    allowed.add(h.getKey() + " " + op + " -> " + outcome);
                }
            }
        }
        assertThat(allowed).isEmpty();
    }

    // ---- Access-policy table -----------------------------------------------------------------

    @Test
    void policyTableCoversEveryOperationAndEverySituation() {
        Table t = load(POLICY_CSV);
        assertThat(t.columns()).containsExactlyElementsOf(policyCallers.keySet());
        assertThat(t.expected().keySet()).isEqualTo(EnumSet.allOf(DataOperation.class));
        assertThat(t.cellCount()).isEqualTo(DataOperation.values().length * policyCallers.size()).isEqualTo(48 * 12);
    }

    Stream<Arguments> policyCells() {
        return cells(load(POLICY_CSV));
    }

    @ParameterizedTest(name = "{0} as {1} -> allow={2}")
    @MethodSource("policyCells")
    void accessPolicyDecisionMatchesTheTable(DataOperation op, String situation, boolean allow, String note) {
        RequestContext ctx = policyCallers.get(situation);
        assertThat(ctx).as("a caller for column %s", situation).isNotNull();
        String outcome = decide(ctx, policyVault, op);
        assertThat(outcome).as("%s for %s under access policies (%s)", op, situation, note)
                .isEqualTo(allow ? "allow" : "ForbiddenByPolicy");
    }

    @Test
    void policiesOfAnAccessPolicyVaultDoNotLeakIntoRbac() {
        // The secrets-all-purge caller has no role anywhere: on the RBAC vault it is denied by RBAC.
        Set<String> outcomes = Arrays.stream(DataOperation.values())
                .map(op -> decide(policyCallers.get("secrets-all-purge"), rbacVault, op)).collect(Collectors.toSet());
        assertThat(outcomes).containsExactly("ForbiddenByRbac");
    }

    @Test
    void everyOperationHasADistinctAuditNameAndAKnownPolicyArea() {
        Set<String> names = Arrays.stream(DataOperation.values()).map(DataOperation::auditName).collect(Collectors.toSet());
        assertThat(names).hasSize(DataOperation.values().length);
        for (DataOperation op : DataOperation.values()) {
            assertThat(op.policyArea()).isIn("keys", "secrets", "certificates");
            // Rotation policies are their own RBAC resource type but a key permission under access policies.
            String type = op.name().startsWith("KEY_ROTATION_POLICY") ? "keyrotationpolicies" : op.policyArea();
            if (!op.dataAction().startsWith("Microsoft.KeyVault/vaults/" + type + "/")) {
                fail(op + " has data action " + op.dataAction() + " outside its area " + type);
            }
        }
    }
    // ---- explain agrees with the authorizer ------------------------------------------------------

    /**
     * explain answers per data action; several operations share one (readMetadata serves list and
     * get-deleted, which need different policy permissions), so the comparison uses, for each data
     * action, the operation that {@link DataOperation#forDataAction} names for it.
     */
    @Test
    void explainAgreesWithTheAuthorizerForEveryRoleAndSituation() {
        List<String> disagreements = new ArrayList<>();
        for (DataOperation op : DataOperation.values()) {
            if (DataOperation.forDataAction(op.dataAction()).orElseThrow() != op) {
                continue;
            }
            for (Map.Entry<String, Principal> h : roleHolders.entrySet()) {
                RequestContext ctx = RequestContext.of(h.getValue());
                compare(disagreements, h.getKey(), ctx, rbacVault, op);
                compare(disagreements, h.getKey(), ctx, policyVaultWithRoles, op);
            }
            for (Map.Entry<String, RequestContext> c : policyCallers.entrySet()) {
                compare(disagreements, c.getKey(), c.getValue(), policyVault, op);
                compare(disagreements, c.getKey(), c.getValue(), rbacVault, op);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private void compare(List<String> out, String who, RequestContext ctx, Scope vault, DataOperation op) {
        boolean authorized = decide(ctx, vault, op).equals("allow");
        boolean explained = ownerManagement.explain(ctx, objectScope(vault, op), op.dataAction()).allowed();
        if (authorized != explained) {
            out.add(who + " " + op + " on " + vault.vaultName().orElseThrow() + ": authorizer=" + authorized
                    + " explain=" + explained);
        }
    }
}
