package dev.coffer.vault.core.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.Scope;
import dev.coffer.vault.authorization.Permission;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random custom roles, scope trees, group nestings, assignments and queries, decided both by the
 * engine and by a deliberately naive reference model written here (regex globs, string-prefix
 * scopes, recursive group expansion). Queries are repeated after revoking an assignment, a
 * membership and rewriting a role, so stale cached decisions show up as disagreements.
 */
class AuthorizationEnginePropertyTest {

    /** Concrete actions: asked as queries, and also used verbatim as patterns. */
    private static final List<String> CONCRETE = List.of(
            "Microsoft.KeyVault/vaults/read",
            "Microsoft.KeyVault/vaults/write",
            "Microsoft.KeyVault/vaults/keys/read",
            "Microsoft.KeyVault/vaults/keys/versions/read",
            "Microsoft.KeyVault/vaults/keys/wrap/action",
            "Microsoft.KeyVault/vaults/keyrotationpolicies/read",
            "Microsoft.KeyVault/vaults/secrets/getSecret/action",
            "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
            "Microsoft.KeyVault/vaults/certificatecas/delete",
            "Microsoft.KeyVault/locations/deletedVaults/purge/action",
            "Microsoft.Authorization/roleAssignments/write",
            "Microsoft.Authorization/roleDefinitions/read",
            "Microsoft.Resources/subscriptions/resourceGroups/read");

    /** Wildcard patterns with the star leading, trailing, in the middle, doubled, or alone. */
    private static final List<String> WILDCARDS = List.of(
            "*", "**", "*/read", "*/action", "*/", "*.*", "*keys*", "*s/*",
            "Microsoft.KeyVault/*", "Microsoft.KeyVault/vaults/*", "Microsoft.KeyVault/vaults/*/read",
            "Microsoft.KeyVault/*/*/read", "Microsoft.KeyVault/vaults/keys/*", "Microsoft.KeyVault/vaults/key*",
            "Microsoft.KeyVault/vaults/secrets/*/action", "Microsoft.KeyVault/vaults/*s/*a*",
            "Microsoft.Authorization/*/Write", "Microsoft.*/read", "Microsoft.KeyVault/vaults",
            "Microsoft.KeyVault/vaults/");

    private static final List<String> PATTERNS = concat(CONCRETE, WILDCARDS);
    /** Queries include a few strings that are prefixes of real actions, to catch prefix matching. */
    private static final List<String> QUERIES = concat(CONCRETE,
            List.of("Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/keys", "read"));

    private static final int USERS = 2;
    private static final int GROUPS = 4;
    private static final int PRINCIPALS = USERS + GROUPS;
    private static final List<String> SCOPES = scopeTree();

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** root, 2 subscriptions, 2 resource groups each, 2 vaults each, 2 objects each: 31 scopes. */
    private static List<String> scopeTree() {
        List<String> out = new ArrayList<>();
        out.add("/");
        for (String sub : List.of("sub-a", "sub-b")) {
            String s = "/subscriptions/" + sub;
            out.add(s);
            for (String rg : List.of("rg-1", "rg-2")) {
                String r = s + "/resourceGroups/" + rg;
                out.add(r);
                for (String kv : List.of("kv-1", "kv-10")) {
                    String v = r + "/providers/Microsoft.KeyVault/vaults/" + kv;
                    out.add(v);
                    out.add(v + "/secrets/s-1");
                    out.add(v + "/keys/s-1");
                }
            }
        }
        return List.copyOf(out);
    }

    record RoleSpec(List<String> actions, List<String> notActions, List<String> dataActions,
                    List<String> notDataActions) {
    }

    /** {@code member} is a principal index; {@code group} a group number (principal USERS + group). */
    record Edge(int member, int group) {
    }

    record Grant(int principal, int role, int scope) {
    }

    record Query(int principal, int scope, long scopeCaseSeed, String action, boolean data,
                 boolean unconditional) {
    }

    record World(List<RoleSpec> roles, List<Edge> edges, List<Grant> grants, List<Query> queries,
                 RoleSpec replacement, int dropGrant, int dropEdge) {
    }

    // --- generators ---------------------------------------------------------------------------

