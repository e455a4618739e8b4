package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.Page;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.backup.BackupCodec;
import dev.coffer.vault.core.internal.lifecycle.RetentionPolicy;
import dev.coffer.vault.core.internal.pipeline.Charge;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.util.Pages;
import dev.coffer.vault.core.internal.util.Tokens;
import dev.coffer.vault.core.internal.vaults.VaultEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The object lifecycle shared by secrets, keys and certificates: listing, soft delete, get and list
 * deleted, recover, purge, backup and restore. Written once; each type's client supplies its
 * mapping-table rows, its payload codec, and how to turn entries into its own models.
 *
 * @param <P> the payload type
 */
public final class ObjectLifecycle<P extends Payload> {
    /** Azure refuses to back up an object with more versions than this. */
    public static final int MAX_BACKUP_VERSIONS = 500;

    /**
     * The mapping-table rows of one type's lifecycle calls.
     *
     * @param list         list latest of each name
     * @param listVersions list the versions of one name
     * @param delete       soft delete
     * @param getDeleted   get a deleted object
     * @param listDeleted  list deleted objects
     * @param recover      recover
     * @param purge        purge
     * @param backup       backup
     * @param restore      restore
     */
    public record Operations(DataOperation list, DataOperation listVersions, DataOperation delete,
                             DataOperation getDeleted, DataOperation listDeleted, DataOperation recover,
                             DataOperation purge, DataOperation backup, DataOperation restore) {
    }

    private final DataPlane plane;
    private final ObjectKind kind;
    private final Operations ops;
    private final PayloadCodec<P> codec;
    private final BiFunction<DataOperation, String, Charge> charges;

    /**
     * @param plane the vault and caller
     * @param kind  the object type
     * @param ops   its mapping-table rows
     * @param codec its backup codec
     */
    public ObjectLifecycle(DataPlane plane, ObjectKind kind, Operations ops, PayloadCodec<P> codec) {
        this(plane, kind, ops, codec, null);
    }

    /**
     * @param plane   the vault and caller
     * @param kind    the object type
     * @param ops     its mapping-table rows
     * @param codec   its backup codec
     * @param charges the throttle charge of a call on one named object (keys weigh by the key addressed), or
     *                null for {@link DataPlane#defaultCharge}; listings and restore always take the default
     */
    public ObjectLifecycle(DataPlane plane, ObjectKind kind, Operations ops, PayloadCodec<P> codec,
                           BiFunction<DataOperation, String, Charge> charges) {
        this.plane = plane;
        this.kind = kind;
        this.ops = ops;
        this.codec = codec;
        this.charges = charges;
    }

    /** The charge of a call on one named object, computed when the throttle stage runs. */
    private Supplier<Charge> charge(DataOperation operation, String name) {
        return charges == null ? () -> DataPlane.defaultCharge(operation) : () -> charges.apply(operation, name);
    }

    /** @return the vault's store of this type */
    public ObjectStore<P> store() {
        return plane.objects().store(kind);
    }

    /**
     * A purge callback for writes that find a name held by an expired deleted entry.
     *
     * @return the callback
     */
    public java.util.function.Consumer<ObjectEntry<P>> expiredPurger() {
        return entry -> purgeAsSystem(plane.services(), store(), entry, ops.purge(), plane.vault());
    }

    /**
     * Purges an expired deleted entry as the platform principal, audited under the type's purge name.
     *
     * @param services the platform
     * @param store    the store holding it
     * @param entry    the expired entry
     * @param purgeOp  the type's purge row
     * @param vault    the vault
     * @param <P>      the payload type
     * @return whether this call purged it
     */
    public static <P extends Payload> boolean purgeAsSystem(Services services, ObjectStore<P> store, ObjectEntry<P> entry,
                                                           DataOperation purgeOp, VaultEntry vault) {
        String url = "https://" + vault.name().toLowerCase(java.util.Locale.ROOT) + ".vault.azure.net/"
                + store.kind().deletedCollection() + "/" + entry.name();
        return services.pipeline().run(RequestContext.of(services.directory().system()).withClientInfo("coffer-sweep"),
                Operation.<Boolean>named(purgeOp.auditName())
                        .authorize(vault.properties().id().child(store.kind().collection(), entry.name()), Requirement.none())
                        .auditResource(vault.properties().id().toString())
                        .requestObject(url)
                        .successStatus(204)
                        .execute(c -> store.purge(entry)));
    }

