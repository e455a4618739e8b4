package dev.coffer.vault.keys;

import dev.coffer.vault.ExpandableStringEnum;
import java.util.List;

/**
 * The elliptic curve of an EC key (JSON Web Key {@code crv}).
 *
 * <p>An open "string enum", as in the Azure SDK: the constants below are the values Coffer knows,
 * spelled exactly as on the wire; {@link #fromString(String)} also accepts a value it does not know,
 * so a newer service vocabulary still parses. Two instances are equal when their wire strings are
 * equal (case-sensitive). Instances are immutable and thread-safe.
 */
public final class KeyCurveName extends ExpandableStringEnum<KeyCurveName> {
    private static final long serialVersionUID = 1L;

    /** NIST P-256 (secp256r1), used with ES256. */
    public static final KeyCurveName P_256 = new KeyCurveName("P-256");

    /** NIST P-384 (secp384r1), used with ES384. */
    public static final KeyCurveName P_384 = new KeyCurveName("P-384");

    /** NIST P-521 (secp521r1), used with ES512. */
    public static final KeyCurveName P_521 = new KeyCurveName("P-521");

    /** SECG secp256k1, used with ES256K. */
    public static final KeyCurveName P_256K = new KeyCurveName("P-256K");

    private static final List<KeyCurveName> KNOWN = List.of(P_256, P_384, P_521, P_256K);

    private KeyCurveName(String value) {
        super(value);
    }

    /**
     * Returns the instance for a wire string: one of the constants when it matches one, else a new
     * instance carrying the string as given.
     *
     * @param value the wire string, such as {@code "P-256"}; not null
     * @return the matching instance
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyCurveName fromString(String value) {
        return lookup(KNOWN, value, KeyCurveName::new);
    }

    /**
     * Returns the values Coffer knows, in declaration order.
     *
     * @return an immutable list of the constants of this class
     */
    public static List<KeyCurveName> values() {
        return KNOWN;
    }

    // Deserialization returns the shared constant, so identity comparisons of known values keep working.
    private Object readResolve() {
        return fromString(toString());
    }
}
