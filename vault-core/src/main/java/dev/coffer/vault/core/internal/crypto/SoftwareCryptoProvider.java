package dev.coffer.vault.core.internal.crypto;

import static dev.coffer.vault.core.internal.crypto.JcaKeys.BC;
import static dev.coffer.vault.core.internal.crypto.JcaKeys.big;
import static dev.coffer.vault.core.internal.crypto.JcaKeys.unsigned;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.CofferException;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.EncryptResult;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The default {@link CryptoProvider}: keys protected in software, wrapped under a 32-byte key-encryption
 * key (KEK) that the platform derives from its root key.
 *
 * <p>Stateless apart from the KEK-derived keys and the random source: every {@link KeyReference} carries
 * its key material encrypted (AES-256-GCM) under a subkey of the KEK, so a new instance with the same KEK
 * reads every reference an earlier one returned. Thread-safe: JCA objects are made per call.
 *
 * <p>Which JCA implementation serves which algorithm, and why:
 * <ul>
 *   <li>AES (GCM, CBC, KW) and the RSA ciphers and PKCS#1 v1.5 signatures: the JDK's SunJCE / SunRsaSign,
 *       which use AES-NI and CLMUL intrinsics and blinded, CRT-based RSA;</li>
 *   <li>RSASSA-PSS over a digest: Bouncy Castle's raw PSS, because the JDK only offers PSS over a message
 *       it hashes itself, and Key Vault signs a digest the caller hashed;</li>
 *   <li>ECDSA on all four curves: Bouncy Castle, because the JDK 17 dropped secp256k1, and one
 *       implementation for every curve keeps ES* uniform.</li>
 * </ul>
 */
public final class SoftwareCryptoProvider implements CryptoProvider {

    /** The identifier recorded in every reference this provider returns. */
    public static final String ID = "coffer-software";

    /** The length of the key-encryption key the constructor takes. */
    public static final int KEK_LENGTH = 32;

    private static final byte REFERENCE_VERSION = 1;
    private static final byte BACKUP_VERSION = 1;
    private static final int GCM_IV_LENGTH = 12;
    private static final int GCM_TAG_LENGTH = 16;
    private static final int CBC_IV_LENGTH = 16;
    private static final String DECRYPT_FAILED = "The ciphertext could not be decrypted with this key and algorithm.";
    private static final String UNWRAP_FAILED = "The wrapped key could not be unwrapped with this key and algorithm.";

