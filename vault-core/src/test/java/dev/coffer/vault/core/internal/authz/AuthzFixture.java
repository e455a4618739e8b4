package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.Scope;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.core.internal.directory.AuthzGeneration;
import dev.coffer.vault.core.internal.directory.DirectoryStore;
import dev.coffer.vault.core.internal.util.Ids;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * A fresh directory and authorization engine sharing one generation counter, wired as the
 * platform wires them, so tests see the same cache invalidation the pipeline relies on.
 */
final class AuthzFixture {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String SUB = "11111111-2222-4333-8444-555555555555";
    static final String OTHER_SUB = "66666666-7777-4888-9999-aaaaaaaaaaaa";

    final AuthzGeneration generation = new AuthzGeneration();
    final Ids ids = new Ids(new SecureRandom());
    final DirectoryStore directory = new DirectoryStore(TENANT, ids, generation);
    final AuthorizationEngine engine = new AuthorizationEngine(directory, generation);
    private int users;

    Principal user() {
        return directory.createUser("user" + (++users) + "@contoso.example");
    }

    Principal group(String name) {
        return directory.create(PrincipalType.GROUP, name);
    }

    RoleAssignment assign(Principal principal, RoleDefinition role, Scope scope) {
        return assign(principal.objectId(), principal.type(), role.id(), scope);
    }

    RoleAssignment assign(String principalId, PrincipalType type, String roleId, Scope scope) {
        String name = ids.newGuid();
        RoleAssignment a = new RoleAssignment(
                scope.normalized().equals("/") ? "/providers/Microsoft.Authorization/roleAssignments/" + name
                        : scope + "/providers/Microsoft.Authorization/roleAssignments/" + name,
                name, scope, roleId, principalId, type, Instant.EPOCH, directory.system().objectId());
        engine.addAssignment(a);
        return a;
    }

    boolean action(Principal p, Scope scope, String action) {
        return engine.decideAction(p.objectId(), scope, action, null, false).allowed();
    }

    boolean data(Principal p, Scope scope, String dataAction) {
        return engine.decideDataAction(p.objectId(), scope, dataAction).allowed();
    }
}
