package dev.coffer.vault.core.internal.platform;


/**
 * The platform root key: backup sealing keys and the software provider's key-encryption key
 * derive from it. Holds its own copy; never printed.
 */
public final class RootKey {
    private final byte[] key;

    /** @param key 32 bytes; copied */
    public RootKey(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the root key must be 32 bytes");
        }
        this.key = key.clone();
    }

    /** @return a copy of the key bytes, for a key derivation that clears it afterwards */
    public byte[] copy() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "RootKey(**redacted**)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootKey r && java.security.MessageDigest.isEqual(r.key, key);
    }

    @Override
    public int hashCode() {
        // Constant on purpose: a hash derived from the key would say something about it.
        return 0x5eed;
    }
}
