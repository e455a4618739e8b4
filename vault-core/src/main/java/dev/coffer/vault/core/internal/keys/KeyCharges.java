package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.objects.DataPlane;
import dev.coffer.vault.core.internal.objects.ObjectEntry;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.objects.ObjectVersion;
import dev.coffer.vault.core.internal.pipeline.Charge;
import dev.coffer.vault.keys.KeyType;
import java.util.Optional;

/**
 * What key calls cost the throttle (reference §9, §15.4). Creation, import and rotation draw on the
 * creation budget of the key's protection (10 HSM or 20 software per window); every other call on a key
 * draws on the 4,000-unit key budget at the weight of the key it addresses, found when the throttle stage
 * runs (after authorization), so a call on a key that does not exist costs the lightest weight.
 */
final class KeyCharges {
    private KeyCharges() {
    }

    /**
     * @param type the type of the key being made, or null if unknown (then counted as software)
     * @return one creation in the budget of that type's protection
     */
    static Charge create(KeyType type) {
        return new Charge(type != null && CryptoProviders.isHardware(type) ? Charge.Bucket.HSM_KEY_CREATES
                : Charge.Bucket.SOFTWARE_KEY_CREATES, 1);
    }

    /**
     * @param payload the key version a call uses
     * @return one key transaction at that key's weight
     */
    static Charge use(KeyPayload payload) {
        // The provider that holds the key says what an operation with it weighs.
        return new Charge(Charge.Bucket.KEY_TRANSACTIONS, Math.max(1, payload.provider().throttleWeight(payload.reference())));
    }

    /**
     * @param plane   the vault
     * @param name    the key addressed (active or deleted)
     * @param version the version, or null for the latest
     * @return the charge of a non-creating call on it
     */
    static Charge use(DataPlane plane, String name, String version) {
        return find(plane, name, version).map(KeyCharges::use)
                .orElseGet(() -> new Charge(Charge.Bucket.KEY_TRANSACTIONS, Charge.keyWeight(false, 0)));
    }

    /**
     * @param plane the vault
     * @param name  an existing key
     * @return one creation in the budget of that key's protection (a rotation makes a version of the same type)
     */
    static Charge rotate(DataPlane plane, String name) {
        return create(find(plane, name, null).map(KeyPayload::keyType).orElse(null));
    }

    /**
     * The lifecycle's single-object calls (delete, get deleted, recover, purge, backup) weigh by the key.
     *
     * @param plane     the vault
     * @param operation the call
     * @param name      the key
     * @return the charge
     */
    static Charge lifecycle(DataPlane plane, DataOperation operation, String name) {
        Charge base = DataPlane.defaultCharge(operation);
        return base.bucket() == Charge.Bucket.KEY_TRANSACTIONS ? use(plane, name, null) : base;
    }

    private static Optional<KeyPayload> find(DataPlane plane, String name, String version) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            Optional<ObjectEntry<KeyPayload>> entry = plane.objects().<KeyPayload>store(ObjectKind.KEY).get(name);
            return entry.flatMap(e -> e.version(version)).map(ObjectVersion::payload);
        } catch (RuntimeException e) {
            // The vault is gone (the call fails with 404 anyway): there is no key to weigh.
            return Optional.empty();
        }
    }
}
