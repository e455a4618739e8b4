package dev.coffer.vault.crypto.internal;

import static dev.coffer.vault.crypto.internal.JcaKeys.BC;
import static dev.coffer.vault.crypto.internal.JcaKeys.big;
import static dev.coffer.vault.crypto.internal.JcaKeys.unsigned;

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
import dev.coffer.vault.spi.KeyPairSource;
import dev.coffer.vault.spi.KeyReference;
import java.math.BigInteger;
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
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The one algorithm engine of Coffer's providers: generation, import checks, public JWKs, signatures over a
 * digest, encryption, key wrap and the bare public-key operations, over key material that a subclass keeps
 * wrapped. It knows nothing about how a reference is sealed or where it lives: the subclass supplies
 * {@link #id}, {@link #protectionLevel}, {@link #keyTypes}, {@link #seal}, {@link #open} and the backup and
 * destroy operations. The software provider (vault-core) and each partition of the simulated HSM
 * (vault-hsm-sim) are its two subclasses.
 *
 * <p>Key types are handled by family (RSA and RSA-HSM alike), so the same code serves the software names,
 * the strict {@code -HSM} vocabulary and the HSM's optional software-name aliases; what a provider accepts
 * is its {@link #keyTypes()}. The optional FIPS-like mode narrows the family sets; every refusal then
 * follows from the declared sets, as the SPI requires.
 *
 * <p>Which JCA implementation serves which algorithm, and why (see docs/CRYPTO.md):
 * <ul>
 *   <li>AES (GCM, CBC, KW) and the RSA ciphers and PKCS#1 v1.5 signatures: the JDK's SunJCE / SunRsaSign,
 *       which use AES-NI and CLMUL intrinsics and blinded, CRT-based RSA;</li>
 *   <li>RSASSA-PSS over a digest: Bouncy Castle's raw PSS, because the JDK only offers PSS over a message
 *       it hashes itself, and Key Vault signs a digest the caller hashed;</li>
 *   <li>ECDSA on all four curves: Bouncy Castle, because the JDK 17 dropped secp256k1, and one
 *       implementation for every curve keeps ES* uniform.</li>
 * </ul>
 * Bouncy Castle is passed as an instance, never installed. Thread-safe: JCA objects are made per call.
 */
public abstract class CryptoEngine implements CryptoProvider {

    private static final int GCM_IV_LENGTH = 12;
    private static final int GCM_TAG_LENGTH = 16;
    private static final int CBC_IV_LENGTH = 16;
    private static final String DECRYPT_FAILED = "The ciphertext could not be decrypted with this key and algorithm.";
    private static final String UNWRAP_FAILED = "The wrapped key could not be unwrapped with this key and algorithm.";

    private static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);
    private static final Set<Integer> AES_SIZES = Set.of(128, 192, 256);
    private static final Set<KeyCurveName> CURVES =
            ordered(KeyCurveName.P_256, KeyCurveName.P_384, KeyCurveName.P_521, KeyCurveName.P_256K);

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

    /** secp256k1 is not a NIST curve: FIPS 186-5 does not approve it for ECDSA. */
    private static final Set<KeyCurveName> FIPS_CURVES =
            ordered(KeyCurveName.P_256, KeyCurveName.P_384, KeyCurveName.P_521);
    private static final Set<SignatureAlgorithm> FIPS_EC_SIGNATURES = ordered(
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);
    /** PKCS#1 v1.5 encryption is disallowed for key transport by SP 800-131A Rev. 2; OAEP stays. */
    private static final Set<EncryptionAlgorithm> FIPS_RSA_ENCRYPTION = ordered(
            EncryptionAlgorithm.RSA_OAEP, EncryptionAlgorithm.RSA_OAEP_256);
    private static final Set<KeyWrapAlgorithm> FIPS_RSA_WRAP = ordered(
            KeyWrapAlgorithm.RSA_OAEP, KeyWrapAlgorithm.RSA_OAEP_256);
    /** FIPS 186-5 requires 2^16 < e < 2^256 for RSA keys. */
    private static final BigInteger FIPS_MIN_EXPONENT = BigInteger.valueOf(65537);

    /** Where a key came from; a provider may record it (the simulated HSM does, in its attestation). */
    public enum Origin {
        /** Made inside the device (PKCS#11 CKA_LOCAL true). */
        GENERATED,
        /** Brought in from outside as a private JWK (CKA_LOCAL false). */
        IMPORTED
    }

    /** The source of every random value (keys, IVs, nonces, ECDSA k, padding). */
    protected final SecureRandom random;
    /** Key pairs generated ahead of use, asked before generating an RSA or EC key. */
    private volatile KeyPairSource keyPairSource = KeyPairSource.NONE;
    private final boolean fips;
    private final String subject;

    /**
     * @param random  the random source
     * @param fips    true for the FIPS-like mode, which refuses the parameters listed in docs/HSM.md
     * @param subject how internal-error messages name the provider ("The software crypto provider")
     */
    protected CryptoEngine(SecureRandom random, boolean fips, String subject) {
        this.random = Objects.requireNonNull(random, "random");
        this.fips = fips;
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /**
     * Seals key material into a reference of this provider.
     *
     * @param type     the key type as requested (an -HSM name, or an accepted alias)
     * @param size     the key size in bits
     * @param curve    the curve, or null
     * @param material the material; the caller closes it
     * @param origin   generated inside or imported
     * @return the reference
     */
    protected abstract KeyReference seal(KeyType type, int size, KeyCurveName curve, KeyMaterial material,
                                         Origin origin);

    /**
     * Opens a reference of this provider; the caller closes the material, which zeroes it.
     *
     * @param key the reference
     * @return the key material
     */
    protected abstract KeyMaterial open(KeyReference key);

    @Override
    public Set<Integer> keySizes(KeyType keyType) {
        if (keyType == null || !keyTypes().contains(keyType)) {
            return Set.of();
        }
        if (isRsa(keyType)) {
            return RSA_SIZES;
        }
        return isOct(keyType) ? AES_SIZES : Set.of();
    }

    @Override
    public Set<KeyCurveName> curves(KeyType keyType) {
        return keyType != null && keyTypes().contains(keyType) && isEc(keyType) ? familyCurves() : Set.of();
    }

    @Override
    public Set<SignatureAlgorithm> signatureAlgorithms(KeyType keyType) {
        return keyType != null && keyTypes().contains(keyType) ? familySignatures(keyType) : Set.of();
    }

    @Override
    public Set<EncryptionAlgorithm> encryptionAlgorithms(KeyType keyType) {
        return keyType != null && keyTypes().contains(keyType) ? familyEncryptions(keyType) : Set.of();
    }

    @Override
    public Set<KeyWrapAlgorithm> keyWrapAlgorithms(KeyType keyType) {
        return keyType != null && keyTypes().contains(keyType) ? familyWraps(keyType) : Set.of();
    }

    // The family sets serve bare public-key operations too, where any RSA or EC name is fine.
    private Set<KeyCurveName> familyCurves() {
        return fips ? FIPS_CURVES : CURVES;
    }

    private Set<SignatureAlgorithm> familySignatures(KeyType type) {
        if (isRsa(type)) {
            return RSA_SIGNATURES;
        }
        if (isEc(type)) {
            return fips ? FIPS_EC_SIGNATURES : EC_SIGNATURES;
        }
        return Set.of();
    }

    private Set<EncryptionAlgorithm> familyEncryptions(KeyType type) {
        if (isRsa(type)) {
            return fips ? FIPS_RSA_ENCRYPTION : RSA_ENCRYPTION;
        }
        return isOct(type) ? AES_ENCRYPTION : Set.of();
    }

    private Set<KeyWrapAlgorithm> familyWraps(KeyType type) {
        if (isRsa(type)) {
            return fips ? FIPS_RSA_WRAP : RSA_WRAP;
        }
        return isOct(type) ? AES_WRAP : Set.of();
    }

    public static boolean isRsa(KeyType type) {
        return KeyGenerationSpec.isRsa(type);
    }

    public static boolean isEc(KeyType type) {
        return KeyGenerationSpec.isEc(type);
    }

    public static boolean isOct(KeyType type) {
        return KeyGenerationSpec.isOct(type);
    }

    // ---------------------------------------------------------------- generate and import

    /**
     * Lets RSA and EC generation draw on pre-generated pairs (see {@link KeyPairSource}).
     *
     * @param source the source; {@link KeyPairSource#NONE} to generate every key here
     */
    public void keyPairSource(KeyPairSource source) {
        this.keyPairSource = Objects.requireNonNull(source, "source");
    }

    /** A pooled pair is used only if it is exactly what was asked for; otherwise the engine generates. */
    private KeyPair pooled(KeyGenerationSpec spec, KeyType type) {
        KeyPair pair = keyPairSource.take(spec).orElse(null);
        if (pair == null) {
            return null;
        }
        if (isRsa(type) && pair.getPrivate() instanceof RSAPrivateCrtKey k
                && k.getModulus().bitLength() == spec.keySize()
                && k.getPublicExponent().equals(spec.effectivePublicExponent())) {
            return pair;
        }
        if (isEc(type) && pair.getPublic() instanceof ECPublicKey pub && pair.getPrivate() instanceof ECPrivateKey
                && pub.getParams().getOrder().equals(JcaKeys.curve(spec.curve()).spec().getN())) {
            return pair;
        }
        return null;
    }

    @Override
    public KeyReference generateKey(KeyGenerationSpec spec) {
        Objects.requireNonNull(spec, "spec");
        KeyType type = requireSupportedType(spec.keyType());
        try {
            if (isRsa(type)) {
                requireRsaSize(spec.keySize());
                if (fips && spec.effectivePublicExponent().compareTo(FIPS_MIN_EXPONENT) < 0) {
                    throw bad("FIPS mode: the RSA public exponent must be at least 65537 (FIPS 186-5).");
                }
                KeyPair pair = pooled(spec, type);
                if (pair == null) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(new RSAKeyGenParameterSpec(spec.keySize(), spec.effectivePublicExponent()), random);
                    pair = generator.generateKeyPair();
                }
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
                try (KeyMaterial material = rsaMaterial(key.getModulus(), key.getPublicExponent(),
                        key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                        key.getPrimeExponentQ(), key.getCrtCoefficient())) {
                    return seal(type, spec.keySize(), null, material, Origin.GENERATED);
                }
            }
            if (isEc(type)) {
                JcaKeys.Curve curve = requireCurve(spec.curve());
                KeyPair pair = pooled(spec, type);
                if (pair == null) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
                    generator.initialize(new ECGenParameterSpec(curve.secName()), random);
                    pair = generator.generateKeyPair();
                }
                ECPublicKey pub = (ECPublicKey) pair.getPublic();
                BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
                try (KeyMaterial material = new KeyMaterial(unsigned(d, curve.fieldBytes()),
                        unsigned(pub.getW().getAffineX(), curve.fieldBytes()),
                        unsigned(pub.getW().getAffineY(), curve.fieldBytes()))) {
                    return seal(type, curve.keySize(), curve.name(), material, Origin.GENERATED);
                }
            }
            requireAesSize(spec.keySize());
            byte[] k = new byte[spec.keySize() / 8];
            random.nextBytes(k);
            try (KeyMaterial material = new KeyMaterial(k)) {
                return seal(type, spec.keySize(), null, material, Origin.GENERATED);
            }
        } catch (GeneralSecurityException e) {
            throw internal("generate a " + type + " key", e);
        }
    }

    @Override
    public KeyReference importKey(JsonWebKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        KeyType type = requireSupportedType(privateKey.getKeyType());
        if (isRsa(type)) {
            return importRsa(privateKey);
        }
        if (isEc(type)) {
            return importEc(privateKey);
        }
        byte[] k = privateKey.getK();
        if (k == null) {
            throw bad("An oct key to import needs k.");
        }
        try (KeyMaterial material = new KeyMaterial(k)) {
            requireAesSize(k.length * 8);
            return seal(type, k.length * 8, null, material, Origin.IMPORTED);
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
                return seal(jwk.getKeyType(), n.bitLength(), null, material, Origin.IMPORTED);
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
                return seal(jwk.getKeyType(), curve.keySize(), curve.name(), material, Origin.IMPORTED);
            }
        } finally {
            given.close();
        }
    }

    @Override
    public JsonWebKey publicKey(KeyReference key) {
        try (KeyMaterial m = open(key)) {
            JsonWebKey.Builder jwk = JsonWebKey.builder().keyType(key.keyType());
            if (isRsa(key.keyType())) {
                jwk.n(m.part(0)).e(m.part(1));
            } else if (isEc(key.keyType())) {
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
            if (isRsa(key.keyType())) {
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
            byte[] out = Arrays.copyOf(unsigned(rs[0], n), 2 * n);
            System.arraycopy(unsigned(rs[1], n), 0, out, n, n);
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
            if (isRsa(key.keyType())) {
                BigInteger n = big(m.part(0));
                return verifyRsa(rsaPublicOrBad(n, big(m.part(1))), n, scheme, digest, signature);
            }
            JcaKeys.Curve curve = JcaKeys.curve(key.curve());
            return verifyEc(pointOrBad(curve, m.part(1), m.part(2)), curve, digest, signature);
        }
    }

    @Override
    public boolean verify(JsonWebKey publicKey, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
        KeyType type = publicBaseType(publicKey.getKeyType());
        SignatureScheme scheme = scheme(type, publicKey.getCurveName(), algorithm);
        requireDigest(algorithm, scheme, digest);
        if (isRsa(type)) {
            BigInteger n = bareRsaModulus(publicKey);
            return verifyRsa(rsaPublicOrBad(n, big(publicKey.getE())), n, scheme, digest, signature);
        }
        JcaKeys.Curve curve = JcaKeys.curve(publicKey.getCurveName());
        return verifyEc(barePoint(publicKey, curve), curve, digest, signature);
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

    /**
     * ECDSA verification with Bouncy Castle's signer over the curve's shared domain parameters, for the
     * same reason as signing: a JCA key object per call makes Bouncy Castle rebuild the generator's
     * tables each time. The signature is raw r||s; anything but exactly two field-sized halves, or r or s
     * outside [1, n-1] (the signer checks), is simply not valid.
     */
    private static boolean verifyEc(ECPoint point, JcaKeys.Curve curve, byte[] digest, byte[] signature) {
        int n = curve.fieldBytes();
        if (signature.length != 2 * n) {
            return false;
        }
        try {
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(point, curve.domain()));
            return verifier.verifySignature(digest, big(Arrays.copyOfRange(signature, 0, n)),
                    big(Arrays.copyOfRange(signature, n, 2 * n)));
        } catch (RuntimeException malformed) {
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
        if (isRsa(key.keyType())) {
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
        if (!isRsa(type)) {
            throw bad("Encryption with a bare public key needs an RSA key; " + type + " keys have no public encryption.");
        }
        requireAlgorithm(familyEncryptions(type), algorithm, type);
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
        if (isRsa(key.keyType())) {
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
            if (isRsa(key.keyType())) {
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
        if (!isRsa(type)) {
            throw bad("Wrapping with a bare public key needs an RSA key; " + type + " keys have no public wrap.");
        }
        requireWrapAlgorithm(familyWraps(type), algorithm, type);
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
            if (isRsa(key.keyType())) {
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

    /**
     * @param type a key type of any family
     * @return how many components its {@link KeyMaterial} has
     */
    public static int partCount(KeyType type) {
        if (isRsa(type)) {
            return KeyMaterial.RSA_PARTS;
        }
        return isEc(type) ? KeyMaterial.EC_PARTS : KeyMaterial.OCT_PARTS;
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
        if (!keyTypes().contains(type)) {
            throw bad("Key type " + type + " is not supported by provider " + id() + "; it supports " + keyTypes()
                    + ".");
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

    private void requirePublicExponent(BigInteger e, BigInteger n) {
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw bad("The RSA public exponent must be odd, at least 3 and smaller than n.");
        }
        if (fips && e.compareTo(FIPS_MIN_EXPONENT) < 0) {
            throw bad("FIPS mode: the RSA public exponent must be at least 65537 (FIPS 186-5).");
        }
    }

    private JcaKeys.Curve requireCurve(KeyCurveName name) {
        JcaKeys.Curve curve = JcaKeys.curve(name);
        if (curve == null || !familyCurves().contains(curve.name())) {
            throw bad("Curve " + name + " is not supported" + (fips ? " in FIPS mode" : "") + "; use one of "
                    + familyCurves() + ".");
        }
        return curve;
    }

    /**
     * Validated public points, by curve and coordinates. Bouncy Castle keeps a point's multiplication
     * tables on the point object, so verifying against the same key many times is fast only if the same
     * object comes back; decoding the point per call made ES256 verify more than twice the raw cost.
     * Public points are not secret; the map is cleared when it grows past its bound.
     */
    private static final int MAX_CACHED_POINTS = 4_096;
    private static final java.util.Map<java.nio.ByteBuffer, ECPoint> POINTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ECPoint pointOrBad(JcaKeys.Curve curve, byte[] x, byte[] y) {
        // The curve's name, then x's length, so no two (curve, x, y) share a key.
        byte[] name = curve.name().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.ByteBuffer key = java.nio.ByteBuffer.allocate(name.length + 2 + x.length + y.length)
                .put(name).put((byte) 0).put((byte) x.length).put(x).put(y).flip();
        ECPoint cached = POINTS.get(key);
        if (cached != null) {
            return cached;
        }
        ECPoint point;
        try {
            point = JcaKeys.point(curve, x, y);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw bad("The EC public point (x, y) is not on curve " + curve.name() + ".");
        }
        if (POINTS.size() >= MAX_CACHED_POINTS) {
            POINTS.clear();
        }
        POINTS.put(key, point);
        return point;
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

    private BigInteger bareRsaModulus(JsonWebKey publicKey) {
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
        if (scheme == null || !familySignatures(type).contains(algorithm)) {
            throw bad("Algorithm " + algorithm + " is not supported for key type " + type + " by " + id()
                    + (fips ? " in FIPS mode" : "") + "; use one of " + familySignatures(type) + ".");
        }
        if (isEc(type)) {
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

    /**
     * @param message what is wrong with the request
     * @return the 400 BadParameter every refusal of a request throws
     */
    public static BadParameterException bad(String message) {
        return new BadParameterException("BadParameter", null, message);
    }

    /**
     * @param subject the provider, as in "The simulated HSM"
     * @param what    what it failed to do, as in "open a backup"
     * @param cause   the JCA failure
     * @return the 500 InternalError for a failure that is no fault of the request
     */
    public static CofferException internal(String subject, String what, Exception cause) {
        return new CofferException(500, "InternalError", null, subject + " failed to " + what + ".", cause);
    }

    /** The 500 InternalError of this provider. */
    protected final CofferException internal(String what, Exception cause) {
        return internal(subject, what, cause);
    }
}
