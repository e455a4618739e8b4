package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.core.internal.vaults.VaultContents;
import java.time.Instant;
import java.util.Locale;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Consumer;

/**
 * One object type's names in one vault: an ordered map of immutable {@link ObjectEntry} values,
 * changed only by compare-and-set. A name is reserved while active, deleted or being recovered.
 * "Latest" is the version with the highest vault-wide sequence number, never a timestamp.
 *
 * @param <P> the payload type
 */
public final class ObjectStore<P extends Payload> implements VaultContents.Destroyable {
    private final ObjectKind kind;
    private final AtomicLong sequence;
    private final NameReservation reservation;
    /** The source of truth: point reads and every compare-and-set go here, in constant time at any size. */
    private final ConcurrentHashMap<String, ObjectEntry<P>> entries = new ConcurrentHashMap<>();
    /**
     * The names in order, for listings only. Added after an entry appears and removed after it is
     * purged (then re-added if the name was taken again meanwhile), so a name present for a whole
     * listing is in it.
     */
    private final ConcurrentSkipListSet<String> order = new ConcurrentSkipListSet<>();

    /**
     * @param kind        the object type
     * @param sequence    the vault-wide version sequence
     * @param reservation other stores' claims on names (a certificate's name among keys and secrets)
     */
    public ObjectStore(ObjectKind kind, AtomicLong sequence, NameReservation reservation) {
        this.kind = kind;
        this.sequence = sequence;
        this.reservation = reservation;
    }

    /** @return the object type */
    public ObjectKind kind() {
        return kind;
    }

    /**
     * @param name an object name, any case
     * @return its key in the store
     */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a name
     * @return its entry in any state, possibly expired
     */
    public Optional<ObjectEntry<P>> get(String name) {
        return Optional.ofNullable(entries.get(key(name)));
    }

    /**
     * @param name a name
     * @return its active entry
     */
    public Optional<ObjectEntry<P>> active(String name) {
        return get(name).filter(e -> e.state() == ObjectEntry.State.ACTIVE);
    }

    /**
     * @param name a name
     * @param now  the current time
     * @return its deleted entry, unless the retention has passed
     */
    public Optional<ObjectEntry<P>> deleted(String name, Instant now) {
        return get(name).filter(e -> e.state() == ObjectEntry.State.DELETED && !e.expired(now));
    }

    /**
     * Adds a version, creating the name if it is free.
     *
     * @param name          the name (its case is kept if this creates it)
     * @param now           the current time
     * @param make          builds the version from its sequence number
     * @param purgeExpired  purges (audited) a deleted entry whose retention has passed, so the name is free
     * @return the entry as stored by this call, whose latest version is the new one
     * @throws dev.coffer.vault.ConflictException if the name is deleted-but-recoverable, being recovered or reserved
     */
    public ObjectEntry<P> addVersion(String name, Instant now, LongFunction<ObjectVersion<P>> make,
                                       Consumer<ObjectEntry<P>> purgeExpired) {
        String k = key(name);
        while (true) {
            ObjectEntry<P> current = entries.get(k);
            if (current == null) {
                reservation.check(kind, name);
                ObjectEntry<P> created = ObjectEntry.create(name, make.apply(sequence.incrementAndGet()));
                if (entries.putIfAbsent(k, created) == null) {
                    order.add(k);
                    return created;
                }
                continue;
            }
            switch (current.state()) {
                case DELETED -> {
                    if (!current.expired(now)) {
                        throw kind.deletedButRecoverable(current.name());
                    }
                    purgeExpired.accept(current);
                }
                case RECOVERING -> throw kind.beingRecovered(current.name());
                default -> {
                    ObjectEntry<P> next = current.withVersion(make.apply(sequence.incrementAndGet()));
                    if (entries.replace(k, current, next)) {
                        return next;
                    }
                }
            }
        }
    }

    /**
     * @param expected the entry as read
     * @param next     its replacement
     * @return whether the swap happened
     */
    public boolean replace(ObjectEntry<P> expected, ObjectEntry<P> next) {
        return entries.replace(key(expected.name()), expected, next);
    }

    /**
     * @param entry a new entry (a restore)
     * @return whether the name was free and now holds it
     */
    public boolean putIfAbsent(ObjectEntry<P> entry) {
        reservation.check(kind, entry.name());
        String k = key(entry.name());
        if (entries.putIfAbsent(k, entry) != null) {
            return false;
        }
        order.add(k);
        return true;
    }

    /**
     * Removes an entry and destroys its payloads, if the store still holds it.
     *
     * @param expected the entry as read
     * @return whether this call removed it
     */
    public boolean purge(ObjectEntry<P> expected) {
        String k = key(expected.name());
        if (!entries.remove(k, expected)) {
            return false;
        }
        order.remove(k);
        if (entries.containsKey(k)) {
            // Taken again between the two removals: keep it listable.
            order.add(k);
        }
        expected.destroy();
        return true;
    }

    /**
     * @param afterKey a key, or null to start at the beginning
     * @return the entries strictly after it, in key order, read lazily
     */
    public Iterable<Map.Entry<String, ObjectEntry<P>>> after(String afterKey) {
        Iterable<String> keys = afterKey == null ? order : order.tailSet(afterKey, false);
        return () -> new Iterator<>() {
            private final Iterator<String> it = keys.iterator();
            private Map.Entry<String, ObjectEntry<P>> next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    String k = it.next();
                    ObjectEntry<P> e = entries.get(k);
                    if (e != null) {
                        next = Map.entry(k, e);
                    }
                }
                return next != null;
            }

            @Override
            public Map.Entry<String, ObjectEntry<P>> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Map.Entry<String, ObjectEntry<P>> n = next;
                next = null;
                return n;
            }
        };
    }

    /** @return every entry, in no particular order (for sweeps) */
    public java.util.Collection<ObjectEntry<P>> entries() {
        return entries.values();
    }

    /** @return the next sequence number, for restored versions */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** @return how many names the store holds, in any state */
    public int size() {
        return entries.size();
    }

    @Override
    public void destroy() {
        for (ObjectEntry<P> e : entries.values()) {
            e.destroy();
        }
        entries.clear();
        order.clear();
    }
}
