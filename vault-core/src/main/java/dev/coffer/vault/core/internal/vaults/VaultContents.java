package dev.coffer.vault.core.internal.vaults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a vault holds (its secret, key and certificate stores), kept apart from its properties so
 * that soft-deleting and recovering the vault moves the contents in one step: the entry changes
 * state, the contents object stays the same.
 */
public final class VaultContents {

    /** A part of the contents that must release resources (clear secret bytes, destroy keys) on purge. */
    public interface Destroyable {
        /** Destroys what the part holds; called once, when the vault is purged. */
        void destroy();
    }

    private final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();

    /**
     * @param type   the part's class
     * @param create makes the part on first use
     * @param <T>    the part type
     * @return the vault's part of that type
     */
    public <T> T part(Class<T> type, Supplier<T> create) {
        return type.cast(parts.computeIfAbsent(type, k -> create.get()));
    }

    /** Destroys every part; called once when the vault is purged. */
    public void destroy() {
        for (Object part : parts.values()) {
            if (part instanceof Destroyable d) {
                d.destroy();
            }
        }
        parts.clear();
    }
}
