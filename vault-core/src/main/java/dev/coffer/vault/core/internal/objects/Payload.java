package dev.coffer.vault.core.internal.objects;

/** The type-specific content of an object version. */
public interface Payload {
    /**
     * Releases what the payload holds (clears secret bytes, destroys a provider key). Called once,
     * when the object is purged; must be idempotent.
     */
    void destroy();
}
