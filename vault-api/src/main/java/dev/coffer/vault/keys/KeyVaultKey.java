package dev.coffer.vault.keys;

import java.util.List;
import java.util.Objects;

/**
 * A key version: its public JSON Web Key and its properties. Immutable. The key is always public
 * ({@code d, p, q, dp, dq, qi, k} are never present): private material does not leave the vault.
 *
 * <pre>{@code
 * KeyVaultKey key = keys.getKey("signing-key");
 * JsonWebKey publicJwk = key.getKey();          // kty, crv, x, y (EC) or n, e (RSA), kid, key_ops
 * }</pre>
 */
public final class KeyVaultKey {
    private final JsonWebKey key;
    private final KeyProperties properties;

    /**
     * @param key        the public key; any private part is dropped
     * @param properties its properties
     */
    public KeyVaultKey(JsonWebKey key, KeyProperties properties) {
        this.key = Objects.requireNonNull(key, "key").toPublic();
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** @return the public JSON Web Key, with {@code kid} and {@code key_ops} */
    public JsonWebKey getKey() {
        return key;
    }

    /** @return the key's name */
    public String getName() {
        return properties.name();
    }

    /** @return the id with version */
    public String getId() {
        return properties.id();
    }

    /** @return the key type */
    public KeyType getKeyType() {
        return key.getKeyType();
    }

    /** @return the permitted operations */
    public List<KeyOperation> getKeyOperations() {
        return key.getKeyOps();
    }

    /** @return the properties */
    public KeyProperties getProperties() {
        return properties;
    }

    /** @return the id and public key; never private material */
    @Override
    public String toString() {
        return "KeyVaultKey(" + properties.name() + ", " + properties.id() + ", " + key + ")";
    }
}
