package dev.coffer.vault.keys.cryptography;

import dev.coffer.vault.ExpandableStringEnum;
import java.util.List;

/**
 * A signature algorithm. Key Vault signs and verifies a <em>digest</em> that the caller computed with the hash the algorithm names.
 *
 * <p>An open "string enum", as in the Azure SDK: the constants below are the values Coffer knows,
 * spelled exactly as on the wire; {@link #fromString(String)} also accepts a value it does not know,
 * so a newer service vocabulary still parses. Two instances are equal when their wire strings are
 * equal (case-sensitive). Instances are immutable and thread-safe.
 */
public final class SignatureAlgorithm extends ExpandableStringEnum<SignatureAlgorithm> {
    private static final long serialVersionUID = 1L;

    /** RSASSA-PKCS1-v1_5 with a SHA-256 digest. */
    public static final SignatureAlgorithm RS256 = new SignatureAlgorithm("RS256");

    /** RSASSA-PKCS1-v1_5 with a SHA-384 digest. */
    public static final SignatureAlgorithm RS384 = new SignatureAlgorithm("RS384");

    /** RSASSA-PKCS1-v1_5 with a SHA-512 digest. */
    public static final SignatureAlgorithm RS512 = new SignatureAlgorithm("RS512");

    /** RSASSA-PSS with a SHA-256 digest, MGF1-SHA-256 and a 32-byte salt. */
    public static final SignatureAlgorithm PS256 = new SignatureAlgorithm("PS256");

    /** RSASSA-PSS with a SHA-384 digest, MGF1-SHA-384 and a 48-byte salt. */
    public static final SignatureAlgorithm PS384 = new SignatureAlgorithm("PS384");

    /** RSASSA-PSS with a SHA-512 digest, MGF1-SHA-512 and a 64-byte salt. */
    public static final SignatureAlgorithm PS512 = new SignatureAlgorithm("PS512");

    /** ECDSA on P-256 with a SHA-256 digest; the signature is r||s. */
    public static final SignatureAlgorithm ES256 = new SignatureAlgorithm("ES256");

    /** ECDSA on P-384 with a SHA-384 digest; the signature is r||s. */
    public static final SignatureAlgorithm ES384 = new SignatureAlgorithm("ES384");

    /** ECDSA on P-521 with a SHA-512 digest; the signature is r||s. */
    public static final SignatureAlgorithm ES512 = new SignatureAlgorithm("ES512");

    /** ECDSA on secp256k1 (P-256K) with a SHA-256 digest; the signature is r||s. */
    public static final SignatureAlgorithm ES256K = new SignatureAlgorithm("ES256K");

    private static final List<SignatureAlgorithm> KNOWN = List.of(RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K);

    private SignatureAlgorithm(String value) {
        super(value);
    }

    /**
     * Returns the instance for a wire string: one of the constants when it matches one, else a new
     * instance carrying the string as given.
     *
     * @param value the wire string, such as {@code "RS256"}; not null
     * @return the matching instance
     * @throws NullPointerException if {@code value} is null
     */
    public static SignatureAlgorithm fromString(String value) {
        return lookup(KNOWN, value, SignatureAlgorithm::new);
    }

    /**
     * Returns the values Coffer knows, in declaration order.
     *
     * @return an immutable list of the constants of this class
     */
    public static List<SignatureAlgorithm> values() {
        return KNOWN;
    }

    // Deserialization returns the shared constant, so identity comparisons of known values keep working.
    private Object readResolve() {
        return fromString(toString());
    }
}