    /**
     * A page of the latest version of each active name.
     *
     * @param token    continuation token or null
     * @param size     page size
     * @param map      turns an entry into the listed item
     * @param <T>      the item type
     * @return the page
     */
    public <T> Page<T> listLatest(String token, int size, Function<ObjectEntry<P>, T> map) {
        String listing = kind.collection();
        return plane.run(ops.list(), kind, null, () -> Tokens.decode(listing, token),
                c -> page(Tokens.decode(listing, token), size, listing,
                        e -> e.state() == ObjectEntry.State.ACTIVE, map));
    }

    /**
     * A page of deleted entries whose retention has not passed.
     *
     * @param token continuation token or null
     * @param size  page size
     * @param map   turns an entry into the listed item
     * @param <T>   the item type
     * @return the page
     */
    public <T> Page<T> listDeleted(String token, int size, Function<ObjectEntry<P>, T> map) {
        String listing = kind.deletedCollection();
        return plane.run(ops.listDeleted(), kind, null, () -> Tokens.decode(listing, token), c -> {
            Instant now = plane.now();
            return page(Tokens.decode(listing, token), size, listing,
                    e -> e.state() == ObjectEntry.State.DELETED && !e.expired(now), map);
        });
    }

    private <T> Page<T> page(String afterKey, int size, String listing, java.util.function.Predicate<ObjectEntry<P>> include,
                             Function<ObjectEntry<P>, T> map) {
        return Pages.page(store().after(afterKey), size, listing, include, map);
    }

    /**
     * A page of one name's versions, oldest first. Empty if the name is not active.
     *
     * @param name  the name
     * @param token continuation token or null
     * @param size  page size
     * @param map   turns a version of the entry into the listed item
     * @param <T>   the item type
     * @return the page
     */
    public <T> Page<T> listVersions(String name, String token, int size,
                                    java.util.function.BiFunction<ObjectEntry<P>, ObjectVersion<P>, T> map) {
        String listing = kind.collection() + "/" + ObjectStore.key(String.valueOf(name)) + "/versions";
        return plane.run(ops.listVersions(), kind, name, () -> {
            ObjectNames.validate(kind, name);
            Tokens.decode(listing, token);
        }, c -> {
            String after = Tokens.decode(listing, token);
            long afterSeq = after == null ? -1 : parseSequence(after);
            ObjectEntry<P> entry = store().active(name).orElse(null);
            List<T> items = new ArrayList<>(size);
            if (entry == null) {
                return new Page<>(items, null);
            }
            for (ObjectVersion<P> v : entry.versions()) {
                if (v.sequence() <= afterSeq) {
                    continue;
                }
                if (items.size() == size) {
                    return new Page<>(items, Tokens.encode(listing, Long.toString(afterSeq)));
                }
                items.add(map.apply(entry, v));
                afterSeq = v.sequence();
            }
            return new Page<>(items, null);
        });
    }

