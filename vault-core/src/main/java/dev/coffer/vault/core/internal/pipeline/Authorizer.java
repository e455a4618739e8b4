package dev.coffer.vault.core.internal.pipeline;

import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.core.internal.authz.AuthorizationEngine;
import dev.coffer.vault.core.internal.authz.Decision;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers a {@link Requirement} for a caller at a scope, or refuses with Azure's denial: ARM's
 * {@code AuthorizationFailed} on the management plane, Key Vault's {@code Forbidden} with
 * {@code ForbiddenByRbac} or {@code ForbiddenByPolicy} on the data plane. Management actions are
 * always RBAC; data actions follow the vault's permission model.
 */
public final class Authorizer {
    /** Marks a call allowed by RBAC, for the audit event. */
    public static final String BY_RBAC = "RBAC";
    /** Marks a call allowed by an access policy, for the audit event. */
    public static final String BY_ACCESS_POLICY = "AccessPolicy";

    private final AuthorizationEngine engine;
    private final Function<Scope, Optional<DataPlaneVault>> vaults;

    /**
     * @param engine the RBAC engine
     * @param vaults finds the active vault a data-plane scope lies in
     */
    public Authorizer(AuthorizationEngine engine, Function<Scope, Optional<DataPlaneVault>> vaults) {
        this.engine = engine;
        this.vaults = vaults;
    }

    /**
     * @param caller      the resolved caller
     * @param scope       the target scope
     * @param requirement what must be allowed
     * @return which model allowed it ({@link #BY_RBAC}, {@link #BY_ACCESS_POLICY}) or null for no requirement
     * @throws ForbiddenException when it is not allowed
     */
    public String authorize(Caller caller, Scope scope, Requirement requirement) {
        if (requirement instanceof Requirement.None) {
            return null;
        }
        if (requirement instanceof Requirement.Action a) {
            Decision d = engine.decideAction(caller.objectId(), scope, a.action(), a.targetRoleId(), a.unconditional());
            if (!d.allowed()) {
                throw managementDenied(caller, a.action(), scope);
            }
            return BY_RBAC;
        }
        if (requirement instanceof Requirement.DataAction da) {
            return authorizeData(caller, scope, da);
        }
        if (requirement instanceof Requirement.AllOf all) {
            String by = null;
            for (Requirement r : all.all()) {
                by = authorize(caller, scope, r);
            }
            return by;
        }
        Requirement.AnyOf any = (Requirement.AnyOf) requirement;
        ForbiddenException first = null;
        for (Requirement r : any.any()) {
            try {
                return authorize(caller, scope, r);
            } catch (ForbiddenException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    private String authorizeData(Caller caller, Scope scope, Requirement.DataAction da) {
        DataPlaneVault vault = vaults.apply(scope).orElseThrow(() -> new ResourceNotFoundException("VaultNotFound", null,
                "The vault '" + scope.vaultName().orElse(scope.toString()) + "' does not exist or has been deleted."));
        if (vault.permissionModel() == PermissionModel.ACCESS_POLICY) {
            if (!vault.accessPolicyAllows(caller, da.policyArea(), da.policyPermission())) {
                throw new ForbiddenException("Forbidden", "ForbiddenByPolicy",
                        "The user, group or application '" + claims(caller) + "' does not have " + da.policyArea() + " "
                                + da.policyPermission() + " permission on key vault '" + vault.name() + ";location="
                                + vault.location() + "'. For help resolving this issue, please see "
                                + "https://go.microsoft.com/fwlink/?linkid=2125287");
            }
            return BY_ACCESS_POLICY;
        }
        Decision d = engine.decideDataAction(caller.objectId(), scope, da.dataAction());
        if (!d.allowed()) {
            throw new ForbiddenException("Forbidden", "ForbiddenByRbac",
                    "Caller is not authorized to perform action on resource.\r\n"
                            + "If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n"
                            + "Caller: " + claims(caller) + "\r\n"
                            + "Action: '" + da.dataAction() + "'\r\n"
                            + "Resource: '" + scope.normalized() + "'\r\n"
                            + "Assignment: (not found)\r\n"
                            + "DenyAssignmentId: null\r\n"
                            + "DecisionReason: 'DeniedWithNoValidRBAC' \r\n"
                            + "Vault: " + vault.name() + ";location=" + vault.location() + "\r\n");
        }
        return BY_RBAC;
    }

    /**
     * @param caller the caller
     * @return Key Vault's caller description: {@code appid=...;oid=...;iss=https://sts.windows.net/{tenant}/}
     */
    public static String claims(Caller caller) {
        Principal p = caller.principal();
        return "appid=" + (caller.applicationId() == null ? "" : caller.applicationId()) + ";oid=" + p.objectId()
                + ";iss=https://sts.windows.net/" + p.tenantId() + "/";
    }

    /**
     * @param caller the caller
     * @param action the action it lacks
     * @param scope  where it lacks it
     * @return ARM's denial
     */
    public static ForbiddenException managementDenied(Caller caller, String action, Scope scope) {
        Principal p = caller.principal();
        String client = p.type() == PrincipalType.USER || p.applicationId() == null ? p.displayName() : p.applicationId();
        return new ForbiddenException("AuthorizationFailed", null,
                "The client '" + client + "' with object id '" + p.objectId()
                        + "' does not have authorization to perform action '" + action + "' over scope '" + scope
                        + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }
}
