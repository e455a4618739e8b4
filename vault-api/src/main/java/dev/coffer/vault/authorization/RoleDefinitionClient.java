package dev.coffer.vault.authorization;

import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.Scope;

/**
 * Role definitions, built-in and custom, managed as one caller. Creating or updating a custom role
 * needs {@code Microsoft.Authorization/roleDefinitions/write} at every one of its assignable scopes,
 * deleting it {@code .../roleDefinitions/delete}, reading it {@code .../roleDefinitions/read}.
 * Audited in the {@code Administrative} category.
 */
public interface RoleDefinitionClient {

    /**
     * Creates a custom role. Audited as {@code RoleDefinitionCreate}.
     *
     * @param options its name, permissions and assignable scopes
     * @return the role, with a new id
     * @throws dev.coffer.vault.BadParameterException if it has no assignable scope, a scope that does
     *                                                not exist or is the root, or no action at all
     * @throws dev.coffer.vault.ConflictException     if a role of that name exists
     */
    RoleDefinition create(CustomRoleOptions options);

    /**
     * Replaces a custom role's name, permissions and scopes. Audited as {@code RoleDefinitionUpdate}.
     *
     * @param roleDefinitionId the role's id
     * @param options          the new definition
     * @return the updated role
     */
    RoleDefinition update(String roleDefinitionId, CustomRoleOptions options);

    /**
     * Deletes a custom role that no assignment uses. Audited as {@code RoleDefinitionDelete}.
     *
     * @param roleDefinitionId the role's id
     */
    void delete(String roleDefinitionId);

    /**
     * Gets a role definition. Audited as {@code RoleDefinitionGet}.
     *
     * @param scope            where the caller reads it
     * @param roleDefinitionId the role's id
     * @return the role
     */
    RoleDefinition get(Scope scope, String roleDefinitionId);

    /**
     * Lists the roles assignable at a scope: every built-in role and the custom roles whose
     * assignable scopes cover it. Audited as {@code RoleDefinitionList}.
     *
     * @param scope the scope
     * @return the roles
     */
    PagedIterable<RoleDefinition> list(Scope scope);
}
