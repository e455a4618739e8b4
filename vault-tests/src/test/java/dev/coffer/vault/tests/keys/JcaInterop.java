package dev.coffer.vault.tests.keys;

import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Plain JCA (and Bouncy Castle where the JDK lacks secp256k1) on the far side of the interop tests. */
final class JcaInterop {
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private JcaInterop() {
    }

    static String jcaCurve(KeyCurveName crv) {
        if (KeyCurveName.P_256.equals(crv)) {
            return "secp256r1";
        }
        if (KeyCurveName.P_384.equals(crv)) {
            return "secp384r1";
        }
        if (KeyCurveName.P_521.equals(crv)) {
            return "secp521r1";
        }
        return "secp256k1";
    }

    static PublicKey publicKey(JsonWebKey jwk) throws Exception {
        if (jwk.getKeyType().toString().startsWith("RSA")) {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(new BigInteger(1, jwk.getN()), new BigInteger(1, jwk.getE())));
        }
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC", BC);
        params.init(new ECGenParameterSpec(jcaCurve(jwk.getCurveName())));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, jwk.getX()), new BigInteger(1, jwk.getY()));
        return KeyFactory.getInstance("EC", BC).generatePublic(new ECPublicKeySpec(w, spec));
    }

    static KeyPair rsaPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static KeyPair ecPair(KeyCurveName crv) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec(jcaCurve(crv)));
        return g.generateKeyPair();
    }

    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static byte[] unsigned(BigInteger v, int length) {
        byte[] b = unsigned(v);
        if (b.length >= length) {
            return b;
        }
        byte[] out = new byte[length];
        System.arraycopy(b, 0, out, length - b.length, b.length);
        return out;
    }

    static JsonWebKey privateJwk(KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        return JsonWebKey.builder().keyType(KeyType.RSA).n(unsigned(k.getModulus())).e(unsigned(k.getPublicExponent()))
                .d(unsigned(k.getPrivateExponent())).p(unsigned(k.getPrimeP())).q(unsigned(k.getPrimeQ()))
                .dp(unsigned(k.getPrimeExponentP())).dq(unsigned(k.getPrimeExponentQ()))
                .qi(unsigned(k.getCrtCoefficient())).build();
    }

    static JsonWebKey privateJwk(KeyPair pair, KeyCurveName crv) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        int len = (pub.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        return JsonWebKey.builder().keyType(KeyType.EC).curveName(crv)
                .x(unsigned(pub.getW().getAffineX(), len)).y(unsigned(pub.getW().getAffineY(), len))
                .d(unsigned(priv.getS(), len)).build();
    }
}
