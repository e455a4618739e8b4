package dev.coffer.vault;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The base of Coffer's open "string enums" ({@code KeyType}, {@code SignatureAlgorithm}, ...), as in
 * the Azure SDK: each subclass declares the values Coffer knows as constants, spelled exactly as on the
 * wire, and its {@code fromString} also accepts a value it does not know, so a newer service
 * vocabulary still parses. Two instances are equal when they are of the same class and their wire
 * strings are equal (case-sensitive). Immutable and thread-safe.
 *
 * @param <T> the subclass
 */
public abstract class ExpandableStringEnum<T extends ExpandableStringEnum<T>> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    /** @param value the wire string */
    protected ExpandableStringEnum(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Finds a known constant by its wire string, or makes a new instance for an unknown one.
     *
     * @param known the subclass's constants
     * @param value the wire string; not null
     * @param make  the subclass's constructor
     * @param <T>   the subclass
     * @return the constant, or a new instance
     * @throws NullPointerException if {@code value} is null
     */
    protected static <T extends ExpandableStringEnum<T>> T lookup(List<T> known, String value, Function<String, T> make) {
        Objects.requireNonNull(value, "value");
        for (T k : known) {
            if (k.toString().equals(value)) {
                return k;
            }
        }
        return make.apply(value);
    }

    /** @return the wire string */
    @Override
    public final String toString() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((ExpandableStringEnum<?>) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }
}
