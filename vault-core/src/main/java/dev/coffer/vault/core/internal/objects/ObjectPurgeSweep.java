package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.platform.PlatformImpl;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.vaults.VaultEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sweep's object purge: every deleted secret, key and certificate of an active vault whose
 * retention has passed is purged as the platform principal, audited under its type's purge name.
 * (A deleted vault's objects go with the vault.) Idempotent: a purge is a remove-if-same.
 */
public final class ObjectPurgeSweep implements PlatformImpl.ObjectPurgeTask {
    private static final Map<ObjectKind, DataOperation> PURGE = Map.of(
            ObjectKind.SECRET, DataOperation.SECRET_PURGE,
            ObjectKind.KEY, DataOperation.KEY_PURGE,
            ObjectKind.CERTIFICATE, DataOperation.CERTIFICATE_PURGE);

    private final Services services;

    /** @param services the platform */
    public ObjectPurgeSweep(Services services) {
        this.services = services;
    }

    @Override
    public int run(Instant now) {
        int purged = 0;
        for (VaultEntry vault : services.vaults().all().values()) {
            if (vault.deleted()) {
                continue;
            }
            VaultObjects objects = vault.contents().part(VaultObjects.class, VaultObjects::new);
            for (ObjectStore<?> store : objects.all()) {
                purged += sweep(store, vault, now);
            }
        }
        return purged;
    }

    private <P extends Payload> int sweep(ObjectStore<P> store, VaultEntry vault, Instant now) {
        List<ObjectEntry<P>> due = new ArrayList<>();
        for (ObjectEntry<P> e : store.entries()) {
            if (e.expired(now)) {
                due.add(e);
            }
        }
        int n = 0;
        for (ObjectEntry<P> e : due) {
            if (ObjectLifecycle.purgeAsSystem(services, store, e, PURGE.get(store.kind()), vault)) {
                n++;
            }
        }
        return n;
    }
}
