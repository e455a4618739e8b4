package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.core.internal.lifecycle.RetentionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One object name's state: its versions and name-level metadata, active, soft-deleted or being
 * recovered. Immutable; changes are compare-and-set of a new entry with a higher revision.
 *
 * @param name               the name in the case of its first version
 * @param revision           increases with every change
 * @param state              active, deleted or recovering
 * @param versions           every version, ordered by sequence (the last is the latest)
 * @param meta               name-level metadata of the object type (a rotation policy, ...), or null
 * @param deletedOn          when it was deleted, or null
 * @param scheduledPurgeDate when it will be purged, or null
 * @param <P>                the payload type
 */
public record ObjectEntry<P extends Payload>(String name, long revision, State state, List<ObjectVersion<P>> versions,
                                             Object meta, Instant deletedOn, Instant scheduledPurgeDate) {

    /** The lifecycle states of an object name. */
    public enum State {
        /** Readable and writable. */
        ACTIVE,
        /** Soft-deleted: only get-deleted, recover and purge. */
        DELETED,
        /** A recover is in flight: other recovers and writes get 409. */
        RECOVERING
    }

    /** Validates and copies. */
    public ObjectEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        versions = List.copyOf(versions);
    }

    /**
     * @param name  the name
     * @param first its first version
     * @param <P>   the payload type
     * @return a new active entry
     */
    public static <P extends Payload> ObjectEntry<P> create(String name, ObjectVersion<P> first) {
        return new ObjectEntry<>(name, 0, State.ACTIVE, List.of(first), null, null, null);
    }

    /** @return the latest version */
    public ObjectVersion<P> latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * @param version a version id, case-insensitive; null or empty for the latest
     * @return that version
     */
    public Optional<ObjectVersion<P>> version(String version) {
        if (version == null || version.isEmpty()) {
            return Optional.of(latest());
        }
        for (ObjectVersion<P> v : versions) {
            if (v.version().equalsIgnoreCase(version)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * @param v a new version
     * @return a copy with it appended
     */
    public ObjectEntry<P> withVersion(ObjectVersion<P> v) {
        List<ObjectVersion<P>> next = new ArrayList<>(versions.size() + 1);
        next.addAll(versions);
        next.add(v);
        return new ObjectEntry<>(name, revision + 1, state, next, meta, deletedOn, scheduledPurgeDate);
    }

    /**
     * @param v a changed version (same id)
     * @return a copy with it replaced
     */
    public ObjectEntry<P> replacing(ObjectVersion<P> v) {
        List<ObjectVersion<P>> next = new ArrayList<>(versions.size());
        for (ObjectVersion<P> old : versions) {
            next.add(old.version().equals(v.version()) ? v : old);
        }
        return new ObjectEntry<>(name, revision + 1, state, next, meta, deletedOn, scheduledPurgeDate);
    }

    /**
     * @param nextMeta new name-level metadata
     * @return a copy with it
     */
    public ObjectEntry<P> withMeta(Object nextMeta) {
        return new ObjectEntry<>(name, revision + 1, state, versions, nextMeta, deletedOn, scheduledPurgeDate);
    }

    /**
     * @param now    when it is deleted
     * @param policy the vault's retention
     * @return the soft-deleted copy
     */
    public ObjectEntry<P> softDeleted(Instant now, RetentionPolicy policy) {
        Instant at = ObjectAttributes.seconds(now);
        return new ObjectEntry<>(name, revision + 1, State.DELETED, versions, meta, at, policy.scheduledPurgeDate(at));
    }

    /** @return the copy marking a recover in flight */
    public ObjectEntry<P> recovering() {
        return new ObjectEntry<>(name, revision + 1, State.RECOVERING, versions, meta, deletedOn, scheduledPurgeDate);
    }

    /** @return the recovered, active copy */
    public ObjectEntry<P> recovered() {
        return new ObjectEntry<>(name, revision + 1, State.ACTIVE, versions, meta, null, null);
    }

    /**
     * @param now the current time
     * @return whether this is a deleted entry whose retention has passed
     */
    public boolean expired(Instant now) {
        return state == State.DELETED && RetentionPolicy.expired(now, scheduledPurgeDate);
    }

    /** Destroys every version's payload. */
    public void destroy() {
        for (ObjectVersion<P> v : versions) {
            v.payload().destroy();
        }
    }
}
