package dev.coffer.vault.authorization;

import dev.coffer.vault.Scope;

/**
 * Why a principal may or may not perform an action at a scope.
 *
 * @param principalId    the principal asked about
 * @param scope          the scope
 * @param action         the action or data action
 * @param dataPlane      whether the action is a data action
 * @param model          {@code RBAC} or {@code AccessPolicy}: which model decided
 * @param allowed        the decision
 * @param roleAssignment the role assignment that granted it (RBAC), or null
 * @param roleName       that assignment's role name, or null
 * @param viaGroupId     the group the grant came through, or null if direct
 * @param accessPolicy   the access-policy entry that granted it, or null
 * @param reason         {@code Allowed}, {@code DeniedWithNoValidRBAC}, {@code NoMatchingAccessPolicy},
 *                       {@code RbacIgnoredUnderAccessPolicy} (a data role exists but the vault uses
 *                       access policies) or {@code AccessPolicyIgnoredUnderRbac}
 * @param detail         a sentence a person can read
 */
public record AccessExplanation(String principalId, Scope scope, String action, boolean dataPlane, String model,
                                boolean allowed, RoleAssignment roleAssignment, String roleName, String viaGroupId,
                                AccessPolicyEntry accessPolicy, String reason, String detail) {
}
