package dev.coffer.vault;

/**
 * How a vault's data plane is authorized. The management plane is always Azure RBAC.
 * Switching between the two needs {@code Microsoft.KeyVault/vaults/write} and an unconditional
 * {@code Microsoft.Authorization/roleAssignments/write}.
 */
public enum PermissionModel {
    /** Azure RBAC data actions decide (ARM {@code enableRbacAuthorization: true}); Coffer's default. */
    RBAC,
    /** The vault's access policies decide; RBAC data roles are ignored. */
    ACCESS_POLICY
}
