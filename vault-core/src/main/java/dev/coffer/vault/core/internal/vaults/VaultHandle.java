package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Scope;
import dev.coffer.vault.core.internal.objects.DataPlane;
import dev.coffer.vault.core.internal.secrets.SecretClientImpl;
import dev.coffer.vault.secrets.SecretClient;
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
    public SecretClient secretClient(Principal caller) {
        return secretClient(RequestContext.of(caller));
    }

    @Override
    public SecretClient secretClient(RequestContext context) {
        return new SecretClientImpl(dataPlane(context));
    }

    @Override
    public dev.coffer.vault.keys.KeyClient keyClient(Principal caller) {
        return keyClient(RequestContext.of(caller));
    }

    @Override
    public dev.coffer.vault.keys.KeyClient keyClient(RequestContext context) {
        return new dev.coffer.vault.core.internal.keys.KeyClientImpl(dataPlane(context));
    }

    /**
     * @param context the caller
     * @return the data-plane context for this vault and caller
     */
    protected DataPlane dataPlane(RequestContext context) {
        return new DataPlane(services, properties.name(), java.util.Objects.requireNonNull(context, "context"));
    }

    @Override
    public String toString() {
        return "Vault(" + properties.name() + ", " + properties.id() + ")";
    }
}
