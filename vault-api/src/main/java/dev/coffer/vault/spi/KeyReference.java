package dev.coffer.vault.spi;

import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The handle to a key that a {@link CryptoProvider} generated or imported; the core stores it with the
 * key version. It is serializable, so keys survive a durable store and can be used from several JVMs.
 *
 * <p>It holds either {@code wrappedKey} (the key material encrypted and authenticated under the
 * provider's key-encryption key; the software provider uses this form) or {@code tokenId} (the name of an
 * object that the provider keeps, as a token in an HSM does), never both. Exactly one is non-null.
 *
 * <p>Immutable and thread-safe: the wrapped bytes are copied on the way in and out. {@link #toString()}
 * shows the wrapped key's length, never its bytes.
 *
 * @param providerId      the {@link CryptoProvider#id()} of the provider that made the key; not blank
 * @param protectionLevel the provider's protection level; not null
 * @param keyType         the key type, such as {@code RSA} or {@code EC-HSM}; not null
 * @param keySize         the key size in bits: the modulus size of an RSA key, the key length of a
 *                        symmetric key, the field size of the curve of an EC key (256, 384, 521)
 * @param curve           the curve of an EC key; null for any other key type
 * @param wrappedKey      the wrapped key material, or null when {@code tokenId} is set
 * @param tokenId         the provider's object name, or null when {@code wrappedKey} is set
 */
public record KeyReference(String providerId, ProtectionLevel protectionLevel, KeyType keyType, int keySize,
                           KeyCurveName curve, byte[] wrappedKey, String tokenId) implements Serializable {

    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException     if providerId, protectionLevel or keyType is null
     * @throws IllegalArgumentException if both or neither of wrappedKey and tokenId are set, the key size
     *                                  is not positive or the provider id is blank
     */
    public KeyReference {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(protectionLevel, "protectionLevel");
        Objects.requireNonNull(keyType, "keyType");
        if (providerId.isBlank()) {
            throw new IllegalArgumentException("providerId must not be blank");
        }
        if (keySize <= 0) {
            throw new IllegalArgumentException("keySize must be positive, was " + keySize);
        }
        if ((wrappedKey == null) == (tokenId == null)) {
            throw new IllegalArgumentException("exactly one of wrappedKey and tokenId must be set");
        }
        wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
    }

    /** @return a copy of the wrapped key material, or null for a token reference */
    @Override
    public byte[] wrappedKey() {
        return wrappedKey == null ? null : wrappedKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyReference that
                && keySize == that.keySize
                && providerId.equals(that.providerId)
                && protectionLevel == that.protectionLevel
                && keyType.equals(that.keyType)
                && Objects.equals(curve, that.curve)
                && Arrays.equals(wrappedKey, that.wrappedKey)
                && Objects.equals(tokenId, that.tokenId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providerId, protectionLevel, keyType, keySize, curve, Arrays.hashCode(wrappedKey), tokenId);
    }

    /** Names the key without the wrapped bytes, which are ciphertext but still not for logs. */
    @Override
    public String toString() {
        return "KeyReference[provider=" + providerId + ", " + protectionLevel + ", kty=" + keyType
                + (curve == null ? ", size=" + keySize : ", crv=" + curve)
                + (wrappedKey == null ? ", token=" + tokenId : ", wrapped " + wrappedKey.length + " bytes") + "]";
    }
}