    private static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);
    private static final Set<Integer> AES_SIZES = Set.of(128, 192, 256);
    private static final Set<KeyCurveName> CURVES =
            ordered(KeyCurveName.P_256, KeyCurveName.P_384, KeyCurveName.P_521, KeyCurveName.P_256K);
    private static final Set<KeyType> KEY_TYPES = ordered(KeyType.RSA, KeyType.EC, KeyType.OCT);

    private static final Set<SignatureAlgorithm> RSA_SIGNATURES = ordered(
            SignatureAlgorithm.RS256, SignatureAlgorithm.RS384, SignatureAlgorithm.RS512,
            SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);
    private static final Set<SignatureAlgorithm> EC_SIGNATURES = ordered(
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512, SignatureAlgorithm.ES256K);
    private static final Set<EncryptionAlgorithm> RSA_ENCRYPTION = ordered(
            EncryptionAlgorithm.RSA1_5, EncryptionAlgorithm.RSA_OAEP, EncryptionAlgorithm.RSA_OAEP_256);
    private static final Set<EncryptionAlgorithm> AES_ENCRYPTION = ordered(
            EncryptionAlgorithm.A128GCM, EncryptionAlgorithm.A192GCM, EncryptionAlgorithm.A256GCM,
            EncryptionAlgorithm.A128CBC, EncryptionAlgorithm.A192CBC, EncryptionAlgorithm.A256CBC,
            EncryptionAlgorithm.A128CBCPAD, EncryptionAlgorithm.A192CBCPAD, EncryptionAlgorithm.A256CBCPAD);
    private static final Set<KeyWrapAlgorithm> RSA_WRAP = ordered(
            KeyWrapAlgorithm.RSA1_5, KeyWrapAlgorithm.RSA_OAEP, KeyWrapAlgorithm.RSA_OAEP_256);
    private static final Set<KeyWrapAlgorithm> AES_WRAP = ordered(
            KeyWrapAlgorithm.A128KW, KeyWrapAlgorithm.A192KW, KeyWrapAlgorithm.A256KW);

    /** How each signature algorithm is computed. */
    private record SignatureScheme(String hash, MGF1ParameterSpec mgf, int digestLength, byte[] digestInfoPrefix,
                                   boolean pss, KeyCurveName curve) {
    }

    private static final Map<SignatureAlgorithm, SignatureScheme> SIGNATURE_SCHEMES = Map.of(
            SignatureAlgorithm.RS256, pkcs1("SHA-256", MGF1ParameterSpec.SHA256, 32, "3031300d060960864801650304020105000420"),
            SignatureAlgorithm.RS384, pkcs1("SHA-384", MGF1ParameterSpec.SHA384, 48, "3041300d060960864801650304020205000430"),
            SignatureAlgorithm.RS512, pkcs1("SHA-512", MGF1ParameterSpec.SHA512, 64, "3051300d060960864801650304020305000440"),
            SignatureAlgorithm.PS256, new SignatureScheme("SHA-256", MGF1ParameterSpec.SHA256, 32, null, true, null),
            SignatureAlgorithm.PS384, new SignatureScheme("SHA-384", MGF1ParameterSpec.SHA384, 48, null, true, null),
            SignatureAlgorithm.PS512, new SignatureScheme("SHA-512", MGF1ParameterSpec.SHA512, 64, null, true, null),
            SignatureAlgorithm.ES256, new SignatureScheme("SHA-256", null, 32, null, false, KeyCurveName.P_256),
            SignatureAlgorithm.ES384, new SignatureScheme("SHA-384", null, 48, null, false, KeyCurveName.P_384),
            SignatureAlgorithm.ES512, new SignatureScheme("SHA-512", null, 64, null, false, KeyCurveName.P_521),
            SignatureAlgorithm.ES256K, new SignatureScheme("SHA-256", null, 32, null, false, KeyCurveName.P_256K));

    private final byte[] referenceKey;
    private final byte[] backupKey;
    private final SecureRandom random;

    /**
     * Creates the provider.
     *
     * @param keyEncryptionKey 32 bytes from which the reference and backup keys are derived; copied, so the
     *                         caller may clear its array afterwards
     * @param random           the source of every random value (keys, IVs, nonces, ECDSA k, padding)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public SoftwareCryptoProvider(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        this.random = Objects.requireNonNull(random, "random");
        if (keyEncryptionKey.length != KEK_LENGTH) {
            throw new IllegalArgumentException("keyEncryptionKey must be " + KEK_LENGTH + " bytes, was "
                    + keyEncryptionKey.length);
        }
        // Separate subkeys, so a backup blob can never be passed off as a reference or the other way round.
        this.referenceKey = Hkdf.derive(keyEncryptionKey, null,
                "coffer/software-provider/reference/v1".getBytes(StandardCharsets.US_ASCII), 32);
        this.backupKey = Hkdf.derive(keyEncryptionKey, null,
                "coffer/software-provider/backup/v1".getBytes(StandardCharsets.US_ASCII), 32);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProtectionLevel protectionLevel() {
        return ProtectionLevel.SOFTWARE;
    }

    @Override
    public Set<KeyType> keyTypes() {
        return KEY_TYPES;
    }

    @Override
    public Set<Integer> keySizes(KeyType keyType) {
        if (KeyType.RSA.equals(keyType)) {
            return RSA_SIZES;
        }
        return KeyType.OCT.equals(keyType) ? AES_SIZES : Set.of();
    }

    @Override
    public Set<KeyCurveName> curves(KeyType keyType) {
        return KeyType.EC.equals(keyType) ? CURVES : Set.of();
    }

    @Override
    public Set<SignatureAlgorithm> signatureAlgorithms(KeyType keyType) {
        if (KeyType.RSA.equals(keyType)) {
            return RSA_SIGNATURES;
        }
        return KeyType.EC.equals(keyType) ? EC_SIGNATURES : Set.of();
    }

    @Override
    public Set<EncryptionAlgorithm> encryptionAlgorithms(KeyType keyType) {
        if (KeyType.RSA.equals(keyType)) {
            return RSA_ENCRYPTION;
        }
        return KeyType.OCT.equals(keyType) ? AES_ENCRYPTION : Set.of();
    }

    @Override
    public Set<KeyWrapAlgorithm> keyWrapAlgorithms(KeyType keyType) {
        if (KeyType.RSA.equals(keyType)) {
            return RSA_WRAP;
        }
        return KeyType.OCT.equals(keyType) ? AES_WRAP : Set.of();
    }

    // ---------------------------------------------------------------- generate and import

    @Override
    public KeyReference generateKey(KeyGenerationSpec spec) {
        Objects.requireNonNull(spec, "spec");
        KeyType type = requireSupportedType(spec.keyType());
        try {
            if (KeyType.RSA.equals(type)) {
                requireRsaSize(spec.keySize());
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(spec.keySize(), spec.effectivePublicExponent()), random);
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
                try (KeyMaterial material = rsaMaterial(key.getModulus(), key.getPublicExponent(),
                        key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                        key.getPrimeExponentQ(), key.getCrtCoefficient())) {
                    return seal(type, spec.keySize(), null, material);
                }
            }
            if (KeyType.EC.equals(type)) {
                JcaKeys.Curve curve = requireCurve(spec.curve());
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
                generator.initialize(new ECGenParameterSpec(curve.secName()), random);
                KeyPair pair = generator.generateKeyPair();
                ECPublicKey pub = (ECPublicKey) pair.getPublic();
                BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
                try (KeyMaterial material = new KeyMaterial(unsigned(d, curve.fieldBytes()),
                        unsigned(pub.getW().getAffineX(), curve.fieldBytes()),
                        unsigned(pub.getW().getAffineY(), curve.fieldBytes()))) {
                    return seal(type, curve.keySize(), curve.name(), material);
                }
            }
            requireAesSize(spec.keySize());
            byte[] k = new byte[spec.keySize() / 8];
            random.nextBytes(k);
            try (KeyMaterial material = new KeyMaterial(k)) {
                return seal(type, spec.keySize(), null, material);
            }
        } catch (GeneralSecurityException e) {
            throw internal("generate a " + type + " key", e);
        }
    }

    @Override
    public KeyReference importKey(JsonWebKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        KeyType type = requireSupportedType(privateKey.getKeyType());
        if (KeyType.RSA.equals(type)) {
            return importRsa(privateKey);
        }
        if (KeyType.EC.equals(type)) {
            return importEc(privateKey);
        }
        byte[] k = privateKey.getK();
        if (k == null) {
            throw bad("An oct key to import needs k.");
        }
        try (KeyMaterial material = new KeyMaterial(k)) {
            requireAesSize(k.length * 8);
            return seal(type, k.length * 8, null, material);
        }
    }

    private KeyReference importRsa(JsonWebKey jwk) {
        byte[][] raw = {jwk.getN(), jwk.getE(), jwk.getD(), jwk.getP(), jwk.getQ(), jwk.getDp(), jwk.getDq(), jwk.getQi()};
        KeyMaterial given = new KeyMaterial(raw);
        try {
            for (byte[] part : raw) {
                if (part == null || part.length == 0) {
                    throw bad("An RSA key to import needs all of n, e, d, p, q, dp, dq and qi.");
                }
            }
            BigInteger n = big(raw[0]);
            BigInteger e = big(raw[1]);
            BigInteger d = big(raw[2]);
            BigInteger p = big(raw[3]);
            BigInteger q = big(raw[4]);
            BigInteger dp = big(raw[5]);
            BigInteger dq = big(raw[6]);
            BigInteger qi = big(raw[7]);
            requireRsaSize(n.bitLength());
            requirePublicExponent(e, n);
            BigInteger one = BigInteger.ONE;
            BigInteger pm1 = p.subtract(one);
            BigInteger qm1 = q.subtract(one);
            boolean consistent = p.compareTo(one) > 0 && q.compareTo(one) > 0 && p.multiply(q).equals(n)
                    && d.signum() > 0 && d.compareTo(n) < 0
                    && e.multiply(d).mod(lcm(pm1, qm1)).equals(one)
                    && dp.equals(d.mod(pm1)) && dq.equals(d.mod(qm1))
                    && qi.equals(q.modInverse(p))
                    // n = p*q alone allows a composite factor; d would then not invert e.
                    && p.isProbablePrime(40) && q.isProbablePrime(40);
            if (!consistent) {
                throw bad("The RSA key to import is inconsistent: n must equal p*q for primes p and q, d must "
                        + "invert e, and dp, dq, qi must be the CRT values of d, p and q.");
            }
            try (KeyMaterial material = rsaMaterial(n, e, d, p, q, dp, dq, qi)) {
                return seal(KeyType.RSA, n.bitLength(), null, material);
            }
        } catch (ArithmeticException notInvertible) {
            throw bad("The RSA key to import is inconsistent: q has no inverse modulo p.");
        } finally {
            given.close();
        }
    }

    private KeyReference importEc(JsonWebKey jwk) {
        JcaKeys.Curve curve = requireCurve(jwk.getCurveName());
        byte[] x = jwk.getX();
        byte[] y = jwk.getY();
        byte[] dBytes = jwk.getD();
        KeyMaterial given = new KeyMaterial(x, y, dBytes);
        try {
            if (x == null || y == null || dBytes == null || dBytes.length == 0) {
                throw bad("An EC key to import needs crv, x, y and d.");
            }
            if (x.length > curve.fieldBytes() || y.length > curve.fieldBytes() || dBytes.length > curve.fieldBytes()) {
                throw bad("The EC key to import has coordinates or d longer than curve " + curve.name() + " allows.");
            }
            ECPoint point = pointOrBad(curve, x, y);
            BigInteger d = big(dBytes);
            if (d.signum() <= 0 || d.compareTo(curve.order()) >= 0
                    || !curve.spec().getG().multiply(d).normalize().equals(point)) {
                throw bad("The EC key to import is inconsistent: d must be in [1, n-1] and d*G must equal (x, y).");
            }
            try (KeyMaterial material = new KeyMaterial(unsigned(d, curve.fieldBytes()),
                    unsigned(big(x), curve.fieldBytes()), unsigned(big(y), curve.fieldBytes()))) {
                return seal(KeyType.EC, curve.keySize(), curve.name(), material);
            }
        } finally {
            given.close();
        }
    }

    @Override
    public JsonWebKey publicKey(KeyReference key) {
        try (KeyMaterial m = open(key)) {
            JsonWebKey.Builder jwk = JsonWebKey.builder().keyType(key.keyType());
            if (KeyType.RSA.equals(key.keyType())) {
                jwk.n(m.part(0)).e(m.part(1));
            } else if (KeyType.EC.equals(key.keyType())) {
                jwk.curveName(key.curve()).x(m.part(1)).y(m.part(2));
            }
            return jwk.build();
        }
    }

    // ---------------------------------------------------------------- sign and verify

    @Override
    public byte[] sign(KeyReference key, SignatureAlgorithm algorithm, byte[] digest) {
        Objects.requireNonNull(key, "key");
        SignatureScheme scheme = scheme(key.keyType(), key.curve(), algorithm);
        requireDigest(algorithm, scheme, digest);
        try (KeyMaterial m = open(key)) {
            if (KeyType.RSA.equals(key.keyType())) {
                PrivateKey privateKey = JcaKeys.rsaPrivate(m);
                Signature signer = rsaSignature(scheme);
                signer.initSign(privateKey, random);
                signer.update(rsaSignatureInput(scheme, digest));
                return signer.sign();
            }
            // Bouncy Castle's ECDSA (the signer its NONEwithECDSA runs) over the curve's shared domain parameters.
            // A JCA key object built for each call carries its own copy of the generator, and Bouncy Castle then
            // recomputes the generator's multiplication table on every signature: about half of a P-256 sign.
            JcaKeys.Curve curve = JcaKeys.curve(key.curve());
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(big(m.part(0)), curve.domain()), random));
            BigInteger[] rs = signer.generateSignature(digest);
            int n = curve.fieldBytes();
            byte[] out = Arrays.copyOf(JcaKeys.unsigned(rs[0], n), 2 * n);
            System.arraycopy(JcaKeys.unsigned(rs[1], n), 0, out, n, n);
            return out;
        } catch (GeneralSecurityException e) {
            throw internal("sign with " + algorithm, e);
        }
    }

    @Override
    public boolean verify(KeyReference key, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signature, "signature");
        SignatureScheme scheme = scheme(key.keyType(), key.curve(), algorithm);
        requireDigest(algorithm, scheme, digest);
        try (KeyMaterial m = open(key)) {
            if (KeyType.RSA.equals(key.keyType())) {
                BigInteger n = big(m.part(0));
                return verifyRsa(rsaPublicOrBad(n, big(m.part(1))), n, scheme, digest, signature);
            }
            JcaKeys.Curve curve = JcaKeys.curve(key.curve());
            return verifyEc(JcaKeys.ecPublic(curve, pointOrBad(curve, m.part(1), m.part(2))), curve, digest, signature);
        } catch (GeneralSecurityException e) {
            throw internal("load the key for " + algorithm, e);
        }
    }

    @Override
    public boolean verify(JsonWebKey publicKey, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
        KeyType type = publicBaseType(publicKey.getKeyType());
        SignatureScheme scheme = scheme(type, publicKey.getCurveName(), algorithm);
        requireDigest(algorithm, scheme, digest);
        try {
            if (KeyType.RSA.equals(type)) {
                BigInteger n = bareRsaModulus(publicKey);
                return verifyRsa(rsaPublicOrBad(n, big(publicKey.getE())), n, scheme, digest, signature);
            }
            JcaKeys.Curve curve = JcaKeys.curve(publicKey.getCurveName());
            return verifyEc(JcaKeys.ecPublic(curve, barePoint(publicKey, curve)), curve, digest, signature);
        } catch (GeneralSecurityException e) {
            throw bad("The public key could not be loaded for " + algorithm + ".");
        }
    }

    private boolean verifyRsa(PublicKey publicKey, BigInteger n, SignatureScheme scheme, byte[] digest,
                              byte[] signature) {
        // RFC 8017 requires a signature exactly as long as the modulus; a shorter one is malformed, not padded.
        if (signature.length != (n.bitLength() + 7) / 8) {
            return false;
        }
        try {
            Signature verifier = rsaSignature(scheme);
            verifier.initVerify(publicKey);
            verifier.update(rsaSignatureInput(scheme, digest));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException malformed) {
            return false;
        }
    }

    private static boolean verifyEc(PublicKey publicKey, JcaKeys.Curve curve, byte[] digest, byte[] signature) {
        int n = curve.fieldBytes();
        if (signature.length != 2 * n) {
            return false;
        }
        try {
            byte[] der = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(big(Arrays.copyOfRange(signature, 0, n))),
                new ASN1Integer(big(Arrays.copyOfRange(signature, n, 2 * n)))}).getEncoded();
            Signature verifier = Signature.getInstance("NONEwithECDSA", BC);
            verifier.initVerify(publicKey);
            verifier.update(digest);
            return verifier.verify(der);
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException malformed) {
            return false;
        }
    }

    private static Signature rsaSignature(SignatureScheme scheme) throws GeneralSecurityException {
        if (!scheme.pss()) {
            // SunJCE: PKCS#1 v1.5 type-1 padding over the DigestInfo this class prepends.
            return Signature.getInstance("NONEwithRSA");
        }
        Signature pss = Signature.getInstance("RAWRSASSA-PSS", BC);
        pss.setParameter(new PSSParameterSpec(scheme.hash(), "MGF1", scheme.mgf(), scheme.digestLength(), 1));
        return pss;
    }

    private static byte[] rsaSignatureInput(SignatureScheme scheme, byte[] digest) {
        if (scheme.pss()) {
            return digest;
        }
        byte[] prefix = scheme.digestInfoPrefix();
        byte[] input = Arrays.copyOf(prefix, prefix.length + digest.length);
        System.arraycopy(digest, 0, input, prefix.length, digest.length);
        return input;
    }

    // ---------------------------------------------------------------- encrypt and decrypt

    @Override
    public EncryptResult encrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] plaintext, byte[] iv,
                                 byte[] aad) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(plaintext, "plaintext");
        requireAlgorithm(encryptionAlgorithms(key.keyType()), algorithm, key.keyType());
        if (KeyType.RSA.equals(key.keyType())) {
            requireAbsent(iv, "iv", algorithm);
            requireAbsent(aad, "aad", algorithm);
            try (KeyMaterial m = open(key)) {
                BigInteger n = big(m.part(0));
                return new EncryptResult(algorithm, rsaEncrypt(rsaPublicOrBad(n, big(m.part(1))), algorithm.toString(),
                        plaintext), null, null);
            }
        }
        requireAesKeySize(key, aesBits(algorithm.toString()), algorithm.toString());
        boolean gcm = isGcm(algorithm);
        int ivLength = gcm ? GCM_IV_LENGTH : CBC_IV_LENGTH;
        if (!gcm) {
            requireAbsent(aad, "aad", algorithm);
            if (isUnpaddedCbc(algorithm) && plaintext.length % 16 != 0) {
                throw bad(algorithm + " needs a plaintext whose length is a multiple of 16 bytes; use "
                        + algorithm + "PAD for other lengths.");
            }
        }
        byte[] usedIv;
        if (iv == null) {
            usedIv = new byte[ivLength];
            random.nextBytes(usedIv);
        } else {
            requireLength(iv, ivLength, "iv", algorithm);
            usedIv = iv.clone();
        }
        try (KeyMaterial m = open(key)) {
            Cipher cipher = aesCipher(algorithm, Cipher.ENCRYPT_MODE, m.part(0), usedIv);
            if (gcm && aad != null) {
                cipher.updateAAD(aad);
            }
            byte[] out = cipher.doFinal(plaintext);
            if (!gcm) {
                return new EncryptResult(algorithm, out, usedIv, null);
            }
            int split = out.length - GCM_TAG_LENGTH;
            return new EncryptResult(algorithm, Arrays.copyOfRange(out, 0, split), usedIv,
                    Arrays.copyOfRange(out, split, out.length));
        } catch (GeneralSecurityException e) {
            throw internal("encrypt with " + algorithm, e);
        }
    }

    @Override
    public EncryptResult encrypt(JsonWebKey publicKey, EncryptionAlgorithm algorithm, byte[] plaintext) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(plaintext, "plaintext");
        KeyType type = publicBaseType(publicKey.getKeyType());
        if (!KeyType.RSA.equals(type)) {
            throw bad("Encryption with a bare public key needs an RSA key; " + type + " keys have no public encryption.");
        }
        requireAlgorithm(RSA_ENCRYPTION, algorithm, type);
        BigInteger n = bareRsaModulus(publicKey);
        return new EncryptResult(algorithm, rsaEncrypt(rsaPublicOrBad(n, big(publicKey.getE())), algorithm.toString(),
                plaintext), null, null);
    }

    @Override
    public byte[] decrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] ciphertext, byte[] iv, byte[] aad,
                          byte[] tag) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(ciphertext, "ciphertext");
        requireAlgorithm(encryptionAlgorithms(key.keyType()), algorithm, key.keyType());
        if (KeyType.RSA.equals(key.keyType())) {
            requireAbsent(iv, "iv", algorithm);
            requireAbsent(aad, "aad", algorithm);
            requireAbsent(tag, "tag", algorithm);
            try (KeyMaterial m = open(key)) {
                return rsaDecrypt(m, algorithm.toString(), ciphertext, DECRYPT_FAILED);
            }
        }
        requireAesKeySize(key, aesBits(algorithm.toString()), algorithm.toString());
        boolean gcm = isGcm(algorithm);
        if (iv == null) {
            throw bad(algorithm + " decryption needs the iv that encryption returned.");
        }
        requireLength(iv, gcm ? GCM_IV_LENGTH : CBC_IV_LENGTH, "iv", algorithm);
        byte[] input;
        if (gcm) {
            if (tag == null) {
                throw bad(algorithm + " decryption needs the authentication tag that encryption returned.");
            }
            requireLength(tag, GCM_TAG_LENGTH, "tag", algorithm);
            input = Arrays.copyOf(ciphertext, ciphertext.length + GCM_TAG_LENGTH);
            System.arraycopy(tag, 0, input, ciphertext.length, GCM_TAG_LENGTH);
        } else {
            requireAbsent(aad, "aad", algorithm);
            requireAbsent(tag, "tag", algorithm);
            // SunJCE decrypts an empty input to an empty plaintext even with PKCS#5 padding, where a padded
            // ciphertext always has at least one block; refuse it here.
            boolean whole = ciphertext.length % 16 == 0 && (isUnpaddedCbc(algorithm) || ciphertext.length > 0);
            if (!whole) {
                throw bad(DECRYPT_FAILED);
            }
            input = ciphertext;
        }
        try (KeyMaterial m = open(key)) {
            Cipher cipher = aesCipher(algorithm, Cipher.DECRYPT_MODE, m.part(0), iv);
            if (gcm && aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(input);
        } catch (GeneralSecurityException failed) {
            throw bad(DECRYPT_FAILED);
        }
    }

    private byte[] rsaEncrypt(PublicKey publicKey, String algorithm, byte[] plaintext) {
        try {
            Cipher cipher = rsaCipher(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, publicKey, rsaParameters(algorithm), random);
            return cipher.doFinal(plaintext);
        } catch (javax.crypto.IllegalBlockSizeException tooLong) {
            throw bad("The input is too long for " + algorithm + " with this key size.");
        } catch (GeneralSecurityException e) {
            throw internal("encrypt with " + algorithm, e);
        }
    }

    private byte[] rsaDecrypt(KeyMaterial m, String algorithm, byte[] ciphertext, String failure) {
        // One message for every failure, so the error is no padding oracle beyond what the algorithm is.
        if (ciphertext.length != (big(m.part(0)).bitLength() + 7) / 8) {
            throw bad(failure);
        }
        PrivateKey privateKey;
        try {
            privateKey = JcaKeys.rsaPrivate(m);
        } catch (GeneralSecurityException e) {
            throw internal("load the key for " + algorithm, e);
        }
        try {
            Cipher cipher = rsaCipher(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, privateKey, rsaParameters(algorithm), random);
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException failed) {
            throw bad(failure);
        }
    }

    // SunJCE for all three: "OAEPPadding" with explicit parameters, because the JDK's named
    // "OAEPWithSHA-256AndMGF1Padding" keeps MGF1 on SHA-1, which is not RSA-OAEP-256.
    private static Cipher rsaCipher(String algorithm) throws GeneralSecurityException {
        return Cipher.getInstance(algorithm.equals("RSA1_5") ? "RSA/ECB/PKCS1Padding" : "RSA/ECB/OAEPPadding");
    }

    private static OAEPParameterSpec rsaParameters(String algorithm) {
        switch (algorithm) {
            case "RSA-OAEP":
                return new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
            case "RSA-OAEP-256":
                return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            default:
                return null;
        }
    }

    private static Cipher aesCipher(EncryptionAlgorithm algorithm, int mode, byte[] key, byte[] iv)
            throws GeneralSecurityException {
        SecretKeySpec secret = new SecretKeySpec(key, "AES");
        if (isGcm(algorithm)) {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, secret, new GCMParameterSpec(GCM_TAG_LENGTH * 8, iv));
            return cipher;
        }
        Cipher cipher = Cipher.getInstance(isUnpaddedCbc(algorithm) ? "AES/CBC/NoPadding" : "AES/CBC/PKCS5Padding");
        cipher.init(mode, secret, new IvParameterSpec(iv));
        return cipher;
    }

    private static boolean isGcm(EncryptionAlgorithm algorithm) {
        return algorithm.toString().endsWith("GCM");
    }

    private static boolean isUnpaddedCbc(EncryptionAlgorithm algorithm) {
        return algorithm.toString().endsWith("CBC");
    }

    /** A128GCM, A192KW, A256CBCPAD ... name their key size in characters 1 to 3. */
    private static int aesBits(String algorithm) {
        return Integer.parseInt(algorithm.substring(1, 4));
    }

    // ---------------------------------------------------------------- wrap and unwrap

    @Override
    public byte[] wrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] keyBytes) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyBytes, "keyBytes");
        requireWrapAlgorithm(keyWrapAlgorithms(key.keyType()), algorithm, key.keyType());
        try (KeyMaterial m = open(key)) {
            if (KeyType.RSA.equals(key.keyType())) {
                return rsaEncrypt(rsaPublicOrBad(big(m.part(0)), big(m.part(1))), algorithm.toString(), keyBytes);
            }
            requireAesKeySize(key, aesBits(algorithm.toString()), algorithm.toString());
            if (keyBytes.length < 16 || keyBytes.length % 8 != 0) {
                throw bad(algorithm + " wraps a key of at least 16 bytes whose length is a multiple of 8.");
            }
            return aesKeyWrap(Cipher.ENCRYPT_MODE, m.part(0), keyBytes);
        } catch (GeneralSecurityException e) {
            throw internal("wrap with " + algorithm, e);
        }
    }

    @Override
    public byte[] wrapKey(JsonWebKey publicKey, KeyWrapAlgorithm algorithm, byte[] keyBytes) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyBytes, "keyBytes");
        KeyType type = publicBaseType(publicKey.getKeyType());
        if (!KeyType.RSA.equals(type)) {
            throw bad("Wrapping with a bare public key needs an RSA key; " + type + " keys have no public wrap.");
        }
        requireWrapAlgorithm(RSA_WRAP, algorithm, type);
        BigInteger n = bareRsaModulus(publicKey);
        return rsaEncrypt(rsaPublicOrBad(n, big(publicKey.getE())), algorithm.toString(), keyBytes);
    }

    @Override
    public byte[] unwrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] encryptedKey) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encryptedKey, "encryptedKey");
        requireWrapAlgorithm(keyWrapAlgorithms(key.keyType()), algorithm, key.keyType());
        try (KeyMaterial m = open(key)) {
            if (KeyType.RSA.equals(key.keyType())) {
                return rsaDecrypt(m, algorithm.toString(), encryptedKey, UNWRAP_FAILED);
            }
            requireAesKeySize(key, aesBits(algorithm.toString()), algorithm.toString());
            if (encryptedKey.length < 24 || encryptedKey.length % 8 != 0) {
                throw bad(UNWRAP_FAILED);
            }
            return aesKeyWrap(Cipher.DECRYPT_MODE, m.part(0), encryptedKey);
        } catch (GeneralSecurityException failed) {
            throw bad(UNWRAP_FAILED);
        }
    }

    // SunJCE's RFC 3394 key wrap ("AES/KW/NoPadding", new in JDK 17) on raw bytes, with the default IV.
    private static byte[] aesKeyWrap(int mode, byte[] key, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"));
        return cipher.doFinal(input);
    }

    // ---------------------------------------------------------------- backup and destroy

    @Override
    public byte[] exportForBackup(KeyReference key) {
        try (KeyMaterial m = open(key)) {
            byte[] header = backupHeader(key.keyType(), key.keySize(), key.curve());
            byte[] plain = m.encode();
            try {
                byte[] iv = new byte[GCM_IV_LENGTH];
                random.nextBytes(iv);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(backupKey, "AES"), new GCMParameterSpec(128, iv));
                cipher.updateAAD(backupAad(header));
                byte[] sealed = cipher.doFinal(plain);
                return ByteBuffer.allocate(header.length + iv.length + sealed.length)
                        .put(header).put(iv).put(sealed).array();
            } catch (GeneralSecurityException e) {
                throw internal("seal a backup", e);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public KeyReference importFromBackup(byte[] backup) {
        Objects.requireNonNull(backup, "backup");
        String malformed = "The key backup is malformed, altered, of another format version, or was made under "
                + "another key-encryption key.";
        ByteBuffer in = ByteBuffer.wrap(backup);
        KeyType type;
        int size;
        KeyCurveName curve;
        try {
            if (in.get() != BACKUP_VERSION) {
                throw bad(malformed);
            }
            type = KeyType.fromString(readShortString(in));
            size = in.getShort() & 0xffff;
            String curveName = readShortString(in);
            curve = curveName.isEmpty() ? null : KeyCurveName.fromString(curveName);
        } catch (java.nio.BufferUnderflowException e) {
            throw bad(malformed);
        }
        int headerLength = in.position();
        if (!KEY_TYPES.contains(type) || in.remaining() < GCM_IV_LENGTH + GCM_TAG_LENGTH) {
            throw bad(malformed);
        }
        byte[] header = Arrays.copyOfRange(backup, 0, headerLength);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(backupKey, "AES"),
                    new GCMParameterSpec(128, backup, headerLength, GCM_IV_LENGTH));
            cipher.updateAAD(backupAad(header));
            plain = cipher.doFinal(backup, headerLength + GCM_IV_LENGTH, backup.length - headerLength - GCM_IV_LENGTH);
        } catch (AEADBadTagException e) {
            throw bad(malformed);
        } catch (GeneralSecurityException e) {
            throw internal("open a backup", e);
        }
        try (KeyMaterial material = KeyMaterial.decode(plain, partCount(type))) {
            return seal(type, size, curve, material);
        } catch (IllegalArgumentException e) {
            throw bad(malformed);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public void destroy(KeyReference key) {
        // Nothing to erase: the key exists only inside the reference, which the core deletes. Opening it
        // checks that the reference is ours and intact, so a purge of someone else's key is reported.
        open(key).close();
    }

    private static byte[] backupHeader(KeyType type, int size, KeyCurveName curve) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BACKUP_VERSION);
        writeShortString(out, type.toString());
        out.write(size >>> 8);
        out.write(size);
        writeShortString(out, curve == null ? "" : curve.toString());
        return out.toByteArray();
    }

    private static byte[] backupAad(byte[] header) {
        byte[] context = ("coffer/software-provider/backup/v1\0" + ID + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(context, context.length + header.length);
        System.arraycopy(header, 0, aad, context.length, header.length);
        return aad;
    }

    private static void writeShortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readShortString(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- wrapped references

    /**
     * Seals key material into a reference: version byte, 12-byte nonce, then AES-256-GCM ciphertext and tag.
     * The AAD binds the format version, provider id, key type, size and curve, so none of the reference's
     * visible fields can be changed without the reference failing to open.
     */
    private KeyReference seal(KeyType type, int size, KeyCurveName curve, KeyMaterial material) {
        byte[] plain = material.encode();
        try {
            byte[] iv = new byte[GCM_IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(referenceKey, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(referenceAad(type, size, curve));
            byte[] sealed = cipher.doFinal(plain);
            byte[] wrapped = ByteBuffer.allocate(1 + iv.length + sealed.length)
                    .put(REFERENCE_VERSION).put(iv).put(sealed).array();
            return new KeyReference(ID, ProtectionLevel.SOFTWARE, type, size, curve, wrapped, null);
        } catch (GeneralSecurityException e) {
            throw internal("wrap a key reference", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens a reference; the caller closes the material, which zeroes it. */
    private KeyMaterial open(KeyReference key) {
        Objects.requireNonNull(key, "key");
        if (!ID.equals(key.providerId()) || key.protectionLevel() != ProtectionLevel.SOFTWARE) {
            throw bad("The key reference belongs to provider '" + key.providerId() + "', not '" + ID + "'.");
        }
        byte[] wrapped = key.wrappedKey();
        if (wrapped == null || !KEY_TYPES.contains(key.keyType())) {
            throw bad("The key reference is not a " + ID + " reference (no wrapped key of a supported type).");
        }
        String unauthentic = "The key reference could not be authenticated: it was altered, or wrapped under "
                + "another key-encryption key.";
        if (wrapped.length < 1 + GCM_IV_LENGTH + GCM_TAG_LENGTH || wrapped[0] != REFERENCE_VERSION) {
            throw bad(unauthentic);
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(referenceKey, "AES"),
                    new GCMParameterSpec(128, wrapped, 1, GCM_IV_LENGTH));
            cipher.updateAAD(referenceAad(key.keyType(), key.keySize(), key.curve()));
            plain = cipher.doFinal(wrapped, 1 + GCM_IV_LENGTH, wrapped.length - 1 - GCM_IV_LENGTH);
        } catch (AEADBadTagException e) {
            throw bad(unauthentic);
        } catch (GeneralSecurityException e) {
            throw internal("open a key reference", e);
        }
        try {
            return KeyMaterial.decode(plain, partCount(key.keyType()));
        } catch (IllegalArgumentException e) {
            throw bad(unauthentic);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] referenceAad(KeyType type, int size, KeyCurveName curve) {
        return ("coffer/software-provider/reference/v" + REFERENCE_VERSION + "\0" + ID + "\0" + type + "\0" + size
                + "\0" + (curve == null ? "" : curve.toString())).getBytes(StandardCharsets.UTF_8);
    }

    private static int partCount(KeyType type) {
        if (KeyType.RSA.equals(type)) {
            return KeyMaterial.RSA_PARTS;
        }
        return KeyType.EC.equals(type) ? KeyMaterial.EC_PARTS : KeyMaterial.OCT_PARTS;
    }

    private static KeyMaterial rsaMaterial(BigInteger... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = unsigned(parts[i]);
        }
        return new KeyMaterial(bytes);
    }

    // ---------------------------------------------------------------- checks

    private KeyType requireSupportedType(KeyType type) {
        Objects.requireNonNull(type, "keyType");
        if (!KEY_TYPES.contains(type)) {
            throw bad("Key type " + type + " is not supported by provider " + ID + "; it supports " + KEY_TYPES + ".");
        }
        return type;
    }

    private static void requireRsaSize(int bits) {
        if (!RSA_SIZES.contains(bits)) {
            throw bad("RSA key size " + bits + " is not supported; use 2048, 3072 or 4096.");
        }
    }

    private static void requireAesSize(int bits) {
        if (!AES_SIZES.contains(bits)) {
            throw bad("oct key size " + bits + " is not supported; use 128, 192 or 256.");
        }
    }

    private static void requirePublicExponent(BigInteger e, BigInteger n) {
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw bad("The RSA public exponent must be odd, at least 3 and smaller than n.");
        }
    }

    private static JcaKeys.Curve requireCurve(KeyCurveName name) {
        JcaKeys.Curve curve = JcaKeys.curve(name);
        if (curve == null) {
            throw bad("Curve " + name + " is not supported; use one of " + CURVES + ".");
        }
        return curve;
    }

    private static ECPoint pointOrBad(JcaKeys.Curve curve, byte[] x, byte[] y) {
        try {
            return JcaKeys.point(curve, x, y);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw bad("The EC public point (x, y) is not on curve " + curve.name() + ".");
        }
    }

    private static PublicKey rsaPublicOrBad(BigInteger n, BigInteger e) {
        try {
            return JcaKeys.rsaPublic(n, e);
        } catch (GeneralSecurityException ex) {
            throw bad("The RSA public key (n, e) is not usable.");
        }
    }

    /** An {@code -HSM} public key is fine for public-key math; anything else than RSA or EC is refused. */
    private static KeyType publicBaseType(KeyType type) {
        Objects.requireNonNull(type, "keyType");
        if (KeyGenerationSpec.isRsa(type)) {
            return KeyType.RSA;
        }
        if (KeyGenerationSpec.isEc(type)) {
            return KeyType.EC;
        }
        throw bad("Public-key operations need an RSA or EC key, not " + type + ".");
    }

    private static BigInteger bareRsaModulus(JsonWebKey publicKey) {
        byte[] n = publicKey.getN();
        byte[] e = publicKey.getE();
        if (n == null || e == null) {
            throw bad("An RSA public key needs n and e.");
        }
        BigInteger modulus = big(n);
        requireRsaSize(modulus.bitLength());
        requirePublicExponent(big(e), modulus);
        return modulus;
    }

    private static ECPoint barePoint(JsonWebKey publicKey, JcaKeys.Curve curve) {
        byte[] x = publicKey.getX();
        byte[] y = publicKey.getY();
        if (x == null || y == null) {
            throw bad("An EC public key needs crv, x and y.");
        }
        if (x.length > curve.fieldBytes() || y.length > curve.fieldBytes()) {
            throw bad("The EC public key's coordinates are longer than curve " + curve.name() + " allows.");
        }
        return pointOrBad(curve, x, y);
    }

    private SignatureScheme scheme(KeyType type, KeyCurveName curve, SignatureAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        SignatureScheme scheme = SIGNATURE_SCHEMES.get(algorithm);
        if (scheme == null || !signatureAlgorithms(type).contains(algorithm)) {
            throw bad("Algorithm " + algorithm + " is not supported for key type " + type + "; use one of "
                    + signatureAlgorithms(type) + ".");
        }
        if (KeyType.EC.equals(type)) {
            requireCurve(curve);
            if (!scheme.curve().equals(curve)) {
                throw bad("Algorithm " + algorithm + " needs a " + scheme.curve() + " key, not " + curve + ".");
            }
        }
        return scheme;
    }

    private static void requireDigest(SignatureAlgorithm algorithm, SignatureScheme scheme, byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        if (digest.length != scheme.digestLength()) {
            throw bad("Algorithm " + algorithm + " needs a " + scheme.digestLength() + "-byte " + scheme.hash()
                    + " digest, but the digest is " + digest.length + " bytes.");
        }
    }

    private static void requireAlgorithm(Set<EncryptionAlgorithm> allowed, EncryptionAlgorithm algorithm, KeyType type) {
        if (!allowed.contains(algorithm)) {
            throw bad("Algorithm " + algorithm + " is not supported for key type " + type + "; use one of " + allowed + ".");
        }
    }

    private static void requireWrapAlgorithm(Set<KeyWrapAlgorithm> allowed, KeyWrapAlgorithm algorithm, KeyType type) {
        if (!allowed.contains(algorithm)) {
            throw bad("Algorithm " + algorithm + " is not supported for key type " + type + "; use one of " + allowed + ".");
        }
    }

    private static void requireAesKeySize(KeyReference key, int bits, String algorithm) {
        if (key.keySize() != bits) {
            throw bad("Algorithm " + algorithm + " needs a " + bits + "-bit key, but the key has " + key.keySize() + " bits.");
        }
    }

    private static void requireLength(byte[] value, int length, String name, EncryptionAlgorithm algorithm) {
        if (value.length != length) {
            throw bad(algorithm + " needs a " + length + "-byte " + name + ", but it is " + value.length + " bytes.");
        }
    }

    private static void requireAbsent(byte[] value, String name, EncryptionAlgorithm algorithm) {
        if (value != null && value.length > 0) {
            throw bad(algorithm + " takes no " + name + ".");
        }
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    @SafeVarargs
    private static <T> Set<T> ordered(T... values) {
        Set<T> set = new LinkedHashSet<>();
        for (T value : values) {
            set.add(value);
        }
        return java.util.Collections.unmodifiableSet(set);
    }

    private static SignatureScheme pkcs1(String hash, MGF1ParameterSpec mgf, int length, String digestInfoHex) {
        return new SignatureScheme(hash, mgf, length, HexFormat.of().parseHex(digestInfoHex), false, null);
    }

    private static BadParameterException bad(String message) {
        return new BadParameterException("BadParameter", null, message);
    }

    private static CofferException internal(String what, Exception cause) {
        return new CofferException(500, "InternalError", null, "The software crypto provider failed to " + what + ".",
                cause);
    }
}
