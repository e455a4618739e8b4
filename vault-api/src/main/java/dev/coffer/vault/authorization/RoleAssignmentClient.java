package dev.coffer.vault.authorization;

import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Scope;

/**
 * Role assignments, managed as one caller. Creating needs
 * {@code Microsoft.Authorization/roleAssignments/write} at the scope, deleting
 * {@code .../roleAssignments/delete}, reading {@code .../roleAssignments/read}. A role carrying an
 * assignment condition (Key Vault Data Access Administrator) may only assign or remove the roles
 * its condition names. Changes take effect on the very next call.
 *
 * <pre>{@code
 * mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_USER, app);
 * }</pre>
 */
public interface RoleAssignmentClient {

    /**
     * Assigns a role. Audited as {@code RoleAssignmentCreate} (category Administrative).
     *
     * @param scope     the subscription, resource group, vault or object scope
     * @param role      the role
     * @param principal who receives it
     * @return the assignment
     * @throws dev.coffer.vault.ConflictException    if the same role is already assigned to the principal at the scope
     * @throws dev.coffer.vault.BadParameterException if the scope is outside the role's assignable scopes
     */
    RoleAssignment create(Scope scope, RoleDefinition role, Principal principal);

    /**
     * Gets an assignment. Audited as {@code RoleAssignmentGet}.
     *
     * @param assignmentId the assignment's id
     * @return the assignment
     */
    RoleAssignment get(String assignmentId);

    /**
     * Lists the assignments that apply at a scope (at it or an ancestor) or below it. Audited as
     * {@code RoleAssignmentList} per page.
     *
     * @param scope the scope
     * @return the assignments
     */
    PagedIterable<RoleAssignment> list(Scope scope);

    /**
     * Removes an assignment. Audited as {@code RoleAssignmentDelete}.
     *
     * @param assignmentId the assignment's id
     * @return the removed assignment
     */
    RoleAssignment delete(String assignmentId);
}
