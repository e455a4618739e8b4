package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.core.internal.objects.ObjectAttributes;
import dev.coffer.vault.core.internal.objects.ObjectEntry;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.objects.ObjectStore;
import dev.coffer.vault.core.internal.objects.ObjectVersion;
import dev.coffer.vault.core.internal.platform.Services;
import java.time.Instant;

/** Making a new key version from the latest one: written once for {@code rotateKey} and the sweep. */
final class KeyRotation {
    private KeyRotation() {
    }

    /**
     * Rotates a key: new material of the same type and size or curve, the latest version's operations and
     * tags, enabled, created now, expiring as the rotation policy's {@code expiresIn} says.
     *
     * @param services        the platform
     * @param store           the vault's key store
     * @param seen            the entry as read
     * @param now             the creation time of the new version
     * @param onlyIfUnchanged true for the sweep: add the version only if the entry is still {@code seen}, so
     *                        two sweeps never rotate twice; false for a caller's rotate, which retries
     * @return the entry with the new version, or null if {@code onlyIfUnchanged} and the entry changed
     */
    static ObjectEntry<KeyPayload> rotate(Services services, ObjectStore<KeyPayload> store, ObjectEntry<KeyPayload> seen,
                                          Instant now, boolean onlyIfUnchanged) {
        // Generate outside the compare-and-set loop: key generation is slow and must not repeat on a retry.
        KeyPayload material = KeyRules.rotate(seen.latest().payload());
        String version = services.ids().newVersionId();
        ObjectEntry<KeyPayload> current = seen;
        while (true) {
            ObjectVersion<KeyPayload> base = current.latest();
            Instant expires = KeyMeta.of(current.meta()).effectivePolicy().newVersionExpiry(now);
            ObjectVersion<KeyPayload> v = new ObjectVersion<>(version, store.nextSequence(),
                    new ObjectAttributes(true, null, expires, now, now), base.tags(), null, false,
                    material.withKeyOps(base.payload().keyOps()));
            ObjectEntry<KeyPayload> next = current.withVersion(v);
            if (store.replace(current, next)) {
                return next;
            }
            current = onlyIfUnchanged ? null : store.active(seen.name()).orElse(null);
            if (current == null) {
                material.destroy();
                if (onlyIfUnchanged) {
                    return null;
                }
                throw ObjectKind.KEY.notFound(seen.name());
            }
        }
    }
}
