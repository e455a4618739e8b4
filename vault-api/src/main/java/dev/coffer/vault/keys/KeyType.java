package dev.coffer.vault.keys;

import dev.coffer.vault.ExpandableStringEnum;
import java.util.List;

/**
 * The type of a key (JSON Web Key {@code kty}): RSA, elliptic curve or symmetric, in software or HSM form.
 *
 * <p>An open "string enum", as in the Azure SDK: the constants below are the values Coffer knows,
 * spelled exactly as on the wire; {@link #fromString(String)} also accepts a value it does not know,
 * so a newer service vocabulary still parses. Two instances are equal when their wire strings are
 * equal (case-sensitive). Instances are immutable and thread-safe.
 */
public final class KeyType extends ExpandableStringEnum<KeyType> {
    private static final long serialVersionUID = 1L;

    /** Elliptic curve key, protected in software. */
    public static final KeyType EC = new KeyType("EC");

    /** Elliptic curve key, protected by an HSM. */
    public static final KeyType EC_HSM = new KeyType("EC-HSM");

    /** RSA key, protected in software. */
    public static final KeyType RSA = new KeyType("RSA");

    /** RSA key, protected by an HSM. */
    public static final KeyType RSA_HSM = new KeyType("RSA-HSM");

    /** Symmetric (AES) key, protected in software. */
    public static final KeyType OCT = new KeyType("oct");

    /** Symmetric (AES) key, protected by an HSM. */
    public static final KeyType OCT_HSM = new KeyType("oct-HSM");

    private static final List<KeyType> KNOWN = List.of(EC, EC_HSM, RSA, RSA_HSM, OCT, OCT_HSM);

    private KeyType(String value) {
        super(value);
    }

    /**
     * Returns the instance for a wire string: one of the constants when it matches one, else a new
     * instance carrying the string as given.
     *
     * @param value the wire string, such as {@code "EC"}; not null
     * @return the matching instance
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyType fromString(String value) {
        return lookup(KNOWN, value, KeyType::new);
    }

    /**
     * Returns the values Coffer knows, in declaration order.
     *
     * @return an immutable list of the constants of this class
     */
    public static List<KeyType> values() {
        return KNOWN;
    }

    // Deserialization returns the shared constant, so identity comparisons of known values keep working.
    private Object readResolve() {
        return fromString(toString());
    }
}
