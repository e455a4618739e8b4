package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.core.internal.platform.Services;

/**
 * Makes {@link Vault} handles. One place, so that when data-plane clients join the handle every
 * path that returns a vault returns the same kind of handle.
 */
public final class VaultHandleFactory {
    private final Services services;

    /** @param services the platform */
    public VaultHandleFactory(Services services) {
        this.services = services;
    }

    /**
     * @param properties the vault's current properties
     * @return a handle
     */
    public Vault handle(VaultProperties properties) {
        return new VaultHandle(services, properties);
    }
}
