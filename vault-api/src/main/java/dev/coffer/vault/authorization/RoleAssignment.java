package dev.coffer.vault.authorization;

import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.Scope;
import java.time.Instant;

/**
 * A role assignment: a role granted to a principal at a scope and everything below it.
 *
 * @param id               {@code {scope}/providers/Microsoft.Authorization/roleAssignments/{name}}
 * @param name             the assignment's GUID
 * @param scope            where it applies (and below)
 * @param roleDefinitionId the role granted
 * @param principalId      the object id of the user, group, service principal or managed identity
 * @param principalType    the kind of principal
 * @param createdOn        when it was made
 * @param createdBy        the object id of who made it
 */
public record RoleAssignment(String id, String name, Scope scope, String roleDefinitionId, String principalId,
                             PrincipalType principalType, Instant createdOn, String createdBy) {
}
