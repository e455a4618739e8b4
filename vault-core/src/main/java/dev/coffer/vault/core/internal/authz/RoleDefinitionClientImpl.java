package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.Page;
import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.authorization.CustomRoleOptions;
import dev.coffer.vault.authorization.Permission;
import dev.coffer.vault.authorization.RoleDefinition;
import dev.coffer.vault.authorization.RoleDefinitionClient;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.util.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Custom role definitions through the pipeline, as one caller. */
public final class RoleDefinitionClientImpl implements RoleDefinitionClient {
    static final String WRITE = "Microsoft.Authorization/roleDefinitions/write";
    static final String DELETE = "Microsoft.Authorization/roleDefinitions/delete";
    static final String READ = "Microsoft.Authorization/roleDefinitions/read";

    private final Services services;
    private final RequestContext context;

    /**
     * @param services the platform
     * @param context  the caller
     */
    public RoleDefinitionClientImpl(Services services, RequestContext context) {
        this.services = services;
        this.context = context;
    }

    private static Scope firstScope(CustomRoleOptions options) {
        return options == null || options.assignableScopes().isEmpty() ? Scope.ROOT : options.assignableScopes().get(0);
    }

    private void validate(CustomRoleOptions options) {
        if (options == null || options.roleName() == null || options.roleName().isBlank()) {
            throw new BadParameterException("InvalidRoleDefinition", null, "A custom role needs a roleName.");
        }
        if (options.assignableScopes().isEmpty()) {
            throw new BadParameterException("InvalidRoleDefinition", null,
                    "A custom role needs at least one assignable scope (a subscription or resource group).");
        }
        for (Scope s : options.assignableScopes()) {
            if (s.isRoot() || s.subscriptionId().isEmpty()) {
                throw new BadParameterException("InvalidRoleDefinition", null, "Assignable scope '" + s
                        + "' is not allowed for a custom role: use subscriptions, resource groups or resources.");
            }
        }
        Permission p = options.permission();
        if (p.actions().isEmpty() && p.dataActions().isEmpty()) {
            throw new BadParameterException("InvalidRoleDefinition", null, "A custom role needs at least one action or data action.");
        }
    }

    private void checkScopesExistAndAllowed(CustomRoleOptions options, dev.coffer.vault.core.internal.pipeline.Caller caller,
                                            String action) {
        for (Scope s : options.assignableScopes()) {
            services.subscriptions().require(s.subscriptionId().orElseThrow());
            s.resourceGroupName().ifPresent(rg -> services.subscriptions().requireGroup(s.subscriptionId().get(), rg));
            // The pipeline authorized the first scope; the others must allow the write too.
            if (!services.engine().decideAction(caller.objectId(), s, action, null, false).allowed()) {
                throw dev.coffer.vault.core.internal.pipeline.Authorizer.managementDenied(caller, action, s);
            }
        }
    }

    private void requireEverywhere(List<Scope> scopes, dev.coffer.vault.core.internal.pipeline.Caller caller, String action) {
        for (Scope s : scopes) {
            if (!services.engine().decideAction(caller.objectId(), s, action, null, false).allowed()) {
                throw dev.coffer.vault.core.internal.pipeline.Authorizer.managementDenied(caller, action, s);
            }
        }
    }

    private void checkNameFree(String name, String exceptId) {
        for (RoleDefinition r : services.engine().roles()) {
            if (r.roleName().equalsIgnoreCase(name) && !r.id().equalsIgnoreCase(exceptId)) {
                throw new ConflictException("RoleDefinitionWithSameNameExists", null,
                        "A role definition named '" + name + "' already exists (" + r.id() + ").");
            }
        }
    }

    @Override
    public RoleDefinition create(CustomRoleOptions options) {
        return services.pipeline().run(context, Operation.<RoleDefinition>named("RoleDefinitionCreate")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(firstScope(options), Requirement.action(WRITE))
                .validate(() -> validate(options))
                .execute(caller -> {
                    checkScopesExistAndAllowed(options, caller, WRITE);
                    checkNameFree(options.roleName(), "");
                    RoleDefinition def = new RoleDefinition(services.ids().newGuid(), options.roleName(), options.description(),
                            RoleDefinition.CUSTOM, options.permission(), options.assignableScopes(), null);
                    services.engine().putRole(def);
                    return def;
                }));
    }

    private RoleDefinition requireCustom(String id) {
        RoleDefinition def = services.engine().role(id).orElseThrow(() -> notFound(id));
        if (def.isBuiltIn()) {
            throw new BadParameterException("BuiltInRoleCannotBeChanged", null,
                    "'" + def.roleName() + "' is a built-in role and cannot be changed or deleted.");
        }
        return def;
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("RoleDefinitionDoesNotExist", null,
                "The specified role definition with ID '" + id + "' does not exist.");
    }

