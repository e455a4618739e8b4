package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.RequestContext;
import dev.coffer.vault.core.internal.lifecycle.SweepTask;
import dev.coffer.vault.core.internal.objects.ObjectEntry;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.objects.ObjectStore;
import dev.coffer.vault.core.internal.objects.ObjectVersion;
import dev.coffer.vault.core.internal.objects.VaultObjects;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.vaults.VaultEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sweep's key work, run as the platform principal:
 * <ul>
 *   <li>a key whose Rotate trigger is due is rotated <em>once</em>, with the sweep's time as the new version's
 *       creation, however far the clock jumped (the next trigger then counts from that version), audited as
 *       {@code KeyRotateIfDue};</li>
 *   <li>each key version whose Notify trigger (the policy's, or Azure's default of 30 days before expiry) is
 *       due gets one {@code KeyNearExpiryEventGridNotification} event, remembered in the key's metadata so it
 *       is never recorded twice.</li>
 * </ul>
 * Both are compare-and-set on the key entry, so the task is idempotent; reads never do either.
 */
public final class KeyRotationSweep implements SweepTask {
    /** Audit name of a scheduled rotation. */
    static final String ROTATE_IF_DUE = "KeyRotateIfDue";
    /** Audit name of a near-expiry notice. */
    static final String NEAR_EXPIRY = "KeyNearExpiryEventGridNotification";

    private final Services services;

    /** @param services the platform */
    public KeyRotationSweep(Services services) {
        this.services = services;
    }

    @Override
    public int run(Instant now) {
        int acted = 0;
        for (VaultEntry vault : services.vaults().all().values()) {
            if (vault.deleted()) {
                continue;
            }
            ObjectStore<KeyPayload> store = vault.contents().part(VaultObjects.class, VaultObjects::new)
                    .store(ObjectKind.KEY);
            for (ObjectEntry<KeyPayload> e : new ArrayList<>(store.entries())) {
                if (e.state() != ObjectEntry.State.ACTIVE) {
                    continue;
                }
                acted += rotateIfDue(vault, store, e, now);
                ObjectEntry<KeyPayload> current = store.active(e.name()).orElse(null);
                if (current != null) {
                    acted += notifyIfDue(vault, store, current, now);
                }
            }
        }
        return acted;
    }

    private int rotateIfDue(VaultEntry vault, ObjectStore<KeyPayload> store, ObjectEntry<KeyPayload> e, Instant now) {
        ObjectVersion<KeyPayload> latest = e.latest();
        Instant due = KeyMeta.of(e.meta()).effectivePolicy().rotationDue(latest.attributes().created(),
                latest.attributes().expiresOn());
        if (due == null || now.isBefore(due)) {
            return 0;
        }
        Boolean rotated = asSystem(vault, e.name(), null, ROTATE_IF_DUE,
                () -> KeyRotation.rotate(services, store, e, now, true) != null);
        return Boolean.TRUE.equals(rotated) ? 1 : 0;
    }

    private int notifyIfDue(VaultEntry vault, ObjectStore<KeyPayload> store, ObjectEntry<KeyPayload> e, Instant now) {
        KeyMeta meta = KeyMeta.of(e.meta());
        IsoPeriod notify = meta.effectivePolicy().notifyBeforeExpiry();
        if (notify == null) {
            return 0;
        }
        Set<String> due = new LinkedHashSet<>();
        for (ObjectVersion<KeyPayload> v : e.versions()) {
            Instant exp = v.attributes().expiresOn();
            if (exp != null && !meta.notified().contains(v.version()) && !now.isBefore(notify.before(exp))) {
                due.add(v.version());
            }
        }
        if (due.isEmpty() || !store.replace(e, e.withMeta(meta.withNotified(due)))) {
            return 0;
        }
        for (String version : due) {
            asSystem(vault, e.name(), version, NEAR_EXPIRY, () -> Boolean.TRUE);
        }
        return due.size();
    }

    private Boolean asSystem(VaultEntry vault, String name, String version, String auditName,
                             java.util.function.Supplier<Boolean> body) {
        String url = "https://" + vault.name().toLowerCase(Locale.ROOT) + ".vault.azure.net/keys/" + name
                + (version == null ? "" : "/" + version);
        try {
            return services.pipeline().run(RequestContext.of(services.directory().system()).withClientInfo("coffer-sweep"),
                    Operation.<Boolean>named(auditName)
                            .authorize(vault.properties().id().child(ObjectKind.KEY.collection(), name), Requirement.none())
                            .auditResource(vault.properties().id().toString())
                            .requestObject(url)
                            .execute(c -> body.get()));
        } catch (RuntimeException failed) {
            // Already audited by the pipeline; one key's failure must not stop the sweep for the others.
            return Boolean.FALSE;
        }
    }
}
