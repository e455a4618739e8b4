package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.RequestContext;
import dev.coffer.vault.core.internal.lifecycle.SweepTask;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Purging vaults: by a caller (through {@link VaultManagerImpl}) or by the platform when the
 * retention has passed (the sweep, and a create that finds the name held by an expired deleted
 * vault). The removal itself is written once, here.
 */
public final class VaultLifecycle implements SweepTask {
    private final Services services;

    /** @param services the platform */
    public VaultLifecycle(Services services) {
        this.services = services;
    }

    /**
     * Removes a deleted vault and destroys its contents, if the store still holds {@code entry}.
     *
     * @param entry the deleted vault as read
     * @return whether this call removed it (false if someone else did first)
     */
    boolean remove(VaultEntry entry) {
        if (!services.vaults().remove(entry)) {
            return false;
        }
        entry.contents().destroy();
        return true;
    }

    /**
     * Purges an expired deleted vault as the system principal, audited as {@code VaultPurge}.
     *
     * @param entry an expired deleted vault
     * @return whether this call purged it
     */
    public boolean purgeExpired(VaultEntry entry) {
        Operation<Boolean> op = Operation.<Boolean>named("VaultPurge")
                .authorize(entry.deletedScope(), Requirement.none())
                .requestObject(entry.properties().vaultUri())
                .execute(caller -> remove(entry));
        return services.pipeline().run(RequestContext.of(services.directory().system())
                .withClientInfo("coffer-sweep"), op);
    }

    @Override
    public int run(Instant now) {
        List<VaultEntry> due = new ArrayList<>();
        for (VaultEntry e : services.vaults().all().values()) {
            if (e.expired(now)) {
                due.add(e);
            }
        }
        int purged = 0;
        for (VaultEntry e : due) {
            if (purgeExpired(e)) {
                purged++;
            }
        }
        return purged;
    }
}
