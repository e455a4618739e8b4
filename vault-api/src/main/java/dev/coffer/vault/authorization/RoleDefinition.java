package dev.coffer.vault.authorization;

import dev.coffer.vault.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A role definition: what a role grants, and where it may be assigned.
 *
 * @param id                    the role definition id (a GUID; Azure's own for built-in roles)
 * @param roleName              the role's name, such as {@code Key Vault Secrets User}
 * @param description           what the role is for
 * @param roleType              {@code BuiltInRole} or {@code CustomRole}
 * @param permissions           what it grants
 * @param assignableScopes      where it may be assigned; {@code /} for built-in roles
 * @param delegableRoleIds      for a role carrying an ABAC condition on role assignment
 *                              ({@code Key Vault Data Access Administrator}): the only role
 *                              definition ids its {@code roleAssignments/write} and {@code /delete}
 *                              may act on; null when the role has no such condition
 */
public record RoleDefinition(String id, String roleName, String description, String roleType,
                             Permission permissions, List<Scope> assignableScopes, Set<String> delegableRoleIds) {

    /** {@code roleType} of Azure's built-in roles. */
    public static final String BUILT_IN = "BuiltInRole";
    /** {@code roleType} of custom roles. */
    public static final String CUSTOM = "CustomRole";

    /** Validates and copies the components. */
    public RoleDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(permissions, "permissions");
        assignableScopes = List.copyOf(assignableScopes);
        delegableRoleIds = delegableRoleIds == null ? null : Set.copyOf(delegableRoleIds);
    }

    /** @return the restriction on which roles this role may assign, if it carries one */
    public Optional<Set<String>> assignmentCondition() {
        return Optional.ofNullable(delegableRoleIds);
    }

    /** @return true for Azure's built-in roles */
    public boolean isBuiltIn() {
        return BUILT_IN.equals(roleType);
    }
}
