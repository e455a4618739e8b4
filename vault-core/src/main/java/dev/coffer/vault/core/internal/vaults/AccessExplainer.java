package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.authorization.AccessExplanation;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.EffectiveAccess;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.authz.Decision;
import dev.coffer.vault.core.internal.pipeline.Caller;
import dev.coffer.vault.core.internal.platform.Services;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers "who can do what here, and why": the same decisions the {@code Authorizer} makes, with
 * their reasons. It reads the engine and the vault's policies; it never decides anything the
 * authorizer would decide differently (tests compare the two).
 */
final class AccessExplainer {
    /** The management actions reported by effective access. */
    static final List<String> MANAGEMENT_ACTIONS = List.of(
            "Microsoft.KeyVault/vaults/read", "Microsoft.KeyVault/vaults/write", "Microsoft.KeyVault/vaults/delete",
            "Microsoft.KeyVault/vaults/accessPolicies/write", "Microsoft.KeyVault/vaults/deploy/action",
            "Microsoft.Authorization/roleAssignments/read", "Microsoft.Authorization/roleAssignments/write",
            "Microsoft.Authorization/roleAssignments/delete");

    private final Services services;

    AccessExplainer(Services services) {
        this.services = services;
    }

    static boolean isDataAction(String action) {
        return DataOperation.forDataAction(action).isPresent();
    }

    AccessExplanation explain(RequestContext subject, Scope scope, String action) {
        Principal p = services.directory().find(subject.caller().objectId()).orElseThrow(() -> new ResourceNotFoundException(
                "PrincipalNotFound", null, "Principal " + subject.caller().objectId() + " does not exist in the directory."));
        Caller who = new Caller(p, subject.applicationId(), subject, "explain");
        if (!isDataAction(action)) {
            Decision d = services.engine().decideAction(p.objectId(), scope, action, null, false);
            return rbac(p, scope, action, false, d);
        }
        VaultEntry vault = scope.vaultName().flatMap(services.vaults()::get).filter(e -> !e.deleted()
                && e.properties().id().contains(scope)).orElseThrow(() -> new BadParameterException("InvalidScope", null,
                "A data action is explained at a vault or object scope of an active vault; '" + scope + "' is not one."));
        DataOperation op = DataOperation.forDataAction(action).orElseThrow();
        Decision d = services.engine().decideDataAction(p.objectId(), scope, action);
        if (!d.allowed() && op.publicKeyOperation()) {
            // The authorizer lets keys/read stand in for encrypt, verify and wrap (DataOperation#requirement);
            // explain must reach the same decision, and name the assignment that made it.
            d = services.engine().decideDataAction(p.objectId(), scope, DataOperation.KEY_GET.dataAction());
        }
        AccessPolicyRecord entry = AccessPolicies.match(vault.accessPolicies(), who,
                services.directory().transitiveGroups(p.objectId()), op.policyArea(), op.policyPermission());
        if (vault.properties().permissionModel() == PermissionModel.RBAC) {
            AccessExplanation e = rbac(p, scope, action, true, d);
            if (!e.allowed() && entry != null) {
                return new AccessExplanation(p.objectId(), scope, action, true, "RBAC", false, null, null, null,
                        AccessPolicyRules.toEntry(entry), "AccessPolicyIgnoredUnderRbac", "Denied: an access policy entry "
                        + "would grant '" + op.policyPermission() + "', but the vault uses Azure RBAC, which ignores policies.");
            }
            return e;
        }
        String via = entry != null && !entry.objectId().equalsIgnoreCase(p.objectId()) ? entry.objectId() : null;
        if (entry != null) {
            return new AccessExplanation(p.objectId(), scope, action, true, "AccessPolicy", true, null, null, via,
                    AccessPolicyRules.toEntry(entry), "Allowed", "Allowed by the access policy entry for object "
                    + entry.objectId() + (entry.applicationId() == null ? "" : " through application " + entry.applicationId())
                    + ", which grants " + op.policyArea() + " '" + op.policyPermission() + "'.");
        }
        if (d.allowed()) {
            return new AccessExplanation(p.objectId(), scope, action, true, "AccessPolicy", false, d.assignment(),
                    roleName(d.assignment()), d.viaGroupId(), null, "RbacIgnoredUnderAccessPolicy", "Denied: role '"
                    + roleName(d.assignment()) + "' would grant it, but the vault uses access policies, which ignore RBAC data roles.");
        }
        return new AccessExplanation(p.objectId(), scope, action, true, "AccessPolicy", false, null, null, null, null,
                "NoMatchingAccessPolicy", "Denied: no access policy entry grants " + op.policyArea() + " '"
                + op.policyPermission() + "' to the principal, its groups or its application.");
    }

    private String roleName(RoleAssignment a) {
        return a == null ? null : services.engine().role(a.roleDefinitionId()).map(RoleDefinition::roleName)
                .orElse(a.roleDefinitionId());
    }

    private AccessExplanation rbac(Principal p, Scope scope, String action, boolean data, Decision d) {
        if (d.allowed()) {
            String role = roleName(d.assignment());
            return new AccessExplanation(p.objectId(), scope, action, data, "RBAC", true, d.assignment(), role,
                    d.viaGroupId(), null, "Allowed", "Allowed by role '" + role + "' assigned at '" + d.assignment().scope()
                    + "'" + (d.viaGroupId() == null ? "" : " to group " + d.viaGroupId()) + ".");
        }
        return new AccessExplanation(p.objectId(), scope, action, data, "RBAC", false, null, null, null, null,
                "DeniedWithNoValidRBAC", "Denied: no role assigned at '" + scope + "' or above, to the principal or its "
                + "groups, grants '" + action + "'.");
    }

    EffectiveAccess effective(Principal principal, VaultEntry vault) {
        Scope vaultScope = vault.properties().id();
        RequestContext subject = RequestContext.of(principal);
        List<AccessExplanation> grants = new ArrayList<>();
        Set<String> atVault = new HashSet<>();
        for (String a : MANAGEMENT_ACTIONS) {
            AccessExplanation e = explain(subject, vaultScope, a);
            if (e.allowed()) {
                grants.add(e);
            }
        }
        for (String a : DataOperation.dataActions()) {
            AccessExplanation e = explain(subject, vaultScope, a);
            if (e.allowed()) {
                grants.add(e);
                atVault.add(a);
            }
        }
        if (vault.properties().permissionModel() == PermissionModel.RBAC) {
            Set<String> holders = new LinkedHashSet<>();
            holders.add(principal.objectId());
            holders.addAll(services.directory().transitiveGroups(principal.objectId()));
            Set<Scope> objectScopes = new TreeSet<>();
            for (RoleAssignment a : services.engine().assignmentsOf(holders)) {
                if (vaultScope.isAncestorOf(a.scope())) {
                    objectScopes.add(a.scope());
                }
            }
            for (Scope s : objectScopes) {
                for (String a : DataOperation.dataActions()) {
                    if (atVault.contains(a)) {
                        continue;
                    }
                    AccessExplanation e = explain(subject, s, a);
                    if (e.allowed()) {
                        grants.add(e);
                    }
                }
            }
        }
        return new EffectiveAccess(principal.objectId(), vaultScope, grants);
    }

    static List<AccessPolicyEntry> entries(VaultEntry vault) {
        return vault.accessPolicies().stream().map(AccessPolicyRules::toEntry).toList();
    }
}
