package dev.coffer.vault.spi;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What key to generate: a key type with a size (RSA, symmetric) or a curve (EC). Built through the static
 * factories, which refuse combinations that cannot describe a key; whether a provider supports the size or
 * curve is for the provider to decide.
 *
 * @param keyType        the key type; not null
 * @param keySize        the size in bits for RSA and symmetric keys; 0 for EC keys
 * @param curve          the curve for EC keys; null otherwise
 * @param publicExponent the RSA public exponent; null for the default 65537 and for other key types
 */
public record KeyGenerationSpec(KeyType keyType, int keySize, KeyCurveName curve, BigInteger publicExponent) {

    /** The RSA public exponent used when none is given. */
    public static final BigInteger DEFAULT_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    /**
     * Checks the combination.
     *
     * @throws NullPointerException  if keyType is null
     * @throws BadParameterException if the fields do not describe a key (a curve on a non-EC key, an EC key
     *                               without a curve, a non-positive size, an even or too small exponent)
     */
    public KeyGenerationSpec {
        Objects.requireNonNull(keyType, "keyType");
        boolean ec = isEc(keyType);
        if (ec && (curve == null || keySize != 0)) {
            throw bad("an EC key needs a curve and no key size");
        }
        if (!ec && (curve != null || keySize <= 0)) {
            throw bad("a " + keyType + " key needs a positive key size and no curve");
        }
        if (publicExponent != null) {
            if (!isRsa(keyType)) {
                throw bad("publicExponent applies to RSA keys only");
            }
            if (publicExponent.compareTo(BigInteger.valueOf(3)) < 0 || !publicExponent.testBit(0)) {
                throw bad("publicExponent must be odd and at least 3");
            }
        }
    }

    /**
     * An RSA key with e = 65537.
     *
     * @param keyType {@code RSA} or {@code RSA-HSM}
     * @param keySize the modulus size in bits, such as 2048
     * @return the spec
     */
    public static KeyGenerationSpec rsa(KeyType keyType, int keySize) {
        return new KeyGenerationSpec(requireRsa(keyType), keySize, null, null);
    }

    /**
     * An RSA key with a chosen public exponent (Managed HSM's {@code public_exponent}).
     *
     * @param keyType        {@code RSA} or {@code RSA-HSM}
     * @param keySize        the modulus size in bits
     * @param publicExponent an odd exponent of at least 3
     * @return the spec
     */
    public static KeyGenerationSpec rsa(KeyType keyType, int keySize, BigInteger publicExponent) {
        return new KeyGenerationSpec(requireRsa(keyType), keySize, null, Objects.requireNonNull(publicExponent));
    }

    /**
     * An elliptic curve key.
     *
     * @param keyType {@code EC} or {@code EC-HSM}
     * @param curve   the curve
     * @return the spec
     */
    public static KeyGenerationSpec ec(KeyType keyType, KeyCurveName curve) {
        if (!isEc(keyType)) {
            throw bad("ec(...) needs key type EC or EC-HSM, not " + keyType);
        }
        return new KeyGenerationSpec(keyType, 0, Objects.requireNonNull(curve, "curve"), null);
    }

    /**
     * A symmetric (AES) key.
     *
     * @param keyType {@code oct} or {@code oct-HSM}
     * @param keySize the key length in bits: 128, 192 or 256
     * @return the spec
     */
    public static KeyGenerationSpec oct(KeyType keyType, int keySize) {
        if (!isOct(keyType)) {
            throw bad("oct(...) needs key type oct or oct-HSM, not " + keyType);
        }
        return new KeyGenerationSpec(keyType, keySize, null, null);
    }

    /** @return the public exponent to use: the given one, or 65537 */
    public BigInteger effectivePublicExponent() {
        return publicExponent == null ? DEFAULT_PUBLIC_EXPONENT : publicExponent;
    }

    /**
     * @param type a key type
     * @return true for {@code RSA} and {@code RSA-HSM}
     */
    public static boolean isRsa(KeyType type) {
        return KeyType.RSA.equals(type) || KeyType.RSA_HSM.equals(type);
    }

    /**
     * @param type a key type
     * @return true for {@code EC} and {@code EC-HSM}
     */
    public static boolean isEc(KeyType type) {
        return KeyType.EC.equals(type) || KeyType.EC_HSM.equals(type);
    }

    /**
     * @param type a key type
     * @return true for {@code oct} and {@code oct-HSM}
     */
    public static boolean isOct(KeyType type) {
        return KeyType.OCT.equals(type) || KeyType.OCT_HSM.equals(type);
    }

    private static KeyType requireRsa(KeyType keyType) {
        if (!isRsa(keyType)) {
            throw bad("rsa(...) needs key type RSA or RSA-HSM, not " + keyType);
        }
        return keyType;
    }

    private static BadParameterException bad(String message) {
        return new BadParameterException("BadParameter", null, message);
    }
}
