package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.core.internal.directory.AuthzGeneration;
import dev.coffer.vault.core.internal.directory.DirectoryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure RBAC, decided in one place: "may principal P do action A at scope S". Allowed when an
 * assignment at S or an ancestor, to P or a group containing P (transitively), has a role whose
 * Actions (management) or DataActions (data) match A and whose NotActions / NotDataActions do not.
 * Management and data actions never grant each other.
 *
 * <p>Assignments are indexed by principal, so a decision costs the caller's own assignments, not
 * the platform's. Group memberships and role-versus-action verdicts are cached per
 * {@link AuthzGeneration}: every assignment, role or membership change bumps it, so a revoked grant
 * fails on the very next call.
 */
public final class AuthorizationEngine {
    private static final int MAX_CACHED_GRANTS = 100_000;

    private final DirectoryStore directory;
    private final AuthzGeneration generation;
    private final Map<String, CompiledRole> roles = new ConcurrentHashMap<>();
    private final Map<String, RoleAssignment> assignmentsById = new ConcurrentHashMap<>();
    /** principal object id → its assignments; lists are immutable and replaced on change. */
    private final Map<String, List<RoleAssignment>> byPrincipal = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile DecisionCache cache = new DecisionCache(-1);
    /** Actions in lower case, so a decision does not lower-case the same few strings on every call. */
    private final Map<String, String> lowerActions = new ConcurrentHashMap<>();

    private record DecisionKey(String principalId, String scope, String action, boolean data, String targetRoleId,
                               boolean unconditional) {
    }

