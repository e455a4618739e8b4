package dev.coffer.vault;

import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.secrets.SecretClient;

/**
 * A handle on one vault, obtained from a {@link VaultManager}. It carries the vault's identity and
 * the properties seen when the handle was made; every data-plane client made from it looks the
 * vault up again on each call, so a deleted vault stops answering at once.
 *
 * <pre>{@code
 * Vault vault = mgmt.getVault("kv-billing");
 * SecretClient secrets = vault.secretClient(app);
 * }</pre>
 */
public interface Vault {

    /** @return the vault name */
    String name();

    /** @return the vault's resource ID, the scope for role assignments on it */
    Scope scope();

    /** @return {@code https://{name}.vault.azure.net/} */
    String vaultUri();

    /** @return the properties as they were when this handle was made */
    VaultProperties properties();

    /**
     * @param caller the principal to act as
     * @return the vault's secrets, as {@code caller}
     */
    SecretClient secretClient(Principal caller);

    /**
     * @param context the caller and request metadata
     * @return the vault's secrets, in that context
     */
    SecretClient secretClient(RequestContext context);

    /**
     * @param caller the principal to act as
     * @return the vault's keys, as {@code caller}
     */
    KeyClient keyClient(Principal caller);

    /**
     * @param context the caller and request metadata
     * @return the vault's keys, in that context
     */
    KeyClient keyClient(RequestContext context);
}
