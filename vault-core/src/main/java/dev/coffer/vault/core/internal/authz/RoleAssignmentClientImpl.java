package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.Page;
import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.authorization.RoleAssignmentClient;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.util.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Role assignments through the pipeline, as one caller. */
public final class RoleAssignmentClientImpl implements RoleAssignmentClient {
    static final String WRITE = "Microsoft.Authorization/roleAssignments/write";
    static final String DELETE = "Microsoft.Authorization/roleAssignments/delete";
    static final String READ = "Microsoft.Authorization/roleAssignments/read";
    private static final String SEGMENT = "/providers/Microsoft.Authorization/roleAssignments/";

    private final Services services;
    private final RequestContext context;

    /**
     * @param services the platform
     * @param context  the caller
     */
    public RoleAssignmentClientImpl(Services services, RequestContext context) {
        this.services = services;
        this.context = context;
    }

    @Override
    public RoleAssignment create(Scope scope, RoleDefinition role, Principal principal) {
        Scope target = scope == null ? Scope.ROOT : scope;
        String roleId = role == null ? null : role.id();
        return services.pipeline().run(context, Operation.<RoleAssignment>named("RoleAssignmentCreate")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(target, new Requirement.Action(WRITE, roleId, false))
                .validate(() -> {
                    if (scope == null || role == null || principal == null) {
                        throw new BadParameterException("InvalidRoleAssignmentRequest", null,
                                "A role assignment needs a scope, a role definition and a principal.");
                    }
                })
                .execute(caller -> {
                    RoleDefinition def = services.engine().role(roleId).orElseThrow(() -> new BadParameterException(
                            "RoleDefinitionDoesNotExist", null, "The specified role definition with ID '" + roleId + "' does not exist."));
                    if (def.assignableScopes().stream().noneMatch(s -> s.contains(target))) {
                        throw new BadParameterException("InvalidRoleAssignmentScope", null, "The role '" + def.roleName()
                                + "' cannot be assigned at scope '" + target + "': it is outside the role's assignable scopes "
                                + def.assignableScopes() + ".");
                    }
                    Principal holder = services.directory().find(principal.objectId()).orElseThrow(() -> new BadParameterException(
                            "PrincipalNotFound", null, "Principal " + principal.objectId() + " does not exist in the directory "
                            + services.directory().tenantId() + "."));
                    if (holder.type() == PrincipalType.SYSTEM) {
                        throw new BadParameterException("InvalidPrincipal", null, "The platform principal cannot hold roles.");
                    }
                    requireScopeExists(target);
                    String name = services.ids().newGuid();
                    RoleAssignment a = new RoleAssignment(idOf(target, name), name, target, def.id(), holder.objectId(),
                            holder.type(), services.clock().instant(), caller.objectId());
                    services.engine().addAssignment(a);
                    return a;
                }));
    }

    private void requireScopeExists(Scope scope) {
        if (scope.isRoot()) {
            return;
        }
        String sub = scope.subscriptionId().orElseThrow(() -> new BadParameterException("InvalidScope", null,
                "Roles are assigned at a subscription, resource group, vault or object scope, not at '" + scope + "'."));
        services.subscriptions().require(sub);
        Optional<String> rg = scope.resourceGroupName();
        if (rg.isPresent()) {
            services.subscriptions().requireGroup(sub, rg.get());
        }
        Optional<String> vault = scope.vaultName();
        if (vault.isPresent() && services.vaults().get(vault.get()).filter(e -> !e.deleted()
                && e.properties().id().contains(scope)).isEmpty()) {
            throw new ResourceNotFoundException("ResourceNotFound", null,
                    "The Resource 'Microsoft.KeyVault/vaults/" + vault.get() + "' under resource group '"
                            + rg.orElse("") + "' was not found.");
        }
    }

    static String idOf(Scope scope, String name) {
        return (scope.isRoot() ? "" : scope.toString()) + SEGMENT + name;
    }

    private static Scope scopeOfId(String assignmentId) {
        int i = assignmentId == null ? -1 : assignmentId.toLowerCase(Locale.ROOT).indexOf(SEGMENT.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new BadParameterException("InvalidRoleAssignmentId", null,
                    "'" + assignmentId + "' is not a role assignment id ({scope}" + SEGMENT + "{guid}).");
        }
        return i == 0 ? Scope.ROOT : Scope.parse(assignmentId.substring(0, i));
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("RoleAssignmentNotFound", null, "The role assignment '" + id + "' is not found.");
    }

    @Override
    public RoleAssignment get(String assignmentId) {
        Scope scope = scopeOfIdOrRoot(assignmentId);
        return services.pipeline().run(context, Operation.<RoleAssignment>named("RoleAssignmentGet")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(scope, Requirement.action(READ))
                .validate(() -> scopeOfId(assignmentId))
                .execute(caller -> services.engine().assignment(assignmentId).orElseThrow(() -> notFound(assignmentId))));
    }

    private static Scope scopeOfIdOrRoot(String assignmentId) {
        try {
            return scopeOfId(assignmentId);
        } catch (BadParameterException e) {
            return Scope.ROOT;
        }
    }

    @Override
    public PagedIterable<RoleAssignment> list(Scope scope) {
        Scope target = scope == null ? Scope.ROOT : scope;
        String listing = "roleAssignments:" + target.normalized();
        return new PagedIterable<>((token, size) -> services.pipeline().run(context,
                Operation.<Page<RoleAssignment>>named("RoleAssignmentList")
                        .category(AuditCategory.ADMINISTRATIVE)
                        .authorize(target, Requirement.action(READ))
                        .validate(() -> Tokens.decode(listing, token))
                        .execute(caller -> {
                            String after = Tokens.decode(listing, token);
                            List<RoleAssignment> items = new ArrayList<>(size);
                            for (RoleAssignment a : services.engine().assignmentsRelatedTo(target)) {
                                String key = a.id().toLowerCase(Locale.ROOT);
                                if (after != null && key.compareTo(after) <= 0) {
                                    continue;
                                }
                                if (items.size() == size) {
                                    return new Page<>(items, Tokens.encode(listing,
                                            items.get(items.size() - 1).id().toLowerCase(Locale.ROOT)));
                                }
                                items.add(a);
                            }
                            return new Page<>(items, null);
                        })));
    }

    @Override
    public RoleAssignment delete(String assignmentId) {
        Scope scope = scopeOfIdOrRoot(assignmentId);
        String targetRole = services.engine().assignment(assignmentId).map(RoleAssignment::roleDefinitionId).orElse(null);
        return services.pipeline().run(context, Operation.<RoleAssignment>named("RoleAssignmentDelete")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(scope, new Requirement.Action(DELETE, targetRole, false))
                .validate(() -> scopeOfId(assignmentId))
                .execute(caller -> {
                    if (services.engine().assignment(assignmentId).isEmpty()) {
                        throw notFound(assignmentId);
                    }
                    return services.engine().removeAssignment(assignmentId);
                }));
    }
}
