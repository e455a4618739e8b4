package dev.coffer.vault.keys.cryptography;

import dev.coffer.vault.ExpandableStringEnum;
import java.util.List;

/**
 * An algorithm for wrapKey and unwrapKey: the RSA encryption schemes and AES key wrap.
 *
 * <p>An open "string enum", as in the Azure SDK: the constants below are the values Coffer knows,
 * spelled exactly as on the wire; {@link #fromString(String)} also accepts a value it does not know,
 * so a newer service vocabulary still parses. Two instances are equal when their wire strings are
 * equal (case-sensitive). Instances are immutable and thread-safe.
 */
public final class KeyWrapAlgorithm extends ExpandableStringEnum<KeyWrapAlgorithm> {
    private static final long serialVersionUID = 1L;

    /** RSAES-PKCS1-v1_5. Not recommended; kept for compatibility. */
    public static final KeyWrapAlgorithm RSA1_5 = new KeyWrapAlgorithm("RSA1_5");

    /** RSAES-OAEP with SHA-1 and MGF1-SHA-1. Not recommended; kept for compatibility. */
    public static final KeyWrapAlgorithm RSA_OAEP = new KeyWrapAlgorithm("RSA-OAEP");

    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256. */
    public static final KeyWrapAlgorithm RSA_OAEP_256 = new KeyWrapAlgorithm("RSA-OAEP-256");

    /** AES-128 key wrap (RFC 3394). */
    public static final KeyWrapAlgorithm A128KW = new KeyWrapAlgorithm("A128KW");

    /** AES-192 key wrap (RFC 3394). */
    public static final KeyWrapAlgorithm A192KW = new KeyWrapAlgorithm("A192KW");

    /** AES-256 key wrap (RFC 3394). */
    public static final KeyWrapAlgorithm A256KW = new KeyWrapAlgorithm("A256KW");

    private static final List<KeyWrapAlgorithm> KNOWN = List.of(RSA1_5, RSA_OAEP, RSA_OAEP_256, A128KW, A192KW, A256KW);

    private KeyWrapAlgorithm(String value) {
        super(value);
    }

    /**
     * Returns the instance for a wire string: one of the constants when it matches one, else a new
     * instance carrying the string as given.
     *
     * @param value the wire string, such as {@code "RSA1_5"}; not null
     * @return the matching instance
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyWrapAlgorithm fromString(String value) {
        return lookup(KNOWN, value, KeyWrapAlgorithm::new);
    }

    /**
     * Returns the values Coffer knows, in declaration order.
     *
     * @return an immutable list of the constants of this class
     */
    public static List<KeyWrapAlgorithm> values() {
        return KNOWN;
    }

    // Deserialization returns the shared constant, so identity comparisons of known values keep working.
    private Object readResolve() {
        return fromString(toString());
    }
}
