package dev.coffer.vault.core.internal.secrets;

import dev.coffer.vault.core.internal.objects.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret version's value, held as UTF-8 bytes that Coffer owns and clears on purge. (The
 * {@code String}s handed to and from callers are theirs; Java gives no way to clear a String.)
 */
public final class SecretPayload implements Payload {
    private final byte[] value;
    private volatile boolean destroyed;

    /** @param value the UTF-8 value; the payload takes ownership of the array */
    public SecretPayload(byte[] value) {
        this.value = value;
    }

    /** @return the value as a string */
    public String value() {
        if (destroyed) {
            throw new IllegalStateException("the secret value was purged");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** @return a copy of the UTF-8 bytes, for a backup body */
    public byte[] bytes() {
        return value.clone();
    }

    /** @return how many bytes the value has */
    public int length() {
        return value.length;
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretPayload(**redacted**)";
    }
}