    /** Flips the case of roughly a third of the letters: matching must ignore case. */
    static String mangle(String s, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(r.nextInt(3) == 0 ? (Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.toUpperCase(c)) : c);
        }
        return b.toString();
    }

    private static Arbitrary<String> mangled(Arbitrary<String> pool) {
        return Combinators.combine(pool, Arbitraries.longs()).as(AuthorizationEnginePropertyTest::mangle);
    }

    /**
     * Grants are drawn mostly from wildcards and deny lists are kept short, so that a useful share
     * of decisions are allows; with uniform draws almost everything is denied and a matcher that
     * always says no would pass.
     */
    private static Arbitrary<RoleSpec> roleSpec() {
        Arbitrary<String> pattern = mangled(Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(WILDCARDS)), Tuple.of(2, Arbitraries.of(CONCRETE))));
        Arbitrary<List<String>> grants = pattern.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<String>> denies = pattern.list().ofMaxSize(2);
        return Combinators.combine(grants, denies, grants, denies).as(RoleSpec::new);
    }

    /** Scope indices with the given depths (in path segments), e.g. 0 for the root. */
    private static Arbitrary<Integer> scopeAtDepth(int... depths) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < SCOPES.size(); i++) {
            int depth = segments(SCOPES.get(i)).size();
            for (int d : depths) {
                if (depth == d) {
                    out.add(i);
                }
            }
        }
        return Arbitraries.of(out);
    }

    @Provide
    Arbitrary<World> worlds() {
        // Users join groups more often than groups nest, so group-held grants reach the queriers.
        Arbitrary<Integer> member = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, USERS - 1)),
                Tuple.of(1, Arbitraries.integers().between(0, PRINCIPALS - 1)));
        Arbitrary<Edge> edge = Combinators.combine(member, Arbitraries.integers().between(0, GROUPS - 1))
                .as(Edge::new);
        // Assignments lean towards high scopes and queries towards low ones, so that containment
        // (and therefore the interesting part of the decision) happens often.
        Arbitrary<Integer> anyScope = Arbitraries.integers().between(0, SCOPES.size() - 1);
        Arbitrary<Integer> grantScope = Arbitraries.frequencyOf(Tuple.of(3, scopeAtDepth(0, 2, 4)),
                Tuple.of(2, scopeAtDepth(8)), Tuple.of(1, anyScope));
        Arbitrary<Integer> queryScope = Arbitraries.frequencyOf(Tuple.of(3, scopeAtDepth(8, 10)),
                Tuple.of(1, anyScope));
        Arbitrary<Grant> grant = Combinators.combine(Arbitraries.integers().between(0, PRINCIPALS - 1),
                Arbitraries.integers().between(0, 3), grantScope).as(Grant::new);
        Arbitrary<Query> query = Combinators.combine(Arbitraries.integers().between(0, USERS - 1),
                queryScope, Arbitraries.longs(), mangled(Arbitraries.of(QUERIES)),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Query::new);
        return Combinators.combine(roleSpec().list().ofMinSize(1).ofMaxSize(4), edge.list().ofMaxSize(8),
                grant.list().ofMinSize(2).ofMaxSize(10), query.list().ofMinSize(1).ofMaxSize(15), roleSpec(),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100)).as(World::new);
    }

    // --- the property -------------------------------------------------------------------------

    @Property(tries = 1000)
    void engineAgreesWithReferenceModel(@ForAll("worlds") World w) {
        AuthzFixture f = new AuthzFixture();
        Model model = new Model();

        List<String> roleIds = new ArrayList<>();
        for (int i = 0; i < w.roles().size(); i++) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            roleIds.add(id);
            f.engine.putRole(custom(id, i, w.roles().get(i)));
            model.roles.put(id, w.roles().get(i));
        }

        List<Principal> principals = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            principals.add(f.user());
        }
        for (int i = 0; i < GROUPS; i++) {
            principals.add(f.group("g" + i));
        }

        // Acyclic by construction: a group may only join a higher-numbered group.
        List<Edge> edges = new ArrayList<>(new LinkedHashSet<>(w.edges().stream()
                .filter(e -> e.member() < USERS || e.member() - USERS < e.group()).toList()));
        for (Edge e : edges) {
            f.directory.addMember(principals.get(USERS + e.group()).objectId(), principals.get(e.member()).objectId());
            model.edges.add(List.of(e.member(), USERS + e.group()));
        }

        Map<List<Integer>, RoleAssignment> grants = new LinkedHashMap<>();
        for (Grant g : w.grants()) {
            int role = g.role() % roleIds.size();
            List<Integer> key = List.of(g.principal(), role, g.scope());
            if (grants.containsKey(key)) {
                continue; // the engine refuses an identical assignment
            }
            Principal p = principals.get(g.principal());
            grants.put(key, f.assign(p.objectId(), p.type(), roleIds.get(role), Scope.parse(SCOPES.get(g.scope()))));
            model.grants.add(new ModelGrant(g.principal(), roleIds.get(role), SCOPES.get(g.scope())));
        }

        check(f, model, principals, w.queries(), "initial");

        if (!grants.isEmpty()) {
            List<List<Integer>> keys = new ArrayList<>(grants.keySet());
            List<Integer> k = keys.get(w.dropGrant() % keys.size());
            f.engine.removeAssignment(grants.get(k).id());
            model.grants.remove(new ModelGrant(k.get(0), roleIds.get(k.get(1)), SCOPES.get(k.get(2))));
            check(f, model, principals, w.queries(), "after removing assignment " + k);
        }
        if (!edges.isEmpty()) {
            Edge e = edges.get(w.dropEdge() % edges.size());
            f.directory.removeMember(principals.get(USERS + e.group()).objectId(), principals.get(e.member()).objectId());
            model.edges.remove(List.of(e.member(), USERS + e.group()));
            check(f, model, principals, w.queries(), "after removing membership " + e);
        }
        f.engine.putRole(custom(roleIds.get(0), 0, w.replacement()));
        model.roles.put(roleIds.get(0), w.replacement());
        check(f, model, principals, w.queries(), "after rewriting role 0");
    }

    private static RoleDefinition custom(String id, int i, RoleSpec s) {
        return new RoleDefinition(id, "Custom role " + i, "generated", RoleDefinition.CUSTOM,
                new Permission(s.actions(), s.notActions(), s.dataActions(), s.notDataActions()),
                List.of(Scope.ROOT), null);
    }

    private static void check(AuthzFixture f, Model model, List<Principal> principals, List<Query> queries,
                              String phase) {
        for (Query q : queries) {
            Scope scope = Scope.parse(mangle(SCOPES.get(q.scope()), q.scopeCaseSeed()));
            String who = principals.get(q.principal()).objectId();
            Decision d = q.data() ? f.engine.decideDataAction(who, scope, q.action())
                    : f.engine.decideAction(who, scope, q.action(), null, q.unconditional());
            boolean expected = model.allowed(q.principal(), scope.toString(), q.action(), q.data());
            assertThat(d.allowed()).as("%s: principal %d %s %s at %s\nmodel: %s", phase, q.principal(),
                    q.data() ? "data" : "action", q.action(), scope, model).isEqualTo(expected);
            if (d.allowed()) {
                // The named assignment must itself be one that the model says applies.
                assertThat(d.assignment()).isNotNull();
                assertThat(scopeApplies(d.assignment().scope().toString(), scope.toString())).isTrue();
            }
            Statistics.label("decision").collect(d.allowed() ? "allow" : "deny");
        }
        // Both outcomes must be common, or agreement with the model proves little.
        Statistics.label("decision").coverage(c -> {
            c.check("allow").percentage(p -> p > 10);
            c.check("deny").percentage(p -> p > 10);
        });
    }

    // --- the reference model ------------------------------------------------------------------

    record ModelGrant(int principal, String roleId, String scope) {
    }

    static final class Model {
        final Map<String, RoleSpec> roles = new LinkedHashMap<>();
        /** [member principal index, group principal index] */
        final Set<List<Integer>> edges = new LinkedHashSet<>();
        final List<ModelGrant> grants = new ArrayList<>();

        boolean allowed(int principal, String scope, String action, boolean data) {
            Set<Integer> holders = new HashSet<>();
            holders.add(principal);
            addGroups(principal, holders);
            for (ModelGrant g : grants) {
                if (!holders.contains(g.principal()) || !scopeApplies(g.scope(), scope)) {
                    continue;
                }
                RoleSpec r = roles.get(g.roleId());
                boolean granted = data
                        ? anyGlob(r.dataActions(), action) && !anyGlob(r.notDataActions(), action)
                        : anyGlob(r.actions(), action) && !anyGlob(r.notActions(), action);
                if (granted) {
                    return true;
                }
            }
            return false;
        }

        private void addGroups(int member, Set<Integer> into) {
            for (List<Integer> e : edges) {
                if (e.get(0) == member && into.add(e.get(1))) {
                    addGroups(e.get(1), into);
                }
            }
        }

        @Override
        public String toString() {
            return "roles=" + roles + " edges=" + edges + " grants=" + grants;
        }
    }

    static boolean anyGlob(List<String> patterns, String action) {
        for (String p : patterns) {
            if (globRegex(p).matcher(action).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Quote every literal run, turn each star into ".*", ignore case. */
    static Pattern globRegex(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** An assignment applies when its lower-cased segments are a prefix of the target's. */
    static boolean scopeApplies(String assignment, String target) {
        List<String> a = segments(assignment);
        List<String> t = segments(target);
        return a.size() <= t.size() && t.subList(0, a.size()).equals(a);
    }

    private static List<String> segments(String scope) {
        List<String> out = new ArrayList<>();
        for (String s : scope.toLowerCase(Locale.ROOT).split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
