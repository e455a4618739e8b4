package dev.coffer.vault.crypto.internal;

import dev.coffer.vault.keys.KeyCurveName;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Turns key components into JCA keys, and unsigned integers into fixed-length bytes and back. Validation
 * of what the components mean is the caller's job; these methods only build.
 */
public final class JcaKeys {

    /**
     * One Bouncy Castle instance for every provider in the JVM: building it registers hundreds of services, and it
     * is thread-safe. It is handed to getInstance, never installed with Security.addProvider, so the host
     * application's JCA configuration stays as it was.
     */
    public static final Provider BC = new BouncyCastleProvider();

    /** Curve parameters and coordinate length per Key Vault curve name. */
    record Curve(KeyCurveName name, String secName, int keySize, int fieldBytes, ECNamedCurveParameterSpec spec) {
        BigInteger order() {
            return spec.getN();
        }

        /** The curve's domain for Bouncy Castle's low-level API, sharing the spec's generator and its cached tables. */
        ECDomainParameters domain() {
            return new ECDomainParameters(spec.getCurve(), spec.getG(), spec.getN(), spec.getH(), spec.getSeed());
        }
    }

    private static final Map<KeyCurveName, Curve> CURVES = Map.of(
            KeyCurveName.P_256, curve(KeyCurveName.P_256, "secp256r1", 256),
            KeyCurveName.P_384, curve(KeyCurveName.P_384, "secp384r1", 384),
            KeyCurveName.P_521, curve(KeyCurveName.P_521, "secp521r1", 521),
            KeyCurveName.P_256K, curve(KeyCurveName.P_256K, "secp256k1", 256));

    private JcaKeys() {
    }

    private static Curve curve(KeyCurveName name, String secName, int bits) {
        return new Curve(name, secName, bits, (bits + 7) / 8, ECNamedCurveTable.getParameterSpec(secName));
    }

    /** @return the curve, or null when Coffer does not know it */
    static Curve curve(KeyCurveName name) {
        return name == null ? null : CURVES.get(name);
    }

    // RSA keys go to the JDK's own factory: SunRsaSign's keys are what SunJCE's RSA ciphers and signatures
    // are fastest with, and Bouncy Castle accepts them too for PSS.
    static PublicKey rsaPublic(BigInteger n, BigInteger e) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    static PrivateKey rsaPrivate(KeyMaterial m) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                big(m.part(0)), big(m.part(1)), big(m.part(2)), big(m.part(3)), big(m.part(4)),
                big(m.part(5)), big(m.part(6)), big(m.part(7))));
    }

    // EC keys go to Bouncy Castle, as points on its named curves: the JDK 17 SunEC lacks secp256k1, one
    // implementation for all four curves keeps ES* behaviour uniform, and its low-level ECDSA over the shared
    // domain parameters reuses the generator's precomputed tables.

    /**
     * Decodes an affine point and checks it lies on the curve.
     *
     * @throws IllegalArgumentException if a coordinate is out of range or the point is not on the curve
     */
    static ECPoint point(Curve curve, byte[] x, byte[] y) {
        ECPoint point = curve.spec().getCurve().validatePoint(big(x), big(y));
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("not a valid curve point");
        }
        return point;
    }

    static BigInteger big(byte[] unsigned) {
        return new BigInteger(1, unsigned);
    }

    /** The minimal unsigned big-endian encoding, as JWK integers use. */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = Arrays.copyOfRange(bytes, 1, bytes.length);
            Arrays.fill(bytes, (byte) 0);
            return trimmed;
        }
        return bytes;
    }

    /**
     * A fixed-length unsigned big-endian encoding, as EC coordinates and scalars use.
     *
     * @throws IllegalArgumentException if the value does not fit
     */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] minimal = unsigned(value);
        if (minimal.length > length) {
            throw new IllegalArgumentException("value longer than " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        Arrays.fill(minimal, (byte) 0);
        return out;
    }
}
