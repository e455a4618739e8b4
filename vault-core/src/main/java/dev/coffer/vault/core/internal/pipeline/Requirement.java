package dev.coffer.vault.core.internal.pipeline;

import java.util.List;

/**
 * What a call must be allowed to do, in Azure's own action strings. The pipeline hands it to the
 * {@link Authorizer}; nothing else decides access.
 */
public sealed interface Requirement {

    /** Nothing to check: platform-internal work (the sweep) and directory administration. */
    record None() implements Requirement {
    }

    /**
     * A management-plane (ARM) action, always decided by RBAC.
     *
     * @param action        such as {@code Microsoft.KeyVault/vaults/write}
     * @param targetRoleId  for role assignment writes and deletes, the role concerned (ABAC conditions read it)
     * @param unconditional true if a grant limited by an ABAC condition does not count
     */
    record Action(String action, String targetRoleId, boolean unconditional) implements Requirement {
    }

    /**
     * A data-plane action: an RBAC data action for RBAC vaults, an access-policy permission for
     * access-policy vaults.
     *
     * @param dataAction       such as {@code Microsoft.KeyVault/vaults/secrets/getSecret/action}
     * @param policyArea       {@code keys}, {@code secrets}, {@code certificates} or {@code storage}
     * @param policyPermission such as {@code get}
     */
    record DataAction(String dataAction, String policyArea, String policyPermission) implements Requirement {
    }

    /**
     * Every one of the requirements.
     *
     * @param all the requirements
     */
    record AllOf(List<Requirement> all) implements Requirement {
    }

    /**
     * Any one of the requirements; a denial names the first.
     *
     * @param any the requirements
     */
    record AnyOf(List<Requirement> any) implements Requirement {
    }

    /** @return no requirement */
    static Requirement none() {
        return new None();
    }

    /**
     * @param action a management action
     * @return the requirement
     */
    static Requirement action(String action) {
        return new Action(action, null, false);
    }

    /**
     * @param dataAction       the RBAC data action
     * @param policyArea       the access-policy area
     * @param policyPermission the access-policy permission
     * @return the requirement
     */
    static Requirement data(String dataAction, String policyArea, String policyPermission) {
        return new DataAction(dataAction, policyArea, policyPermission);
    }

    /**
     * @param all requirements
     * @return all of them
     */
    static Requirement allOf(Requirement... all) {
        return new AllOf(List.of(all));
    }

    /**
     * @param any requirements
     * @return any of them
     */
    static Requirement anyOf(Requirement... any) {
        return new AnyOf(List.of(any));
    }
}
