package dev.coffer.vault.keys;

import dev.coffer.vault.ExpandableStringEnum;
import java.util.List;

/**
 * An operation a key may be used for (JSON Web Key {@code key_ops}).
 *
 * <p>An open "string enum", as in the Azure SDK: the constants below are the values Coffer knows,
 * spelled exactly as on the wire; {@link #fromString(String)} also accepts a value it does not know,
 * so a newer service vocabulary still parses. Two instances are equal when their wire strings are
 * equal (case-sensitive). Instances are immutable and thread-safe.
 */
public final class KeyOperation extends ExpandableStringEnum<KeyOperation> {
    private static final long serialVersionUID = 1L;

    /** Encrypt data. */
    public static final KeyOperation ENCRYPT = new KeyOperation("encrypt");

    /** Decrypt data. */
    public static final KeyOperation DECRYPT = new KeyOperation("decrypt");

    /** Sign a digest. */
    public static final KeyOperation SIGN = new KeyOperation("sign");

    /** Verify a signature over a digest. */
    public static final KeyOperation VERIFY = new KeyOperation("verify");

    /** Wrap (encrypt) another key. */
    public static final KeyOperation WRAP_KEY = new KeyOperation("wrapKey");

    /** Unwrap (decrypt) another key. */
    public static final KeyOperation UNWRAP_KEY = new KeyOperation("unwrapKey");

    /** Import key material. */
    public static final KeyOperation IMPORT = new KeyOperation("import");

    /** Export key material (only through release of exportable keys). */
    public static final KeyOperation EXPORT = new KeyOperation("export");

    private static final List<KeyOperation> KNOWN = List.of(ENCRYPT, DECRYPT, SIGN, VERIFY, WRAP_KEY, UNWRAP_KEY, IMPORT, EXPORT);

    private KeyOperation(String value) {
        super(value);
    }

    /**
     * Returns the instance for a wire string: one of the constants when it matches one, else a new
     * instance carrying the string as given.
     *
     * @param value the wire string, such as {@code "encrypt"}; not null
     * @return the matching instance
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyOperation fromString(String value) {
        return lookup(KNOWN, value, KeyOperation::new);
    }

    /**
     * Returns the values Coffer knows, in declaration order.
     *
     * @return an immutable list of the constants of this class
     */
    public static List<KeyOperation> values() {
        return KNOWN;
    }

    // Deserialization returns the shared constant, so identity comparisons of known values keep working.
    private Object readResolve() {
        return fromString(toString());
    }
}
