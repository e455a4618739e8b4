package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.core.internal.vaults.VaultContents;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A vault's object stores, one per type, sharing the vault-wide version sequence and the name
 * reservation rule (a certificate's name is taken among keys and secrets). Lives in the vault's
 * {@link VaultContents}, so it moves with the vault through soft delete and recovery.
 */
public final class VaultObjects implements VaultContents.Destroyable {
    private final AtomicLong sequence = new AtomicLong();
    private final Map<ObjectKind, ObjectStore<?>> stores = new EnumMap<>(ObjectKind.class);

    /** Creates the three stores. */
    public VaultObjects() {
        NameReservation certificatesClaimNames = (kind, name) -> {
            if (kind != ObjectKind.CERTIFICATE) {
                ObjectStore<?> certs = stores.get(ObjectKind.CERTIFICATE);
                if (certs != null && certs.get(name).isPresent()) {
                    throw new dev.coffer.vault.ConflictException("Conflict", null, "The name '" + name
                            + "' belongs to a certificate, which owns the " + kind.noun() + " of that name.");
                }
            }
        };
        for (ObjectKind kind : ObjectKind.values()) {
            stores.put(kind, new ObjectStore<>(kind, sequence, certificatesClaimNames));
        }
    }

    /**
     * @param kind the object type
     * @param <P>  its payload type, as the caller knows it
     * @return the store of that type
     */
    @SuppressWarnings("unchecked")
    public <P extends Payload> ObjectStore<P> store(ObjectKind kind) {
        return (ObjectStore<P>) stores.get(kind);
    }

    /** @return every store */
    public Iterable<ObjectStore<?>> all() {
        return stores.values();
    }

    @Override
    public void destroy() {
        for (ObjectStore<?> s : stores.values()) {
            s.destroy();
        }
    }
}
