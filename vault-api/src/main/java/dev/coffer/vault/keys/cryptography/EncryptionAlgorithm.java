package dev.coffer.vault.keys.cryptography;

import dev.coffer.vault.ExpandableStringEnum;
import java.util.List;

/**
 * An algorithm for encrypt and decrypt: RSA encryption schemes and the AES modes Key Vault and Managed HSM offer.
 *
 * <p>An open "string enum", as in the Azure SDK: the constants below are the values Coffer knows,
 * spelled exactly as on the wire; {@link #fromString(String)} also accepts a value it does not know,
 * so a newer service vocabulary still parses. Two instances are equal when their wire strings are
 * equal (case-sensitive). Instances are immutable and thread-safe.
 */
public final class EncryptionAlgorithm extends ExpandableStringEnum<EncryptionAlgorithm> {
    private static final long serialVersionUID = 1L;

    /** RSAES-PKCS1-v1_5. Not recommended; kept for compatibility. */
    public static final EncryptionAlgorithm RSA1_5 = new EncryptionAlgorithm("RSA1_5");

    /** RSAES-OAEP with SHA-1 and MGF1-SHA-1. Not recommended; kept for compatibility. */
    public static final EncryptionAlgorithm RSA_OAEP = new EncryptionAlgorithm("RSA-OAEP");

    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256. */
    public static final EncryptionAlgorithm RSA_OAEP_256 = new EncryptionAlgorithm("RSA-OAEP-256");

    /** AES-128 in GCM mode, 12-byte IV, 16-byte tag. */
    public static final EncryptionAlgorithm A128GCM = new EncryptionAlgorithm("A128GCM");

    /** AES-192 in GCM mode, 12-byte IV, 16-byte tag. */
    public static final EncryptionAlgorithm A192GCM = new EncryptionAlgorithm("A192GCM");

    /** AES-256 in GCM mode, 12-byte IV, 16-byte tag. */
    public static final EncryptionAlgorithm A256GCM = new EncryptionAlgorithm("A256GCM");

    /** AES-128 key wrap (RFC 3394). */
    public static final EncryptionAlgorithm A128KW = new EncryptionAlgorithm("A128KW");

    /** AES-192 key wrap (RFC 3394). */
    public static final EncryptionAlgorithm A192KW = new EncryptionAlgorithm("A192KW");

    /** AES-256 key wrap (RFC 3394). */
    public static final EncryptionAlgorithm A256KW = new EncryptionAlgorithm("A256KW");

    /** AES-128 in CBC mode without padding; input is a multiple of 16 bytes. */
    public static final EncryptionAlgorithm A128CBC = new EncryptionAlgorithm("A128CBC");

    /** AES-192 in CBC mode without padding; input is a multiple of 16 bytes. */
    public static final EncryptionAlgorithm A192CBC = new EncryptionAlgorithm("A192CBC");

    /** AES-256 in CBC mode without padding; input is a multiple of 16 bytes. */
    public static final EncryptionAlgorithm A256CBC = new EncryptionAlgorithm("A256CBC");

    /** AES-128 in CBC mode with PKCS#7 padding. */
    public static final EncryptionAlgorithm A128CBCPAD = new EncryptionAlgorithm("A128CBCPAD");

    /** AES-192 in CBC mode with PKCS#7 padding. */
    public static final EncryptionAlgorithm A192CBCPAD = new EncryptionAlgorithm("A192CBCPAD");

    /** AES-256 in CBC mode with PKCS#7 padding. */
    public static final EncryptionAlgorithm A256CBCPAD = new EncryptionAlgorithm("A256CBCPAD");

    private static final List<EncryptionAlgorithm> KNOWN = List.of(RSA1_5, RSA_OAEP, RSA_OAEP_256, A128GCM, A192GCM, A256GCM, A128KW, A192KW, A256KW, A128CBC, A192CBC, A256CBC, A128CBCPAD, A192CBCPAD, A256CBCPAD);

    private EncryptionAlgorithm(String value) {
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
    public static EncryptionAlgorithm fromString(String value) {
        return lookup(KNOWN, value, EncryptionAlgorithm::new);
    }

    /**
     * Returns the values Coffer knows, in declaration order.
     *
     * @return an immutable list of the constants of this class
     */
    public static List<EncryptionAlgorithm> values() {
        return KNOWN;
    }

    // Deserialization returns the shared constant, so identity comparisons of known values keep working.
    private Object readResolve() {
        return fromString(toString());
    }
}
