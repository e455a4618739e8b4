package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.Scope;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.core.internal.platform.Services;

/**
 * A {@link Vault} handle: identity plus the properties seen when it was made. Data-plane clients
 * made from it look the vault up again on every call.
 */
public class VaultHandle implements Vault {
    private final Services services;
    private final VaultProperties properties;

    /**
     * @param services   the platform
     * @param properties the vault's properties at the time
     */
    public VaultHandle(Services services, VaultProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    /** @return the platform this vault lives in */
    protected Services services() {
        return services;
    }

    @Override
    public String name() {
        return properties.name();
    }

    @Override
    public Scope scope() {
        return properties.id();
    }

    @Override
    public String vaultUri() {
        return properties.vaultUri();
    }

    @Override
    public VaultProperties properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "Vault(" + properties.name() + ", " + properties.id() + ")";
    }
}