    @Override
    public RoleDefinition update(String roleDefinitionId, CustomRoleOptions options) {
        Optional<RoleDefinition> existing = services.engine().role(roleDefinitionId);
        Scope scope = existing.filter(r -> !r.assignableScopes().isEmpty()).map(r -> r.assignableScopes().get(0))
                .orElse(firstScope(options));
        // Built-in roles are public and immutable: say so plainly rather than deny at scope "/".
        boolean builtIn = existing.map(RoleDefinition::isBuiltIn).orElse(false);
        return services.pipeline().run(context, Operation.<RoleDefinition>named("RoleDefinitionUpdate")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(scope, builtIn ? Requirement.none() : Requirement.action(WRITE))
                .validate(() -> validate(options))
                .execute(caller -> {
                    RoleDefinition current = requireCustom(roleDefinitionId);
                    // A role reaches every scope it is assignable at, so changing it needs the right at all of
                    // them, the old ones included: otherwise an owner of one subscription could rewrite a role
                    // that is also assigned in another, and so grant itself there.
                    requireEverywhere(current.assignableScopes(), caller, WRITE);
                    checkScopesExistAndAllowed(options, caller, WRITE);
                    for (Scope dropped : current.assignableScopes()) {
                        if (options.assignableScopes().stream().noneMatch(s -> s.contains(dropped))) {
                            services.engine().assignmentsRelatedTo(dropped).stream()
                                    .filter(a -> a.roleDefinitionId().equalsIgnoreCase(current.id()) && dropped.contains(a.scope()))
                                    .findAny().ifPresent(a -> {
                                        throw new dev.coffer.vault.ConflictException("RoleDefinitionHasAssignments", null,
                                                "The role '" + current.roleName() + "' is still assigned at '" + a.scope()
                                                        + "', which the update removes from its assignable scopes; delete those"
                                                        + " assignments first.");
                                    });
                        }
                    }
                    checkNameFree(options.roleName(), current.id());
                    RoleDefinition def = new RoleDefinition(current.id(), options.roleName(), options.description(),
                            RoleDefinition.CUSTOM, options.permission(), options.assignableScopes(), null);
                    services.engine().putRole(def);
                    return def;
                }));
    }

    @Override
    public void delete(String roleDefinitionId) {
        Optional<RoleDefinition> existing = services.engine().role(roleDefinitionId);
        Scope scope = existing.filter(r -> !r.assignableScopes().isEmpty())
                .map(r -> r.assignableScopes().get(0)).orElse(Scope.ROOT);
        boolean builtIn = existing.map(RoleDefinition::isBuiltIn).orElse(false);
        services.pipeline().run(context, Operation.<Void>named("RoleDefinitionDelete")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(scope, builtIn ? Requirement.none() : Requirement.action(DELETE))
                .execute(caller -> {
                    RoleDefinition current = requireCustom(roleDefinitionId);
                    requireEverywhere(current.assignableScopes(), caller, DELETE);
                    services.engine().removeRole(roleDefinitionId);
                    return null;
                }));
    }

    @Override
    public RoleDefinition get(Scope scope, String roleDefinitionId) {
        Scope at = scope == null ? Scope.ROOT : scope;
        return services.pipeline().run(context, Operation.<RoleDefinition>named("RoleDefinitionGet")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(at, Requirement.action(READ))
                .execute(caller -> services.engine().role(roleDefinitionId)
                        // A custom role is visible where it may be assigned, as the list shows it: not from elsewhere.
                        .filter(r -> r.isBuiltIn() || r.assignableScopes().stream().anyMatch(s -> s.contains(at) || at.contains(s)))
                        .orElseThrow(() -> notFound(roleDefinitionId))));
    }

    @Override
    public PagedIterable<RoleDefinition> list(Scope scope) {
        Scope at = scope == null ? Scope.ROOT : scope;
        String listing = "roleDefinitions:" + at.normalized();
        return new PagedIterable<>((token, size) -> services.pipeline().run(context,
                Operation.<Page<RoleDefinition>>named("RoleDefinitionList")
                        .category(AuditCategory.ADMINISTRATIVE)
                        .authorize(at, Requirement.action(READ))
                        .validate(() -> Tokens.decode(listing, token))
                        .execute(caller -> {
                            String after = Tokens.decode(listing, token);
                            List<RoleDefinition> all = services.engine().roles().stream()
                                    .filter(r -> r.assignableScopes().stream().anyMatch(s -> s.contains(at)))
                                    .sorted(java.util.Comparator.comparing(RoleDefinition::id)).toList();
                            List<RoleDefinition> items = new ArrayList<>(size);
                            for (RoleDefinition r : all) {
                                if (after != null && r.id().compareTo(after) <= 0) {
                                    continue;
                                }
                                if (items.size() == size) {
                                    return new Page<>(items, Tokens.encode(listing, items.get(items.size() - 1).id()));
                                }
                                items.add(r);
                            }
                            return new Page<>(items, null);
                        })));
    }
}