    private static long parseSequence(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadParameterException("BadParameter", null, "The continuation token ($skiptoken) is not valid.");
        }
    }

    /**
     * Soft-deletes a name with all its versions.
     *
     * @param name the name
     * @return the deleted entry
     */
    public ObjectEntry<P> delete(String name) {
        return plane.run(ops.delete(), kind, name, () -> ObjectNames.validate(kind, name), c -> {
            RetentionPolicy policy = plane.retention();
            while (true) {
                ObjectEntry<P> current = store().active(name).orElseThrow(() -> kind.notFound(name));
                ObjectEntry<P> gone = current.softDeleted(plane.now(), policy);
                if (store().replace(current, gone)) {
                    return gone;
                }
            }
        }, charge(ops.delete(), name));
    }

    /**
     * @param name the name
     * @return the deleted entry
     */
    public ObjectEntry<P> getDeleted(String name) {
        return plane.run(ops.getDeleted(), kind, name, () -> ObjectNames.validate(kind, name),
                c -> store().deleted(name, plane.now()).orElseThrow(() -> kind.deletedNotFound(name)),
                charge(ops.getDeleted(), name));
    }

    /**
     * Recovers a deleted name. Two steps (deleted → recovering → active) so that concurrent
     * recovers see a recover in flight (409) and later ones find nothing to recover (404).
     *
     * @param name the name
     * @return the recovered entry
     */
    public ObjectEntry<P> recover(String name) {
        return plane.run(ops.recover(), kind, name, () -> ObjectNames.validate(kind, name), c -> {
            ObjectEntry<P> current = store().get(name).orElse(null);
            if (current != null && current.state() == ObjectEntry.State.RECOVERING) {
                throw kind.recoverConflict(name);
            }
            if (current == null || current.state() != ObjectEntry.State.DELETED || current.expired(plane.now())) {
                throw kind.deletedNotFound(name);
            }
            ObjectEntry<P> inFlight = current.recovering();
            if (!store().replace(current, inFlight)) {
                throw kind.recoverConflict(name);
            }
            ObjectEntry<P> back = inFlight.recovered();
            if (!store().replace(inFlight, back)) {
                throw new IllegalStateException("a recovering entry changed under its recover");
            }
            return back;
        }, charge(ops.recover(), name));
    }

    /**
     * Purges a deleted name irreversibly, if the vault's purge protection allows it now.
     *
     * @param name the name
     */
    public void purge(String name) {
        plane.run(ops.purge(), kind, name, () -> ObjectNames.validate(kind, name), c -> {
            VaultEntry vault = plane.vault();
            ObjectEntry<P> current = store().deleted(name, plane.now()).orElseThrow(() -> kind.deletedNotFound(name));
            if (!vault.retention().purgeAllowed(plane.now(), current.scheduledPurgeDate())) {
                throw new ForbiddenException("Forbidden", "PurgeProtectionEnabled", "Operation \"purge\" is not allowed "
                        + "because purge protection is enabled for this vault. Key Vault service will automatically purge it "
                        + "after the retention period has passed.\r\nVault: " + vault.name() + ";location="
                        + vault.properties().location().name());
            }
            if (!store().purge(current)) {
                throw kind.deletedNotFound(name);
            }
            return null;
        }, charge(ops.purge(), name));
    }

    /**
     * Backs up every version of a name as a sealed blob.
     *
     * @param name the name
     * @return the blob
     */
    public byte[] backup(String name) {
        return plane.run(ops.backup(), kind, name, () -> ObjectNames.validate(kind, name), c -> {
            VaultEntry vault = plane.vault();
            ObjectEntry<P> entry = store().active(name).orElseThrow(() -> kind.notFound(name));
            if (entry.versions().size() > MAX_BACKUP_VERSIONS) {
                throw new BadParameterException("BadParameter", null, "The " + kind.noun() + " '" + name + "' has "
                        + entry.versions().size() + " versions; objects with more than " + MAX_BACKUP_VERSIONS
                        + " versions cannot be backed up.");
            }
            byte[] body = encode(entry);
            return new BackupCodec(plane.services().rootKey(), plane.services().ids().random())
                    .seal(vault.properties().subscriptionId(), vault.properties().location().geography(), kind, body);
        }, charge(ops.backup(), name));
    }

    /**
     * Restores a blob: checks it against this vault, then recreates every version with its id.
     *
     * @param blob the blob
     * @return the restored entry
     */
    public ObjectEntry<P> restore(byte[] blob) {
        return plane.run(ops.restore(), kind, null, () -> {
            if (blob == null || blob.length == 0) {
                throw new BadParameterException("BadParameter", null, "The backup blob is empty.");
            }
        }, c -> {
            VaultEntry vault = plane.vault();
            byte[] body = new BackupCodec(plane.services().rootKey(), plane.services().ids().random())
                    .open(vault.properties().subscriptionId(), vault.properties().location().geography(), kind, blob);
            ObjectEntry<P> restored;
            try {
                restored = decode(body);
            } finally {
                Arrays.fill(body, (byte) 0);
            }
            while (true) {
                ObjectEntry<P> held = store().get(restored.name()).orElse(null);
                if (held == null) {
                    if (store().putIfAbsent(restored)) {
                        return restored;
                    }
                    continue;
                }
                if (held.expired(plane.now())) {
                    expiredPurger().accept(held);
                    continue;
                }
                restored.destroy();
                throw kind.restoreConflict();
            }
        });
    }

    private byte[] encode(ObjectEntry<P> entry) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(entry.name());
            codec.writeMeta(out, entry.meta());
            out.writeInt(entry.versions().size());
            for (ObjectVersion<P> v : entry.versions()) {
                out.writeUTF(v.version());
                ObjectAttributes a = v.attributes();
                out.writeBoolean(a.enabled());
                writeTime(out, a.notBefore());
                writeTime(out, a.expiresOn());
                writeTime(out, a.created());
                writeTime(out, a.updated());
                writeNullable(out, v.contentType());
                out.writeBoolean(v.managed());
                out.writeInt(v.tags().size());
                for (Map.Entry<String, String> t : v.tags().entrySet()) {
                    out.writeUTF(t.getKey());
                    out.writeUTF(t.getValue());
                }
                codec.write(out, v.payload());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ObjectEntry<P> decode(byte[] body) {
        List<ObjectVersion<P>> versions = new ArrayList<>();
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            String name = in.readUTF();
            ObjectNames.validate(kind, name);
            Object meta = codec.readMeta(in);
            int count = in.readInt();
            if (count < 1 || count > MAX_BACKUP_VERSIONS) {
                throw malformed();
            }
            for (int i = 0; i < count; i++) {
                String version = in.readUTF();
                ObjectAttributes a = new ObjectAttributes(in.readBoolean(), readTime(in), readTime(in), readTime(in),
                        readTime(in));
                String contentType = readNullable(in);
                boolean managed = in.readBoolean();
                int tagCount = in.readInt();
                if (tagCount < 0 || tagCount > 15) {
                    throw malformed();
                }
                Map<String, String> tags = new LinkedHashMap<>();
                for (int t = 0; t < tagCount; t++) {
                    tags.put(in.readUTF(), in.readUTF());
                }
                versions.add(new ObjectVersion<>(version, store().nextSequence(), a, tags, contentType, managed, codec.read(in)));
            }
            if (in.available() != 0) {
                throw malformed();
            }
            return new ObjectEntry<>(name, 0, ObjectEntry.State.ACTIVE, versions, meta, null, null);
        } catch (IOException | RuntimeException e) {
            versions.forEach(v -> v.payload().destroy());
            if (e instanceof BadParameterException b) {
                throw b;
            }
            throw malformed();
        }
    }

    private static BadParameterException malformed() {
        return new BadParameterException("BadParameter", null, "The backup cannot be restored: its content is malformed.");
    }

    private static void writeTime(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t == null ? Long.MIN_VALUE : t.getEpochSecond());
    }

    private static Instant readTime(DataInputStream in) throws IOException {
        long s = in.readLong();
        return s == Long.MIN_VALUE ? null : Instant.ofEpochSecond(s);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
