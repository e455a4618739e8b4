package dev.coffer.vault.core.internal.pipeline;

import dev.coffer.vault.PermissionModel;

/**
 * What the authorizer needs to know about the vault a data-plane call addresses.
 */
public interface DataPlaneVault {
    /** @return the vault name */
    String name();

    /** @return the vault's location name, for Key Vault's denial messages */
    String location();

    /** @return the vault's current permission model */
    PermissionModel permissionModel();

    /**
     * Evaluates the vault's access policies.
     *
     * @param caller     the resolved caller
     * @param area       {@code keys}, {@code secrets}, {@code certificates} or {@code storage}
     * @param permission the permission, such as {@code get}
     * @return whether an entry grants it
     */
    boolean accessPolicyAllows(Caller caller, String area, String permission);
}
