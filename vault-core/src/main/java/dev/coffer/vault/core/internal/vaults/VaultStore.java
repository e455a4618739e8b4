package dev.coffer.vault.core.internal.vaults;

import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every vault name on the platform, active or soft-deleted, in one ordered map: a name is reserved
 * by either state, so create-if-absent gives exactly one winner among concurrent creates. The store
 * offers primitives (create-if-absent, compare-and-set, remove-if-same), never locks; ordering by
 * lower-case name makes listings stable for continuation tokens.
 */
public final class VaultStore {
    private final ConcurrentSkipListMap<String, VaultEntry> byName = new ConcurrentSkipListMap<>();

    /**
     * @param name a vault name, any case
     * @return its key in the store
     */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a vault name
     * @return its entry, active or deleted, possibly expired
     */
    public Optional<VaultEntry> get(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /**
     * @param key a vault name already in store-key form ({@link #key})
     * @return its entry, active or deleted, or null
     */
    public VaultEntry byKey(String key) {
        return byName.get(key);
    }

    /**
     * @param entry a new entry
     * @return the entry already holding the name, or null if this one was stored
     */
    public VaultEntry putIfAbsent(VaultEntry entry) {
        return byName.putIfAbsent(key(entry.name()), entry);
    }

    /**
     * @param expected the entry the caller read
     * @param next     its replacement
     * @return whether the store still held {@code expected} and now holds {@code next}
     */
    public boolean replace(VaultEntry expected, VaultEntry next) {
        return byName.replace(key(expected.name()), expected, next);
    }

    /**
     * @param expected the entry the caller read
     * @return whether the store still held it and it is now removed
     */
    public boolean remove(VaultEntry expected) {
        return byName.remove(key(expected.name()), expected);
    }

    /**
     * @param afterKey a key, or null to start at the beginning
     * @return the entries strictly after it, in key order
     */
    public NavigableMap<String, VaultEntry> after(String afterKey) {
        return afterKey == null ? byName : byName.tailMap(afterKey, false);
    }

    /** @return every entry, in key order */
    public Map<String, VaultEntry> all() {
        return byName;
    }
}
