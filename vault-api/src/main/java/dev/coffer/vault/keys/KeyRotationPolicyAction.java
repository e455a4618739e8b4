package dev.coffer.vault.keys;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a rotation policy's lifetime action does: {@code Rotate} makes a new key version,
 * {@code Notify} records a near-expiry event ({@code KeyNearExpiryEventGridNotification}).
 *
 * <p>An open "string enum": {@link #fromString(String)} matches the known values case-insensitively,
 * as the service does, and keeps any other value as given (a policy with an unknown action is then
 * refused when it is set). Immutable and thread-safe.
 */
public final class KeyRotationPolicyAction implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Rotate the key: create a new version with new material. */
    public static final KeyRotationPolicyAction ROTATE = new KeyRotationPolicyAction("Rotate");

    /** Record a near-expiry notification. */
    public static final KeyRotationPolicyAction NOTIFY = new KeyRotationPolicyAction("Notify");

    private static final List<KeyRotationPolicyAction> KNOWN = List.of(ROTATE, NOTIFY);

    private final String value;

    private KeyRotationPolicyAction(String value) {
        this.value = value;
    }

    /**
     * @param value the wire string, any case; not null
     * @return the matching constant, or a new instance carrying the string
     */
    public static KeyRotationPolicyAction fromString(String value) {
        Objects.requireNonNull(value, "value");
        for (KeyRotationPolicyAction known : KNOWN) {
            if (known.value.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        return new KeyRotationPolicyAction(value);
    }

    /** @return the known values */
    public static List<KeyRotationPolicyAction> values() {
        return KNOWN;
    }

    /** @return the wire string, such as {@code Rotate} */
    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyRotationPolicyAction that && value.equalsIgnoreCase(that.value);
    }

    @Override
    public int hashCode() {
        return value.toLowerCase(Locale.ROOT).hashCode();
    }

    private Object readResolve() {
        return fromString(value);
    }
}
