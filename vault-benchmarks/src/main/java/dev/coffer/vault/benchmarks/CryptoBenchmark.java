package dev.coffer.vault.benchmarks;

import dev.coffer.vault.core.internal.crypto.SoftwareCryptoProvider;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.DecryptResult;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.SignResult;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.EncryptResult;
import dev.coffer.vault.spi.KeyReference;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cryptographic operations against the same JCA operation called directly, with the provider
 * Coffer chose for it (docs/CRYPTO.md): RS256 and RSA-OAEP-256 on SunJCE, PS256 and ES256/ES256K on
 * Bouncy Castle, with the same keys. Targets: within 5% for RSA sign and decrypt, within 10% for
 * ES256 sign and verify; RSA-OAEP-256 encrypt and ES256K sign are reported.
 *
 * <p>The baseline ({@code raw*}) does what code holding a ready key object does per call: get a
 * Signature or Cipher, initialise it with the key and run it. Coffer's side ({@code coffer*}) is a
 * real {@link CryptographyClient} call by an application holding Key Vault Crypto Officer on the
 * vault: authorized, audited, the key looked up, its wrapped reference opened (AES-GCM), the key
 * object built, digest and algorithm checked, ECDSA signatures converted between DER and r‖s.
 *
 * <p>{@code provider*} calls the software provider through the {@link CryptoProvider} SPI with the
 * same keys, one fork only: not a pair of its own, but what splits a miss between the provider's
 * work (reference opening, key building) and the call pipeline (authorization, audit, lookup).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CryptoBenchmark {
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    private static final OAEPParameterSpec OAEP_256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final PSSParameterSpec PSS_256 = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final Provider bc = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private CryptoProvider provider;
    private CryptographyClient rsaClient;
    private CryptographyClient p256Client;
    private CryptographyClient p256kClient;

    private byte[] digest;
    private byte[] pkcs1Input;
    private byte[] plaintext;

    private KeyPair rsa;
    private KeyPair p256;
    private KeyPair p256k;
    private KeyReference rsaRef;
    private KeyReference p256Ref;
    private KeyReference p256kRef;

    private byte[] rsaCiphertext;
    private byte[] es256Der;
    private byte[] es256Raw;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] kek = new byte[SoftwareCryptoProvider.KEK_LENGTH];
        random.nextBytes(kek);
        provider = new SoftwareCryptoProvider(kek, random);
        digest = MessageDigest.getInstance("SHA-256").digest("coffer benchmark message".getBytes(StandardCharsets.UTF_8));
        pkcs1Input = concat(SHA256_DIGEST_INFO, digest);
        plaintext = Arrays.copyOf(digest, 32);

        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048, random);
        rsa = rsaGen.generateKeyPair();
        rsaRef = provider.importKey(rsaJwk((RSAPrivateCrtKey) rsa.getPrivate()));
        p256 = ecPair("secp256r1");
        p256Ref = provider.importKey(ecJwk(p256, KeyCurveName.P_256));
        p256k = ecPair("secp256k1");
        p256kRef = provider.importKey(ecJwk(p256k, KeyCurveName.P_256K));

        // The same keys through the real data plane: imported as software keys into an RBAC vault.
        Setups.World world = Setups.world();
        world.management().roleAssignments().create(world.vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, world.app);
        KeyClient keys = world.vault.keyClient(world.app);
        keys.importKey("rsa-2048", rsaJwk((RSAPrivateCrtKey) rsa.getPrivate()));
        keys.importKey("p-256", ecJwk(p256, KeyCurveName.P_256));
        keys.importKey("p-256k", ecJwk(p256k, KeyCurveName.P_256K));
        rsaClient = keys.getCryptographyClient("rsa-2048");
        p256Client = keys.getCryptographyClient("p-256");
        p256kClient = keys.getCryptographyClient("p-256k");

        rsaCiphertext = rawRsaOaep256Encrypt();
        es256Der = rawEs256Sign();
        es256Raw = provider.sign(p256Ref, SignatureAlgorithm.ES256, digest);
        if (!rawEs256Verify() || !providerEs256Verify() || !cofferEs256Verify()
                || !Arrays.equals(provider.decrypt(rsaRef, EncryptionAlgorithm.RSA_OAEP_256, rsaCiphertext, null, null, null), plaintext)
                || !Arrays.equals(cofferRsaOaep256Decrypt().getPlainText(), plaintext)) {
            throw new IllegalStateException("the baseline and Coffer disagree on the keys");
        }
    }

    private KeyPair ecPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
        g.initialize(new ECGenParameterSpec(curve), random);
        return g.generateKeyPair();
    }

    private static JsonWebKey rsaJwk(RSAPrivateCrtKey k) {
        return JsonWebKey.builder().keyType(KeyType.RSA).n(unsigned(k.getModulus())).e(unsigned(k.getPublicExponent()))
                .d(unsigned(k.getPrivateExponent())).p(unsigned(k.getPrimeP())).q(unsigned(k.getPrimeQ()))
                .dp(unsigned(k.getPrimeExponentP())).dq(unsigned(k.getPrimeExponentQ())).qi(unsigned(k.getCrtCoefficient()))
                .build();
    }

    private static JsonWebKey ecJwk(KeyPair pair, KeyCurveName curve) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        return JsonWebKey.builder().keyType(KeyType.EC).curveName(curve)
                .x(fixed(pub.getW().getAffineX(), 32)).y(fixed(pub.getW().getAffineY(), 32)).d(fixed(priv.getS(), 32)).build();
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger v, int length) {
        byte[] u = unsigned(v);
        byte[] out = new byte[length];
        System.arraycopy(u, 0, out, length - u.length, u.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private byte[] sign(String algorithm, Provider p, PrivateKey key, byte[] input) throws GeneralSecurityException {
        Signature s = p == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, p);
        s.initSign(key, random);
        s.update(input);
        return s.sign();
    }

    // ---------------------------------------------------------------- RS256 (SunJCE NONEwithRSA over DigestInfo)

    @Benchmark
    public byte[] rawRs256Sign() throws GeneralSecurityException {
        return sign("NONEwithRSA", null, rsa.getPrivate(), pkcs1Input);
    }

    @Benchmark
    public SignResult cofferRs256Sign() {
        return rsaClient.sign(SignatureAlgorithm.RS256, digest);
    }

    @Benchmark
    public dev.coffer.vault.keys.cryptography.EncryptResult cofferRsaOaep256Encrypt() {
        return rsaClient.encrypt(EncryptionAlgorithm.RSA_OAEP_256, plaintext);
    }

    @Benchmark
    public SignResult cofferEs256Sign() {
        return p256Client.sign(SignatureAlgorithm.ES256, digest);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public byte[] providerRs256Sign() {
        return provider.sign(rsaRef, SignatureAlgorithm.RS256, digest);
    }

    // ---------------------------------------------------------------- PS256 (Bouncy Castle RAWRSASSA-PSS)

    @Benchmark
    public byte[] rawPs256Sign() throws GeneralSecurityException {
        Signature s = Signature.getInstance("RAWRSASSA-PSS", bc);
        s.setParameter(PSS_256);
        s.initSign(rsa.getPrivate(), random);
        s.update(digest);
        return s.sign();
    }

    @Benchmark
    public SignResult cofferPs256Sign() {
        return rsaClient.sign(SignatureAlgorithm.PS256, digest);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public byte[] providerPs256Sign() {
        return provider.sign(rsaRef, SignatureAlgorithm.PS256, digest);
    }

    // ---------------------------------------------------------------- RSA-OAEP-256 (SunJCE OAEPPadding)

    @Benchmark
    public byte[] rawRsaOaep256Decrypt() throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.DECRYPT_MODE, rsa.getPrivate(), OAEP_256, random);
        return c.doFinal(rsaCiphertext);
    }

    @Benchmark
    public DecryptResult cofferRsaOaep256Decrypt() {
        return rsaClient.decrypt(EncryptionAlgorithm.RSA_OAEP_256, rsaCiphertext);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public byte[] providerRsaOaep256Decrypt() {
        return provider.decrypt(rsaRef, EncryptionAlgorithm.RSA_OAEP_256, rsaCiphertext, null, null, null);
    }

    @Benchmark
    public byte[] rawRsaOaep256Encrypt() throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        PublicKey key = rsa.getPublic();
        c.init(Cipher.ENCRYPT_MODE, key, OAEP_256, random);
        return c.doFinal(plaintext);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public EncryptResult providerRsaOaep256Encrypt() {
        return provider.encrypt(rsaRef, EncryptionAlgorithm.RSA_OAEP_256, plaintext, null, null);
    }

    // ---------------------------------------------------------------- ES256, ES256K (Bouncy Castle NONEwithECDSA)

    @Benchmark
    public byte[] rawEs256Sign() throws GeneralSecurityException {
        return sign("NONEwithECDSA", bc, p256.getPrivate(), digest);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public byte[] providerEs256Sign() {
        return provider.sign(p256Ref, SignatureAlgorithm.ES256, digest);
    }

    @Benchmark
    public boolean rawEs256Verify() throws GeneralSecurityException {
        Signature s = Signature.getInstance("NONEwithECDSA", bc);
        s.initVerify(p256.getPublic());
        s.update(digest);
        return s.verify(es256Der);
    }

    @Benchmark
    public boolean cofferEs256Verify() {
        return p256Client.verify(SignatureAlgorithm.ES256, digest, es256Raw).isValid();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public boolean providerEs256Verify() {
        return provider.verify(p256Ref, SignatureAlgorithm.ES256, digest, es256Raw);
    }

    @Benchmark
    public byte[] rawEs256kSign() throws GeneralSecurityException {
        return sign("NONEwithECDSA", bc, p256k.getPrivate(), digest);
    }

    @Benchmark
    public SignResult cofferEs256kSign() {
        return p256kClient.sign(SignatureAlgorithm.ES256K, digest);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public byte[] providerEs256kSign() {
        return provider.sign(p256kRef, SignatureAlgorithm.ES256K, digest);
    }
}