    /** The key of a role's verdict on an action; hand-written hash because it is computed on every decision. */
    private record GrantKey(String roleDefinitionId, String action, boolean data, String targetRoleId,
                            boolean unconditional) {
        @Override
        public int hashCode() {
            int h = roleDefinitionId.hashCode() * 31 + action.hashCode();
            h = h * 31 + (targetRoleId == null ? 0 : targetRoleId.hashCode());
            return h * 4 + (data ? 2 : 0) + (unconditional ? 1 : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GrantKey g && g.data == data && g.unconditional == unconditional
                    && g.roleDefinitionId.equals(roleDefinitionId) && g.action.equals(action)
                    && java.util.Objects.equals(g.targetRoleId, targetRoleId);
        }
    }

    /**
     * What a decision may reuse while nothing changes: each principal's transitive groups and each
     * role's verdict on each action. Decisions themselves are not cached: they depend on the scope, and a
     * vault with a million secrets has a million object scopes. Walking the caller's own assignments
     * with these two caches costs the same whatever the number of objects or of assignments elsewhere.
     */
    private static final class DecisionCache {
        final long generation;
        final Map<String, java.util.Set<String>> groups = new ConcurrentHashMap<>();
        final Map<GrantKey, Boolean> grants = new ConcurrentHashMap<>();

        DecisionCache(long generation) {
            this.generation = generation;
        }
    }

    /**
     * @param directory  the directory, for group memberships
     * @param generation bumped on every change that alters decisions
     */
    public AuthorizationEngine(DirectoryStore directory, AuthzGeneration generation) {
        this.directory = directory;
        this.generation = generation;
        for (RoleDefinition r : BuiltInRole.all()) {
            roles.put(r.id().toLowerCase(Locale.ROOT), CompiledRole.of(r));
        }
    }

    /**
     * Decides a management-plane action.
     *
     * @param principalId   the caller's object id
     * @param scope         the target scope
     * @param action        the action
     * @param targetRoleId  for role assignment writes and deletes, the role being assigned; else null
     * @param unconditional true if a grant limited by an ABAC condition does not count
     * @return the decision
     */
    public Decision decideAction(String principalId, Scope scope, String action, String targetRoleId,
                                 boolean unconditional) {
        return decide(new DecisionKey(principalId, scope.normalized(), lower(action), false,
                targetRoleId, unconditional), scope);
    }

    /**
     * Decides a data-plane action (only meaningful for RBAC vaults).
     *
     * @param principalId the caller's object id
     * @param scope       the target scope (a vault or an object in it)
     * @param dataAction  the data action
     * @return the decision
     */
    public Decision decideDataAction(String principalId, Scope scope, String dataAction) {
        return decide(new DecisionKey(principalId, scope.normalized(), lower(dataAction), true,
                null, false), scope);
    }

    private String lower(String action) {
        String l = lowerActions.get(action);
        if (l == null) {
            l = action.toLowerCase(Locale.ROOT);
            if (lowerActions.size() < 10_000) {
                lowerActions.put(action, l);
            }
        }
        return l;
    }

    private Decision decide(DecisionKey key, Scope scope) {
        long gen = generation.current();
        DecisionCache c = cache;
        if (c.generation != gen) {
            c = new DecisionCache(gen);
            cache = c;
        }
        Decision direct = evaluateFor(c, key.principalId(), null, key, scope);
        if (direct.allowed()) {
            return direct;
        }
        for (String groupId : c.groups.computeIfAbsent(key.principalId(), directory::transitiveGroups)) {
            Decision viaGroup = evaluateFor(c, groupId, groupId, key, scope);
            if (viaGroup.allowed()) {
                return viaGroup;
            }
        }
        return Decision.DENIED;
    }

    private Decision evaluateFor(DecisionCache c, String holderId, String viaGroup, DecisionKey key, Scope scope) {
        for (RoleAssignment a : byPrincipal.getOrDefault(holderId, List.of())) {
            if (!a.scope().contains(scope)) {
                continue;
            }
            if (grants(c, a.roleDefinitionId(), key)) {
                return new Decision(true, a, viaGroup);
            }
        }
        return Decision.DENIED;
    }

    /** Whether a role grants an action: the glob matching, cached per role and action for this generation. */
    private boolean grants(DecisionCache c, String roleDefinitionId, DecisionKey key) {
        GrantKey g = new GrantKey(roleDefinitionId, key.action(), key.data(), key.targetRoleId(), key.unconditional());
        Boolean known = c.grants.get(g);
        if (known != null) {
            return known;
        }
        CompiledRole role = roles.get(roleDefinitionId.toLowerCase(Locale.ROOT));
        boolean granted = role != null && (key.data() ? role.grantsDataAction(key.action())
                : role.grantsAction(key.action()) && role.conditionAllows(key.action(), key.targetRoleId(), key.unconditional()));
        if (c.grants.size() < MAX_CACHED_GRANTS) {
            c.grants.put(g, granted);
        }
        return granted;
    }

    /**
     * @param roleDefinitionId a role id
     * @return the role, built-in or custom
     */
    public Optional<RoleDefinition> role(String roleDefinitionId) {
        return Optional.ofNullable(roleDefinitionId == null ? null : roles.get(roleDefinitionId.toLowerCase(Locale.ROOT)))
                .map(CompiledRole::definition);
    }

    /** @return every role definition, built-in first */
    public List<RoleDefinition> roles() {
        return roles.values().stream().map(CompiledRole::definition)
                .sorted(Comparator.comparing((RoleDefinition r) -> !r.isBuiltIn()).thenComparing(RoleDefinition::roleName))
                .toList();
    }

    /**
     * Adds or replaces a custom role definition.
     *
     * @param definition the role
     */
    public void putRole(RoleDefinition definition) {
        synchronized (writeLock) {
            roles.put(definition.id().toLowerCase(Locale.ROOT), CompiledRole.of(definition));
            generation.bump();
        }
    }

    /**
     * Removes a custom role definition that no assignment uses.
     *
     * @param roleDefinitionId the role's id
     */
    public void removeRole(String roleDefinitionId) {
        synchronized (writeLock) {
            String key = roleDefinitionId.toLowerCase(Locale.ROOT);
            if (assignmentsById.values().stream().anyMatch(a -> a.roleDefinitionId().equalsIgnoreCase(key))) {
                throw new ConflictException("RoleDefinitionHasAssignments", null,
                        "Role definition " + roleDefinitionId + " cannot be deleted while role assignments use it.");
            }
            roles.remove(key);
            generation.bump();
        }
    }

    /**
     * Records an assignment.
     *
     * @param assignment the new assignment
     * @throws ConflictException if the principal already holds that role at that scope
     */
    public void addAssignment(RoleAssignment assignment) {
        synchronized (writeLock) {
            for (RoleAssignment a : byPrincipal.getOrDefault(assignment.principalId(), List.of())) {
                if (a.scope().equals(assignment.scope()) && a.roleDefinitionId().equalsIgnoreCase(assignment.roleDefinitionId())) {
                    throw new ConflictException("RoleAssignmentExists", null,
                            "The role assignment already exists: role " + a.roleDefinitionId() + " for principal "
                                    + a.principalId() + " at scope '" + a.scope() + "' (" + a.id() + ").");
                }
            }
            if (role(assignment.roleDefinitionId()).isEmpty()) {
                throw new BadParameterException("RoleDefinitionDoesNotExist", null,
                        "The specified role definition with ID '" + assignment.roleDefinitionId() + "' does not exist.");
            }
            assignmentsById.put(assignment.id().toLowerCase(Locale.ROOT), assignment);
            byPrincipal.merge(assignment.principalId(), List.of(assignment), (old, add) -> {
                List<RoleAssignment> next = new ArrayList<>(old);
                next.addAll(add);
                return List.copyOf(next);
            });
            generation.bump();
        }
    }

    /**
     * @param assignmentId an assignment id
     * @return the assignment
     */
    public Optional<RoleAssignment> assignment(String assignmentId) {
        return assignmentId == null ? Optional.empty()
                : Optional.ofNullable(assignmentsById.get(assignmentId.toLowerCase(Locale.ROOT)));
    }

    /**
     * Removes an assignment.
     *
     * @param assignmentId its id
     * @return the removed assignment
     */
    public RoleAssignment removeAssignment(String assignmentId) {
        synchronized (writeLock) {
            RoleAssignment a = assignmentsById.remove(assignmentId.toLowerCase(Locale.ROOT));
            if (a == null) {
                throw new ResourceNotFoundException("RoleAssignmentNotFound", null,
                        "The role assignment '" + assignmentId + "' is not found.");
            }
            unindex(a);
            generation.bump();
            return a;
        }
    }

    /**
     * Removes every assignment at or below a scope, as deleting a vault does.
     *
     * @param scope the scope
     * @return how many were removed
     */
    public int removeAssignmentsWithin(Scope scope) {
        synchronized (writeLock) {
            List<RoleAssignment> doomed = assignmentsById.values().stream().filter(a -> scope.contains(a.scope())).toList();
            for (RoleAssignment a : doomed) {
                assignmentsById.remove(a.id().toLowerCase(Locale.ROOT));
                unindex(a);
            }
            generation.bump();
            return doomed.size();
        }
    }

    private void unindex(RoleAssignment a) {
        byPrincipal.computeIfPresent(a.principalId(), (k, old) -> {
            List<RoleAssignment> next = old.stream().filter(x -> !x.id().equalsIgnoreCase(a.id())).toList();
            return next.isEmpty() ? null : next;
        });
    }

    /**
     * @param scope a scope
     * @return assignments that apply at it (at it or an ancestor) or lie below it, ordered by id
     */
    public List<RoleAssignment> assignmentsRelatedTo(Scope scope) {
        return assignmentsById.values().stream()
                .filter(a -> a.scope().contains(scope) || scope.contains(a.scope()))
                .sorted(Comparator.comparing(a -> a.id().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * @param principalIds object ids of a principal and its groups
     * @return their assignments
     */
    public List<RoleAssignment> assignmentsOf(Set<String> principalIds) {
        List<RoleAssignment> out = new ArrayList<>();
        for (String id : principalIds) {
            out.addAll(byPrincipal.getOrDefault(id, List.of()));
        }
        return out;
    }

    /** @return how many assignments exist on the platform */
    public int assignmentCount() {
        return assignmentsById.size();
    }
}
