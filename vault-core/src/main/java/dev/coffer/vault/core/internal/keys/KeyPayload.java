package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.core.internal.objects.Payload;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyReference;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A key version's content: the provider's reference (never the material), the public key, and the
 * operations the version permits. Immutable apart from destruction; a change of operations makes a new
 * payload that shares the reference and its destroyed flag, so the provider key is destroyed once.
 */
public final class KeyPayload implements Payload {
    private final CryptoProvider provider;
    private final KeyReference reference;
    private final JsonWebKey publicKey;
    private final List<KeyOperation> keyOps;
    private final AtomicBoolean destroyed;

    /**
     * @param provider  the provider holding the key
     * @param reference its reference
     * @param publicKey its public JWK (no kid, no key_ops)
     * @param keyOps    the permitted operations
     */
    public KeyPayload(CryptoProvider provider, KeyReference reference, JsonWebKey publicKey, List<KeyOperation> keyOps) {
        this(provider, reference, publicKey, keyOps, new AtomicBoolean());
    }

    private KeyPayload(CryptoProvider provider, KeyReference reference, JsonWebKey publicKey, List<KeyOperation> keyOps,
                       AtomicBoolean destroyed) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.reference = Objects.requireNonNull(reference, "reference");
        // Belt and braces: a provider's public key must already be public; this makes sure nothing else is kept.
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey").toPublic();
        this.keyOps = List.copyOf(keyOps);
        this.destroyed = destroyed;
    }

    /** @return the provider holding the key */
    public CryptoProvider provider() {
        return provider;
    }

    /** @return the provider's reference */
    public KeyReference reference() {
        if (destroyed.get()) {
            throw new IllegalStateException("the key was purged");
        }
        return reference;
    }

    /** @return the key type the provider recorded (an {@code -HSM} type for keys in an HSM) */
    public dev.coffer.vault.keys.KeyType keyType() {
        return reference.keyType();
    }

    /**
     * Readable after purge too, unlike {@link #reference()}: the throttle weighs a call by it before the
     * call knows whether the key still exists.
     *
     * @return the key size in bits the provider recorded (the curve's size for EC keys)
     */
    public int keySize() {
        return reference.keySize();
    }

    /** @return the public JWK, without kid and key_ops */
    public JsonWebKey publicKey() {
        return publicKey;
    }

    /** @return the permitted operations */
    public List<KeyOperation> keyOps() {
        return keyOps;
    }

    /**
     * @param ops new permitted operations
     * @return a payload with them, sharing the key
     */
    public KeyPayload withKeyOps(List<KeyOperation> ops) {
        return new KeyPayload(provider, reference, publicKey, ops, destroyed);
    }

    @Override
    public void destroy() {
        if (destroyed.compareAndSet(false, true)) {
            provider.destroy(reference);
        }
    }

    @Override
    public String toString() {
        return "KeyPayload(" + reference + ", key_ops=" + keyOps + ")";
    }
}
