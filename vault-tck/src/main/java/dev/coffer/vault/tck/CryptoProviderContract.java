package dev.coffer.vault.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The behavioural contract of a {@link CryptoProvider}. A provider's test class extends it and says how to
 * build the provider:
 *
 * <pre>{@code
 * class MyProviderTest extends CryptoProviderContract {
 *     @Override
 *     protected CryptoProvider createProvider(byte[] keyEncryptionKey) {
 *         return new MyProvider(keyEncryptionKey);
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks, for every key type, size, curve and algorithm the provider declares (and nothing it
 * does not): generation; round trips; interop with the plain JCA in both directions (the JDK's providers,
 * and Bouncy Castle for secp256k1 which the JDK lacks); bare public-key operations; references that a new
 * instance with the same key-encryption key accepts and an instance with another key refuses cleanly;
 * tampered references and backups; every refusal the SPI documents, as a 4xx {@link CofferException};
 * {@code false} for malformed signatures; consistent-material checks on import; and no private material in
 * any {@code toString}.
 *
 * <p>One instance serves the whole class ({@link TestInstance.Lifecycle#PER_CLASS}) so that each RSA size is
 * generated once, in {@link #generateKeys()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CryptoProviderContract {

    /** Bouncy Castle for the JCA side of secp256k1 interop; an instance, never installed globally. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private byte[] keyEncryptionKey;
    private CryptoProvider provider;
    private final List<TestKey> keys = new ArrayList<>();
    private final Map<KeyCurveName, KeyPair> jcaEcKeys = new LinkedHashMap<>();
    private final Map<KeyCurveName, KeyReference> importedEcKeys = new LinkedHashMap<>();
    private final Map<Integer, byte[]> jcaAesKeys = new LinkedHashMap<>();
    private final Map<Integer, KeyReference> importedAesKeys = new LinkedHashMap<>();
    private KeyPair jcaRsaKey;
    private KeyReference importedRsaKey;

    /** A key the contract generated, with what it was generated as. */
    private record TestKey(KeyType type, int size, KeyCurveName curve, KeyReference ref) {
        @Override
        public String toString() {
            return type + "/" + (curve == null ? String.valueOf(size) : curve.toString());
        }
    }

    /**
     * Builds the provider under test. Called several times: instances built with the same key must accept
     * each other's references.
     *
     * @param keyEncryptionKey the key-encryption key (or the secret that selects the token store)
     * @return a new provider instance
     */
    protected abstract CryptoProvider createProvider(byte[] keyEncryptionKey);

    /**
     * The length of the key passed to {@link #createProvider(byte[])}.
     *
     * @return 32 unless the provider needs another length
     */
    protected int keyEncryptionKeyLength() {
        return 32;
    }

    /**
     * Builds the provider and generates one key of every declared type and size or curve, plus the JCA keys
     * used for interop, once for the class.
     *
     * @throws GeneralSecurityException if the JCA cannot make the interop keys
     */
    @BeforeAll
    void generateKeys() throws GeneralSecurityException {
        keyEncryptionKey = randomBytes(keyEncryptionKeyLength());
        provider = createProvider(keyEncryptionKey.clone());
        for (KeyType type : provider.keyTypes()) {
            if (KeyGenerationSpec.isEc(type)) {
                for (KeyCurveName curve : provider.curves(type)) {
                    KeyReference ref = provider.generateKey(KeyGenerationSpec.ec(type, curve));
                    keys.add(new TestKey(type, ref.keySize(), curve, ref));
                }
            } else {
                for (int size : provider.keySizes(type)) {
                    KeyGenerationSpec spec = KeyGenerationSpec.isRsa(type)
                            ? KeyGenerationSpec.rsa(type, size) : KeyGenerationSpec.oct(type, size);
                    keys.add(new TestKey(type, size, null, provider.generateKey(spec)));
                }
            }
        }
        KeyType rsa = declared(KeyGenerationSpec::isRsa);
        if (rsa != null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(smallestRsaSize(rsa), random);
            jcaRsaKey = generator.generateKeyPair();
            importedRsaKey = provider.importKey(rsaJwk(rsa, jcaRsaKey));
        }
        KeyType ec = declared(KeyGenerationSpec::isEc);
        if (ec != null) {
            for (KeyCurveName curve : provider.curves(ec)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", ecJcaProvider(curve));
                generator.initialize(new ECGenParameterSpec(secName(curve)), random);
                KeyPair pair = generator.generateKeyPair();
                jcaEcKeys.put(curve, pair);
                importedEcKeys.put(curve, provider.importKey(ecJwk(ec, curve, pair)));
            }
        }
        KeyType oct = declared(KeyGenerationSpec::isOct);
        if (oct != null) {
            for (int size : provider.keySizes(oct)) {
                byte[] k = randomBytes(size / 8);
                jcaAesKeys.put(size, k);
                importedAesKeys.put(size, provider.importKey(JsonWebKey.builder().keyType(oct).k(k).build()));
            }
        }
    }

    // ================================================================== declarations and generation

    @Test
    void declaresAnIdentityAndAConsistentSupportedSet() {
        assertThat(provider.id()).isNotBlank();
        assertThat(provider.protectionLevel()).isNotNull();
        assertThat(provider.keyTypes()).isNotEmpty();
        for (KeyType type : provider.keyTypes()) {
            boolean ec = KeyGenerationSpec.isEc(type);
            assertThat(ec ? provider.curves(type) : provider.keySizes(type)).as("sizes or curves of %s", type).isNotEmpty();
            assertThat(ec ? provider.keySizes(type) : provider.curves(type)).as("%s declares the other kind", type).isEmpty();
            int algorithms = provider.signatureAlgorithms(type).size() + provider.encryptionAlgorithms(type).size()
                    + provider.keyWrapAlgorithms(type).size();
            assertThat(algorithms).as("algorithms of %s", type).isPositive();
        }
        KeyType undeclared = undeclaredType();
        if (undeclared != null) {
            assertThat(provider.keySizes(undeclared)).isEmpty();
            assertThat(provider.curves(undeclared)).isEmpty();
            assertThat(provider.signatureAlgorithms(undeclared)).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> generatesEveryDeclaredTypeSizeAndCurve() {
        return keys.stream().map(key -> dynamicTest(key.toString(), () -> {
            KeyReference ref = key.ref();
            assertThat(ref.providerId()).isEqualTo(provider.id());
            assertThat(ref.protectionLevel()).isEqualTo(provider.protectionLevel());
            assertThat(ref.keyType()).isEqualTo(key.type());
            assertThat(ref.curve()).isEqualTo(key.curve());
            JsonWebKey jwk = provider.publicKey(ref);
            assertThat(jwk.hasPrivateKey()).isFalse();
            assertThat(jwk.getKeyType()).isEqualTo(key.type());
            if (KeyGenerationSpec.isRsa(key.type())) {
                assertThat(ref.keySize()).isEqualTo(key.size());
                assertThat(new BigInteger(1, jwk.getN()).bitLength()).isEqualTo(key.size());
                assertThat(new BigInteger(1, jwk.getE())).isEqualTo(KeyGenerationSpec.DEFAULT_PUBLIC_EXPONENT);
            } else if (KeyGenerationSpec.isEc(key.type())) {
                assertThat(jwk.getCurveName()).isEqualTo(key.curve());
                assertThat(jwk.getX()).hasSize(fieldBytes(key.curve()));
                assertThat(jwk.getY()).hasSize(fieldBytes(key.curve()));
            } else {
                assertThat(ref.keySize()).isEqualTo(key.size());
                assertThat(jwk.getK()).isNull();
            }
        }));
    }

    @Test
    void generatesRsaWithAGivenOddExponentAndRefusesBadOnes() {
        KeyType rsa = requireDeclared(KeyGenerationSpec::isRsa);
        int size = smallestRsaSize(rsa);
        KeyReference ref = provider.generateKey(KeyGenerationSpec.rsa(rsa, size, BigInteger.valueOf(3)));
        assertThat(new BigInteger(1, provider.publicKey(ref).getE())).isEqualTo(BigInteger.valueOf(3));
        byte[] digest = randomBytes(32);
        byte[] signature = provider.sign(ref, SignatureAlgorithm.RS256, digest);
        assertThat(provider.verify(ref, SignatureAlgorithm.RS256, digest, signature)).isTrue();
        assertBadParameter(() -> KeyGenerationSpec.rsa(rsa, size, BigInteger.valueOf(65536)));
        assertBadParameter(() -> KeyGenerationSpec.rsa(rsa, size, BigInteger.ONE));
    }

    @Test
    void refusesUndeclaredSizesCurvesAndTypes() {
        KeyType rsa = declared(KeyGenerationSpec::isRsa);
        if (rsa != null) {
            assertBadParameter(() -> provider.generateKey(KeyGenerationSpec.rsa(rsa, 1024)));
            assertBadParameter(() -> provider.generateKey(KeyGenerationSpec.rsa(rsa, 2047)));
        }
        KeyType ec = declared(KeyGenerationSpec::isEc);
        if (ec != null) {
            assertBadParameter(() -> provider.generateKey(KeyGenerationSpec.ec(ec, KeyCurveName.fromString("P-192"))));
        }
        KeyType oct = declared(KeyGenerationSpec::isOct);
        if (oct != null) {
            assertBadParameter(() -> provider.generateKey(KeyGenerationSpec.oct(oct, 512)));
            assertBadParameter(() -> provider.generateKey(KeyGenerationSpec.oct(oct, 64)));
        }
        KeyType undeclared = undeclaredType();
        if (undeclared != null) {
            KeyGenerationSpec spec = KeyGenerationSpec.isEc(undeclared)
                    ? KeyGenerationSpec.ec(undeclared, KeyCurveName.P_256)
                    : KeyGenerationSpec.isRsa(undeclared) ? KeyGenerationSpec.rsa(undeclared, 2048)
                    : KeyGenerationSpec.oct(undeclared, 256);
            assertBadParameter(() -> provider.generateKey(spec));
        }
    }

    // ================================================================== round trips

    @TestFactory
    Stream<DynamicTest> signsAndVerifiesWithEveryDeclaredAlgorithm() {
        return perKeyAndAlgorithm(provider::signatureAlgorithms, (key, algorithm) -> fits(key, algorithm),
                (TestKey key, SignatureAlgorithm algorithm) -> () -> {
                    byte[] digest = randomBytes(digestLength(algorithm));
                    byte[] signature = provider.sign(key.ref(), algorithm, digest);
                    assertThat(provider.verify(key.ref(), algorithm, digest, signature)).isTrue();
                    JsonWebKey publicKey = provider.publicKey(key.ref());
                    assertThat(provider.verify(publicKey, algorithm, digest, signature)).isTrue();
                    byte[] otherDigest = digest.clone();
                    otherDigest[0] ^= 1;
                    assertThat(provider.verify(key.ref(), algorithm, otherDigest, signature)).isFalse();
                    byte[] altered = signature.clone();
                    altered[altered.length / 2] ^= 0x10;
                    assertThat(provider.verify(key.ref(), algorithm, digest, altered)).isFalse();
                    assertThat(provider.verify(publicKey, algorithm, digest, altered)).isFalse();
                });
    }

    @TestFactory
    Stream<DynamicTest> encryptsAndDecryptsWithEveryDeclaredAlgorithm() {
        return perKeyAndAlgorithm(provider::encryptionAlgorithms, (key, algorithm) -> fits(key, algorithm.toString()),
                (TestKey key, EncryptionAlgorithm algorithm) -> () -> {
                    for (byte[] plaintext : plaintexts(algorithm)) {
                        byte[] aad = isGcm(algorithm) ? "context".getBytes(StandardCharsets.UTF_8) : null;
                        EncryptResult result = provider.encrypt(key.ref(), algorithm, plaintext, null, aad);
                        // A stream mode (GCM) turns a short plaintext into an equally short ciphertext that equals it
                        // by chance (1 in 256 for one byte): only a long one must differ.
                        if (plaintext.length >= 16) {
                            assertThat(result.ciphertext()).isNotEqualTo(plaintext);
                        }
                        assertThat(provider.decrypt(key.ref(), algorithm, result.ciphertext(), result.iv(), aad,
                                result.tag())).isEqualTo(plaintext);
                        if (isRsa(algorithm.toString())) {
                            EncryptResult bare = provider.encrypt(provider.publicKey(key.ref()), algorithm, plaintext);
                            assertThat(provider.decrypt(key.ref(), algorithm, bare.ciphertext(), null, null, null))
                                    .isEqualTo(plaintext);
                        } else {
                            assertThat(result.iv()).hasSize(isGcm(algorithm) ? 12 : 16);
                            EncryptResult again = provider.encrypt(key.ref(), algorithm, plaintext, null, aad);
                            assertThat(again.iv()).as("provider-chosen IVs differ").isNotEqualTo(result.iv());
                        }
                        if (isGcm(algorithm)) {
                            assertThat(result.tag()).hasSize(16);
                            byte[] iv = randomBytes(12);
                            EncryptResult given = provider.encrypt(key.ref(), algorithm, plaintext, iv, null);
                            assertThat(given.iv()).isEqualTo(iv);
                            assertThat(provider.decrypt(key.ref(), algorithm, given.ciphertext(), iv, null,
                                    given.tag())).isEqualTo(plaintext);
                            byte[] badTag = result.tag();
                            badTag[0] ^= 1;
                            assertBadParameter(() -> provider.decrypt(key.ref(), algorithm, result.ciphertext(),
                                    result.iv(), aad, badTag));
                            assertBadParameter(() -> provider.decrypt(key.ref(), algorithm, result.ciphertext(),
                                    result.iv(), "other".getBytes(StandardCharsets.UTF_8), result.tag()));
                        }
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> wrapsAndUnwrapsWithEveryDeclaredAlgorithm() {
        return perKeyAndAlgorithm(provider::keyWrapAlgorithms, (key, algorithm) -> fits(key, algorithm.toString()),
                (TestKey key, KeyWrapAlgorithm algorithm) -> () -> {
                    byte[] cek = randomBytes(32);
                    byte[] wrapped = provider.wrapKey(key.ref(), algorithm, cek);
                    assertThat(provider.unwrapKey(key.ref(), algorithm, wrapped)).isEqualTo(cek);
                    if (isRsa(algorithm.toString())) {
                        byte[] bare = provider.wrapKey(provider.publicKey(key.ref()), algorithm, cek);
                        assertThat(provider.unwrapKey(key.ref(), algorithm, bare)).isEqualTo(cek);
                    }
                    byte[] altered = wrapped.clone();
                    altered[altered.length - 1] ^= 1;
                    assertBadParameter(() -> provider.unwrapKey(key.ref(), algorithm, altered));
                });
    }

    // ================================================================== interop with the plain JCA

    @TestFactory
    Stream<DynamicTest> signaturesInteroperateWithTheJcaBothWays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KeyType type : provider.keyTypes()) {
            for (SignatureAlgorithm algorithm : provider.signatureAlgorithms(type)) {
                tests.add(dynamicTest(algorithm.toString(), () -> signatureInterop(type, algorithm)));
            }
        }
        return nonEmpty(tests);
    }

    private void signatureInterop(KeyType type, SignatureAlgorithm algorithm) throws GeneralSecurityException {
        byte[] message = "the quick brown fox".getBytes(StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance(hashName(algorithm)).digest(message);
        KeyPair jcaPair;
        KeyReference imported;
        KeyReference generated;
        Signature jca;
        if (KeyGenerationSpec.isRsa(type)) {
            jcaPair = jcaRsaKey;
            imported = importedRsaKey;
            generated = key(type, smallestRsaSize(type), null);
            jca = jcaRsaSignature(algorithm);
        } else {
            KeyCurveName curve = curveFor(algorithm);
            jcaPair = jcaEcKeys.get(curve);
            imported = importedEcKeys.get(curve);
            generated = key(type, 0, curve);
            // Both produce the fixed-length r||s encoding Key Vault uses, not DER.
            jca = curve.equals(KeyCurveName.P_256K)
                    ? Signature.getInstance("SHA256withPLAIN-ECDSA", BC)
                    : Signature.getInstance(hashName(algorithm).replace("-", "") + "withECDSAinP1363Format",
                    ecJcaProvider(curve));
        }
        // JCA signs the message; the provider verifies the digest, with the imported key and the bare key.
        jca.initSign(jcaPair.getPrivate(), random);
        jca.update(message);
        byte[] jcaSignature = jca.sign();
        assertThat(provider.verify(imported, algorithm, digest, jcaSignature)).as("provider verifies JCA").isTrue();
        assertThat(provider.verify(provider.publicKey(imported), algorithm, digest, jcaSignature)).isTrue();
        // The provider signs the digest with a key it generated; the JCA verifies with the public JWK.
        byte[] providerSignature = provider.sign(generated, algorithm, digest);
        jca.initVerify(jcaPublicKey(provider.publicKey(generated)));
        jca.update(message);
        assertThat(jca.verify(providerSignature)).as("JCA verifies provider").isTrue();
    }

    @TestFactory
    Stream<DynamicTest> encryptionInteroperatesWithTheJcaBothWays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KeyType type : provider.keyTypes()) {
            for (EncryptionAlgorithm algorithm : provider.encryptionAlgorithms(type)) {
                tests.add(dynamicTest(algorithm.toString(), () -> {
                    if (isRsa(algorithm.toString())) {
                        rsaCipherInterop(algorithm.toString(),
                                in -> provider.encrypt(importedRsaKey, algorithm, in, null, null).ciphertext(),
                                in -> provider.decrypt(importedRsaKey, algorithm, in, null, null, null));
                    } else {
                        aesInterop(algorithm);
                    }
                }));
            }
        }
        return nonEmpty(tests);
    }

    @TestFactory
    Stream<DynamicTest> keyWrapInteroperatesWithTheJcaBothWays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KeyType type : provider.keyTypes()) {
            for (KeyWrapAlgorithm algorithm : provider.keyWrapAlgorithms(type)) {
                tests.add(dynamicTest(algorithm.toString(), () -> {
                    if (isRsa(algorithm.toString())) {
                        rsaCipherInterop(algorithm.toString(),
                                in -> provider.wrapKey(importedRsaKey, algorithm, in),
                                in -> provider.unwrapKey(importedRsaKey, algorithm, in));
                        return;
                    }
                    int bits = aesBits(algorithm.toString());
                    SecretKeySpec kek = new SecretKeySpec(jcaAesKeys.get(bits), "AES");
                    KeyReference ref = importedAesKeys.get(bits);
                    byte[] cek = randomBytes(24);
                    Cipher jca = Cipher.getInstance("AES/KW/NoPadding");
                    jca.init(Cipher.ENCRYPT_MODE, kek);
                    byte[] jcaWrapped = jca.doFinal(cek);
                    assertThat(provider.unwrapKey(ref, algorithm, jcaWrapped)).isEqualTo(cek);
                    byte[] providerWrapped = provider.wrapKey(ref, algorithm, cek);
                    assertThat(providerWrapped).as("RFC 3394 is deterministic").isEqualTo(jcaWrapped);
                    jca.init(Cipher.DECRYPT_MODE, kek);
                    assertThat(jca.doFinal(providerWrapped)).isEqualTo(cek);
                }));
            }
        }
        return nonEmpty(tests);
    }

    /** An operation of the provider on bytes. */
    @FunctionalInterface
    private interface BytesOperation {
        byte[] apply(byte[] input);
    }

    private void rsaCipherInterop(String algorithm, BytesOperation providerEncrypt, BytesOperation providerDecrypt)
            throws GeneralSecurityException {
        byte[] plaintext = randomBytes(32);
        Cipher jca = Cipher.getInstance(algorithm.equals("RSA1_5") ? "RSA/ECB/PKCS1Padding" : "RSA/ECB/OAEPPadding");
        OAEPParameterSpec oaep = algorithm.equals("RSA-OAEP")
                ? new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)
                : algorithm.equals("RSA-OAEP-256")
                ? new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
                : null;
        jca.init(Cipher.ENCRYPT_MODE, jcaPublicKey(provider.publicKey(importedRsaKey)), oaep, random);
        byte[] jcaCiphertext = jca.doFinal(plaintext);
        assertThat(providerDecrypt.apply(jcaCiphertext)).as("provider decrypts JCA").isEqualTo(plaintext);
        byte[] providerCiphertext = providerEncrypt.apply(plaintext);
        jca.init(Cipher.DECRYPT_MODE, jcaRsaKey.getPrivate(), oaep, random);
        assertThat(jca.doFinal(providerCiphertext)).as("JCA decrypts provider").isEqualTo(plaintext);
    }

    private void aesInterop(EncryptionAlgorithm algorithm) throws GeneralSecurityException {
        int bits = aesBits(algorithm.toString());
        SecretKeySpec key = new SecretKeySpec(jcaAesKeys.get(bits), "AES");
        KeyReference ref = importedAesKeys.get(bits);
        boolean gcm = isGcm(algorithm);
        byte[] plaintext = randomBytes(algorithm.toString().endsWith("CBC") ? 48 : 45);
        byte[] iv = randomBytes(gcm ? 12 : 16);
        byte[] aad = gcm ? randomBytes(20) : null;
        String transformation = gcm ? "AES/GCM/NoPadding"
                : algorithm.toString().endsWith("CBC") ? "AES/CBC/NoPadding" : "AES/CBC/PKCS5Padding";
        Cipher jca = Cipher.getInstance(transformation);
        jca.init(Cipher.ENCRYPT_MODE, key, gcm ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
        if (gcm) {
            jca.updateAAD(aad);
        }
        byte[] jcaOut = jca.doFinal(plaintext);
        byte[] ciphertext = gcm ? Arrays.copyOf(jcaOut, jcaOut.length - 16) : jcaOut;
        byte[] tag = gcm ? Arrays.copyOfRange(jcaOut, jcaOut.length - 16, jcaOut.length) : null;
        assertThat(provider.decrypt(ref, algorithm, ciphertext, iv, aad, tag)).as("provider decrypts JCA")
                .isEqualTo(plaintext);

        EncryptResult result = provider.encrypt(ref, algorithm, plaintext, null, aad);
        jca.init(Cipher.DECRYPT_MODE, key, gcm ? new GCMParameterSpec(128, result.iv()) : new IvParameterSpec(result.iv()));
        if (gcm) {
            jca.updateAAD(aad);
        }
        byte[] input = gcm ? concat(result.ciphertext(), result.tag()) : result.ciphertext();
        assertThat(jca.doFinal(input)).as("JCA decrypts provider").isEqualTo(plaintext);
    }

    // ================================================================== references and backups

    @TestFactory
    Stream<DynamicTest> referencesWorkInANewInstanceWithTheSameKey() {
        CryptoProvider restarted = createProvider(keyEncryptionKey.clone());
        return keys.stream().map(key -> dynamicTest(key.toString(), () -> {
            KeyReference copy = deserialize(serialize(key.ref()));
            assertThat(copy).isEqualTo(key.ref());
            assertThat(restarted.publicKey(copy)).isEqualTo(provider.publicKey(key.ref()));
            exerciseAcrossInstances(key, provider, restarted, copy);
        }));
    }

    private void exerciseAcrossInstances(TestKey key, CryptoProvider first, CryptoProvider second, KeyReference ref) {
        for (SignatureAlgorithm algorithm : first.signatureAlgorithms(key.type())) {
            if (fits(key, algorithm)) {
                byte[] digest = randomBytes(digestLength(algorithm));
                assertThat(first.verify(key.ref(), algorithm, digest, second.sign(ref, algorithm, digest))).isTrue();
                return;
            }
        }
        for (EncryptionAlgorithm algorithm : first.encryptionAlgorithms(key.type())) {
            if (fits(key, algorithm.toString())) {
                byte[] plaintext = randomBytes(16);
                EncryptResult result = first.encrypt(key.ref(), algorithm, plaintext, null, null);
                assertThat(second.decrypt(ref, algorithm, result.ciphertext(), result.iv(), null, result.tag()))
                        .isEqualTo(plaintext);
                return;
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> referencesFailCleanlyUnderAnotherKey() {
        byte[] otherKey = randomBytes(keyEncryptionKeyLength());
        CryptoProvider other = createProvider(otherKey);
        return keys.stream().map(key -> dynamicTest(key.toString(), () -> {
            assertClientError(() -> other.publicKey(key.ref()));
            assertClientError(() -> other.exportForBackup(key.ref()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> tamperedReferencesFailCleanly() {
        return keys.stream().map(key -> dynamicTest(key.toString(), () -> {
            KeyReference ref = key.ref();
            byte[] wrapped = ref.wrappedKey();
            if (wrapped != null) {
                for (int position : new int[] {0, wrapped.length / 2, wrapped.length - 1}) {
                    byte[] altered = wrapped.clone();
                    altered[position] ^= 1;
                    assertClientError(() -> provider.publicKey(withWrapped(ref, altered)));
                }
                assertClientError(() -> provider.publicKey(withWrapped(ref, Arrays.copyOf(wrapped, wrapped.length - 1))));
            } else {
                assertClientError(() -> provider.publicKey(new KeyReference(ref.providerId(), ref.protectionLevel(),
                        ref.keyType(), ref.keySize(), ref.curve(), null, ref.tokenId() + "-altered")));
            }
            assertBadParameter(() -> provider.publicKey(new KeyReference(ref.providerId() + "-other",
                    ref.protectionLevel(), ref.keyType(), ref.keySize(), ref.curve(), wrapped, ref.tokenId())));
            assertClientError(() -> provider.publicKey(new KeyReference(ref.providerId(), ref.protectionLevel(),
                    ref.keyType(), ref.keySize() + 8, ref.curve(), wrapped, ref.tokenId())));
        }));
    }

    @TestFactory
    Stream<DynamicTest> backupsRestoreWithTheSameKeyOnly() {
        CryptoProvider restarted = createProvider(keyEncryptionKey.clone());
        CryptoProvider other = createProvider(randomBytes(keyEncryptionKeyLength()));
        return keys.stream().map(key -> dynamicTest(key.toString(), () -> {
            byte[] backup = provider.exportForBackup(key.ref());
            KeyReference restored = restarted.importFromBackup(backup);
            assertThat(restored.keyType()).isEqualTo(key.type());
            assertThat(restarted.publicKey(restored)).isEqualTo(provider.publicKey(key.ref()));
            exerciseAcrossInstances(key, provider, restarted, restored);
            assertClientError(() -> other.importFromBackup(backup));
            byte[] altered = backup.clone();
            altered[altered.length - 1] ^= 1;
            assertClientError(() -> restarted.importFromBackup(altered));
            assertClientError(() -> restarted.importFromBackup(Arrays.copyOf(backup, backup.length / 2)));
            assertClientError(() -> restarted.importFromBackup(new byte[0]));
        }));
    }

    @Test
    void backupsAndReferencesNeverHoldImportedMaterialInTheClear() throws GeneralSecurityException {
        KeyType rsa = requireDeclared(KeyGenerationSpec::isRsa);
        JsonWebKey jwk = rsaJwk(rsa, jcaRsaKey);
        byte[] backup = provider.exportForBackup(importedRsaKey);
        for (byte[] secret : List.of(jwk.getD(), jwk.getP(), jwk.getQ())) {
            assertThat(containsWindow(backup, secret)).as("backup contains a private component").isFalse();
            byte[] wrapped = importedRsaKey.wrappedKey();
            if (wrapped != null) {
                assertThat(containsWindow(wrapped, secret)).as("reference contains a private component").isFalse();
            }
        }
    }

    @Test
    void destroyAcceptsItsOwnReferencesAndRefusesOthers() {
        TestKey key = keys.get(0);
        KeyReference fresh = provider.importFromBackup(provider.exportForBackup(key.ref()));
        provider.destroy(fresh);
        assertBadParameter(() -> provider.destroy(new KeyReference(provider.id() + "-other", provider.protectionLevel(),
                fresh.keyType(), fresh.keySize(), fresh.curve(), fresh.wrappedKey(), fresh.tokenId())));
    }

    // ================================================================== refusals

    @TestFactory
    Stream<DynamicTest> refusesDigestsOfTheWrongLength() {
        return perKeyAndAlgorithm(provider::signatureAlgorithms, (key, algorithm) -> fits(key, algorithm),
                (TestKey key, SignatureAlgorithm algorithm) -> () -> {
                    int length = digestLength(algorithm);
                    JsonWebKey publicKey = provider.publicKey(key.ref());
                    byte[] signature = provider.sign(key.ref(), algorithm, randomBytes(length));
                    for (int wrong : new int[] {0, length - 1, length + 1, 20}) {
                        byte[] digest = randomBytes(wrong);
                        assertBadParameter(() -> provider.sign(key.ref(), algorithm, digest));
                        assertBadParameter(() -> provider.verify(key.ref(), algorithm, digest, signature));
                        assertBadParameter(() -> provider.verify(publicKey, algorithm, digest, signature));
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> refusesAlgorithmsThatDoNotFitTheKey() {
        List<SignatureAlgorithm> allSignatures = SignatureAlgorithm.values();
        List<EncryptionAlgorithm> allEncryptions = EncryptionAlgorithm.values();
        List<KeyWrapAlgorithm> allWraps = KeyWrapAlgorithm.values();
        return keys.stream().map(key -> dynamicTest(key.toString(), () -> {
            JsonWebKey publicKey = provider.publicKey(key.ref());
            for (SignatureAlgorithm algorithm : allSignatures) {
                if (!fits(key, algorithm) || !provider.signatureAlgorithms(key.type()).contains(algorithm)) {
                    byte[] digest = randomBytes(digestLength(algorithm));
                    assertBadParameter(() -> provider.sign(key.ref(), algorithm, digest));
                    assertBadParameter(() -> provider.verify(key.ref(), algorithm, digest, new byte[64]));
                    if (!KeyGenerationSpec.isOct(key.type())) {
                        assertBadParameter(() -> provider.verify(publicKey, algorithm, digest, new byte[64]));
                    }
                }
            }
            for (EncryptionAlgorithm algorithm : allEncryptions) {
                if (!fits(key, algorithm.toString()) || !provider.encryptionAlgorithms(key.type()).contains(algorithm)) {
                    assertBadParameter(() -> provider.encrypt(key.ref(), algorithm, new byte[16], null, null));
                    assertBadParameter(() -> provider.decrypt(key.ref(), algorithm, new byte[16], new byte[16], null,
                            new byte[16]));
                }
            }
            for (KeyWrapAlgorithm algorithm : allWraps) {
                if (!fits(key, algorithm.toString()) || !provider.keyWrapAlgorithms(key.type()).contains(algorithm)) {
                    assertBadParameter(() -> provider.wrapKey(key.ref(), algorithm, new byte[32]));
                    assertBadParameter(() -> provider.unwrapKey(key.ref(), algorithm, new byte[40]));
                }
            }
        }));
    }

    @Test
    void refusesBadIvsAndInputLengths() {
        KeyType oct = declared(KeyGenerationSpec::isOct);
        if (oct != null) {
            for (EncryptionAlgorithm algorithm : provider.encryptionAlgorithms(oct)) {
                KeyReference ref = importedAesKeys.get(aesBits(algorithm.toString()));
                boolean gcm = isGcm(algorithm);
                int ivLength = gcm ? 12 : 16;
                assertBadParameter(() -> provider.encrypt(ref, algorithm, new byte[32], new byte[ivLength + 4], null));
                assertBadParameter(() -> provider.decrypt(ref, algorithm, new byte[32], null, null, new byte[16]));
                assertBadParameter(() -> provider.decrypt(ref, algorithm, new byte[32], new byte[ivLength - 1], null,
                        new byte[16]));
                if (gcm) {
                    assertBadParameter(() -> provider.decrypt(ref, algorithm, new byte[32], new byte[12], null, null));
                    assertBadParameter(() -> provider.decrypt(ref, algorithm, new byte[32], new byte[12], null,
                            new byte[12]));
                } else {
                    assertBadParameter(() -> provider.decrypt(ref, algorithm, new byte[31], new byte[16], null, null));
                    if (algorithm.toString().endsWith("CBC")) {
                        assertBadParameter(() -> provider.encrypt(ref, algorithm, new byte[31], null, null));
                    }
                }
            }
            for (KeyWrapAlgorithm algorithm : provider.keyWrapAlgorithms(oct)) {
                KeyReference ref = importedAesKeys.get(aesBits(algorithm.toString()));
                assertBadParameter(() -> provider.wrapKey(ref, algorithm, new byte[8]));
                assertBadParameter(() -> provider.wrapKey(ref, algorithm, new byte[20]));
                assertBadParameter(() -> provider.unwrapKey(ref, algorithm, new byte[16]));
                assertBadParameter(() -> provider.unwrapKey(ref, algorithm, new byte[41]));
            }
        }
        KeyType rsa = declared(KeyGenerationSpec::isRsa);
        if (rsa != null) {
            for (EncryptionAlgorithm algorithm : provider.encryptionAlgorithms(rsa)) {
                assertBadParameter(() -> provider.encrypt(importedRsaKey, algorithm, new byte[1024], null, null));
                assertBadParameter(() -> provider.decrypt(importedRsaKey, algorithm, randomBytes(smallestRsaSize(rsa) / 8 - 1),
                        null, null, null));
                assertBadParameter(() -> provider.decrypt(importedRsaKey, algorithm, new byte[smallestRsaSize(rsa) / 8],
                        null, null, null));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> malformedSignaturesVerifyAsFalse() {
        return perKeyAndAlgorithm(provider::signatureAlgorithms, (key, algorithm) -> fits(key, algorithm),
                (TestKey key, SignatureAlgorithm algorithm) -> () -> {
                    byte[] digest = randomBytes(digestLength(algorithm));
                    byte[] good = provider.sign(key.ref(), algorithm, digest);
                    JsonWebKey publicKey = provider.publicKey(key.ref());
                    List<byte[]> malformed = new ArrayList<>(List.of(new byte[0], new byte[1],
                            Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1),
                            concat(new byte[1], good), new byte[good.length], filled(good.length, (byte) 0xff),
                            randomBytes(good.length), randomBytes(3 * good.length)));
                    if (KeyGenerationSpec.isEc(key.type())) {
                        int half = good.length / 2;
                        byte[] zeroR = good.clone();
                        Arrays.fill(zeroR, 0, half, (byte) 0);
                        byte[] zeroS = good.clone();
                        Arrays.fill(zeroS, half, good.length, (byte) 0);
                        malformed.add(zeroR);
                        malformed.add(zeroS);
                        malformed.add(derEncode(good));
                    }
                    for (byte[] signature : malformed) {
                        assertThat(provider.verify(key.ref(), algorithm, digest, signature))
                                .as("%d-byte malformed signature", signature.length).isFalse();
                        assertThat(provider.verify(publicKey, algorithm, digest, signature))
                                .as("%d-byte malformed signature, bare key", signature.length).isFalse();
                    }
                });
    }

    @Test
    void refusesIncompleteOrInconsistentRsaImports() throws GeneralSecurityException {
        KeyType rsa = requireDeclared(KeyGenerationSpec::isRsa);
        JsonWebKey good = rsaJwk(rsa, jcaRsaKey);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(smallestRsaSize(rsa), RSAKeyGenParameterSpec.F4), random);
        JsonWebKey another = rsaJwk(rsa, generator.generateKeyPair());
        assertBadParameter(() -> provider.importKey(good.toBuilder().qi(null).build()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().p(null).q(null).dp(null).dq(null).qi(null).build()));
        assertBadParameter(() -> provider.importKey(good.toPublic()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().n(another.getN()).build()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().d(plus(good.getD(), 2)).build()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().e(new byte[] {1, 0, 3}).build()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().dp(plus(good.getDp(), 1)).build()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().qi(plus(good.getQi(), 1)).build()));
        assertBadParameter(() -> provider.importKey(good.toBuilder().p(another.getP()).q(another.getQ()).build()));
    }

    @Test
    void refusesIncompleteOrInconsistentEcAndOctImports() {
        KeyType ec = declared(KeyGenerationSpec::isEc);
        if (ec != null) {
            KeyCurveName curve = provider.curves(ec).iterator().next();
            JsonWebKey good = ecJwk(ec, curve, jcaEcKeys.get(curve));
            assertBadParameter(() -> provider.importKey(good.toPublic()));
            assertBadParameter(() -> provider.importKey(good.toBuilder().y(plus(good.getY(), 1)).build()));
            assertBadParameter(() -> provider.importKey(good.toBuilder().d(plus(good.getD(), 1)).build()));
            assertBadParameter(() -> provider.importKey(good.toBuilder().x(null).build()));
            assertBadParameter(() -> provider.importKey(good.toBuilder().curveName(KeyCurveName.fromString("P-192")).build()));
            // The point is valid but on another curve than the one named.
            for (KeyCurveName otherCurve : provider.curves(ec)) {
                if (!otherCurve.equals(curve) && fieldBytes(otherCurve) == fieldBytes(curve)) {
                    assertBadParameter(() -> provider.importKey(good.toBuilder().curveName(otherCurve).build()));
                }
            }
            JsonWebKey badPoint = good.toPublic().toBuilder().y(plus(good.getY(), 1)).build();
            SignatureAlgorithm algorithm = algorithmFor(curve);
            assertBadParameter(() -> provider.verify(badPoint, algorithm, randomBytes(digestLength(algorithm)),
                    new byte[2 * fieldBytes(curve)]));
        }
        KeyType oct = declared(KeyGenerationSpec::isOct);
        if (oct != null) {
            assertBadParameter(() -> provider.importKey(JsonWebKey.builder().keyType(oct).k(new byte[20]).build()));
            assertBadParameter(() -> provider.importKey(JsonWebKey.builder().keyType(oct).k(new byte[0]).build()));
            assertBadParameter(() -> provider.importKey(JsonWebKey.builder().keyType(oct).build()));
        }
        assertBadParameter(() -> provider.verify(JsonWebKey.builder().keyType(KeyType.OCT).k(new byte[16]).build(),
                SignatureAlgorithm.ES256, new byte[32], new byte[64]));
    }

    // ================================================================== hygiene

    @Test
    void noReturnedObjectPrintsPrivateMaterial() throws GeneralSecurityException {
        List<Object> printed = new ArrayList<>();
        List<byte[]> secrets = new ArrayList<>();
        for (TestKey key : keys) {
            printed.add(key.ref());
            printed.add(provider.publicKey(key.ref()));
            if (key.ref().wrappedKey() != null) {
                secrets.add(key.ref().wrappedKey());
            }
        }
        if (jcaRsaKey != null) {
            JsonWebKey jwk = rsaJwk(importedRsaKey.keyType(), jcaRsaKey);
            printed.add(jwk);
            secrets.addAll(List.of(jwk.getD(), jwk.getP(), jwk.getQ(), jwk.getDp(), jwk.getDq(), jwk.getQi()));
            printed.add(catchThrowable(() -> provider.importKey(jwk.toBuilder().d(plus(jwk.getD(), 2)).build())));
            printed.add(provider.encrypt(importedRsaKey, provider.encryptionAlgorithms(importedRsaKey.keyType())
                    .iterator().next(), new byte[8], null, null));
        }
        for (Map.Entry<KeyCurveName, KeyPair> entry : jcaEcKeys.entrySet()) {
            JsonWebKey jwk = ecJwk(importedEcKeys.get(entry.getKey()).keyType(), entry.getKey(), entry.getValue());
            printed.add(jwk);
            secrets.add(jwk.getD());
            printed.add(catchThrowable(() -> provider.importKey(jwk.toBuilder().d(plus(jwk.getD(), 1)).build())));
        }
        for (Map.Entry<Integer, byte[]> entry : jcaAesKeys.entrySet()) {
            KeyType oct = importedAesKeys.get(entry.getKey()).keyType();
            JsonWebKey jwk = JsonWebKey.builder().keyType(oct).k(entry.getValue()).build();
            printed.add(jwk);
            secrets.add(entry.getValue());
            KeyReference ref = importedAesKeys.get(entry.getKey());
            for (EncryptionAlgorithm algorithm : provider.encryptionAlgorithms(oct)) {
                if (aesBits(algorithm.toString()) == entry.getKey()) {
                    EncryptResult result = provider.encrypt(ref, algorithm, new byte[16], null, null);
                    printed.add(result);
                    printed.add(catchThrowable(() -> provider.decrypt(ref, algorithm, result.ciphertext(),
                            result.iv(), new byte[1], result.tag())));
                }
            }
        }
        for (Object object : printed) {
            if (object == null) {
                continue;
            }
            String text = object.toString();
            for (byte[] secret : secrets) {
                for (String form : encodings(secret)) {
                    assertThat(text).as("toString of %s", object.getClass().getSimpleName()).doesNotContain(form);
                }
            }
        }
    }

    @Test
    void isSafeToUseFromSeveralThreads() throws Exception {
        TestKey key = keys.stream().filter(k -> !provider.signatureAlgorithms(k.type()).isEmpty())
                .filter(k -> !KeyGenerationSpec.isRsa(k.type()) || k.size() == smallestRsaSize(k.type()))
                .findFirst().orElseThrow();
        SignatureAlgorithm algorithm = provider.signatureAlgorithms(key.type()).stream()
                .filter(a -> fits(key, a)).findFirst().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> {
                    byte[] digest = randomBytes(digestLength(algorithm));
                    return provider.verify(key.ref(), algorithm, digest, provider.sign(key.ref(), algorithm, digest));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ================================================================== helpers

    private static void assertBadParameter(Runnable operation) {
        assertThatThrownBy(operation::run).isInstanceOf(BadParameterException.class)
                .extracting(e -> ((CofferException) e).errorCode()).isEqualTo("BadParameter");
    }

    private static void assertClientError(Runnable operation) {
        Throwable thrown = catchThrowable(operation::run);
        assertThat(thrown).isInstanceOf(CofferException.class);
        assertThat(((CofferException) thrown).status()).as("status of %s", thrown).isBetween(400, 499);
    }

    private KeyType declared(java.util.function.Predicate<KeyType> kind) {
        return provider.keyTypes().stream().filter(kind).findFirst().orElse(null);
    }

    private KeyType requireDeclared(java.util.function.Predicate<KeyType> kind) {
        KeyType type = declared(kind);
        Assumptions.assumeTrue(type != null, "the provider declares no key type of this kind");
        return type;
    }

    private KeyType undeclaredType() {
        return KeyType.values().stream().filter(t -> !provider.keyTypes().contains(t)).findFirst().orElse(null);
    }

    private int smallestRsaSize(KeyType rsa) {
        return provider.keySizes(rsa).stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    private KeyReference key(KeyType type, int size, KeyCurveName curve) {
        return keys.stream().filter(k -> k.type().equals(type) && (curve == null ? k.size() == size : curve.equals(k.curve())))
                .findFirst().orElseThrow().ref();
    }

    /** One dynamic test per test key and per declared algorithm that fits it; the factory must not come out empty. */
    private <A> Stream<DynamicTest> perKeyAndAlgorithm(java.util.function.Function<KeyType, java.util.Set<A>> declared,
                                                       java.util.function.BiPredicate<TestKey, A> fits,
                                                       java.util.function.BiFunction<TestKey, A, org.junit.jupiter.api.function.Executable> test) {
        List<DynamicTest> tests = new ArrayList<>();
        for (TestKey key : keys) {
            for (A algorithm : declared.apply(key.type())) {
                if (fits.test(key, algorithm)) {
                    tests.add(dynamicTest(algorithm + " with " + key, test.apply(key, algorithm)));
                }
            }
        }
        return nonEmpty(tests);
    }

    private static boolean fits(TestKey key, SignatureAlgorithm algorithm) {
        String name = algorithm.toString();
        if (KeyGenerationSpec.isEc(key.type())) {
            return name.startsWith("ES") && curveFor(algorithm).equals(key.curve());
        }
        return KeyGenerationSpec.isRsa(key.type()) && (name.startsWith("RS") || name.startsWith("PS"));
    }

    private static boolean fits(TestKey key, String algorithm) {
        if (KeyGenerationSpec.isRsa(key.type())) {
            return isRsa(algorithm);
        }
        return KeyGenerationSpec.isOct(key.type()) && algorithm.startsWith("A") && aesBits(algorithm) == key.size();
    }

    private static boolean isRsa(String algorithm) {
        return algorithm.startsWith("RSA");
    }

    private static boolean isGcm(EncryptionAlgorithm algorithm) {
        return algorithm.toString().endsWith("GCM");
    }

    private static int aesBits(String algorithm) {
        return Integer.parseInt(algorithm.substring(1, 4));
    }

    private static int digestLength(SignatureAlgorithm algorithm) {
        return Integer.parseInt(algorithm.toString().substring(2, 5)) / 8;
    }

    private static String hashName(SignatureAlgorithm algorithm) {
        return "SHA-" + algorithm.toString().substring(2, 5);
    }

    private static KeyCurveName curveFor(SignatureAlgorithm algorithm) {
        return switch (algorithm.toString()) {
            case "ES256" -> KeyCurveName.P_256;
            case "ES384" -> KeyCurveName.P_384;
            case "ES512" -> KeyCurveName.P_521;
            case "ES256K" -> KeyCurveName.P_256K;
            default -> null;
        };
    }

    private static SignatureAlgorithm algorithmFor(KeyCurveName curve) {
        return SignatureAlgorithm.values().stream().filter(a -> curve.equals(curveFor(a))).findFirst().orElseThrow();
    }

    private static String secName(KeyCurveName curve) {
        return switch (curve.toString()) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            case "P-256K" -> "secp256k1";
            default -> throw new IllegalArgumentException("unknown curve " + curve);
        };
    }

    private static int fieldBytes(KeyCurveName curve) {
        return curve.equals(KeyCurveName.P_384) ? 48 : curve.equals(KeyCurveName.P_521) ? 66 : 32;
    }

    /** The JDK's SunEC for the NIST curves; Bouncy Castle for secp256k1, which JDK 17 removed. */
    private static Provider ecJcaProvider(KeyCurveName curve) throws GeneralSecurityException {
        return curve.equals(KeyCurveName.P_256K) ? BC : KeyPairGenerator.getInstance("EC").getProvider();
    }

    private Signature jcaRsaSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        String hash = hashName(algorithm);
        if (algorithm.toString().startsWith("RS")) {
            return Signature.getInstance(hash.replace("-", "") + "withRSA");
        }
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), digestLength(algorithm), 1));
        return pss;
    }

    private PublicKey jcaPublicKey(JsonWebKey jwk) throws GeneralSecurityException {
        if (KeyGenerationSpec.isRsa(jwk.getKeyType())) {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(new BigInteger(1, jwk.getN()), new BigInteger(1, jwk.getE())));
        }
        KeyCurveName curve = jwk.getCurveName();
        ECParameterSpec params = ((ECPublicKey) jcaEcKeys.get(curve).getPublic()).getParams();
        return KeyFactory.getInstance("EC", ecJcaProvider(curve)).generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, jwk.getX()), new BigInteger(1, jwk.getY())), params));
    }

    private static JsonWebKey rsaJwk(KeyType type, KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        return JsonWebKey.builder().keyType(type)
                .n(unsigned(k.getModulus())).e(unsigned(k.getPublicExponent())).d(unsigned(k.getPrivateExponent()))
                .p(unsigned(k.getPrimeP())).q(unsigned(k.getPrimeQ())).dp(unsigned(k.getPrimeExponentP()))
                .dq(unsigned(k.getPrimeExponentQ())).qi(unsigned(k.getCrtCoefficient())).build();
    }

    private static JsonWebKey ecJwk(KeyType type, KeyCurveName curve, KeyPair pair) {
        ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
        int length = fieldBytes(curve);
        PrivateKey privateKey = pair.getPrivate();
        return JsonWebKey.builder().keyType(type).curveName(curve)
                .x(fixed(w.getAffineX(), length)).y(fixed(w.getAffineY(), length))
                .d(fixed(((ECPrivateKey) privateKey).getS(), length)).build();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] minimal = unsigned(value);
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }

    private static byte[] plus(byte[] unsigned, int delta) {
        return unsigned(new BigInteger(1, unsigned).add(BigInteger.valueOf(delta)));
    }

    private static byte[] derEncode(byte[] raw) {
        int half = raw.length / 2;
        byte[] r = new BigInteger(1, Arrays.copyOf(raw, half)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length)).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        int body = 4 + r.length + s.length;
        if (body > 127) {
            out.write(0x81);
        }
        out.write(body);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private List<byte[]> plaintexts(EncryptionAlgorithm algorithm) {
        if (algorithm.toString().endsWith("CBC")) {
            return List.of(new byte[0], randomBytes(16), randomBytes(64));
        }
        return List.of(new byte[0], randomBytes(1), randomBytes(37));
    }

    private static KeyReference withWrapped(KeyReference ref, byte[] wrapped) {
        return new KeyReference(ref.providerId(), ref.protectionLevel(), ref.keyType(), ref.keySize(), ref.curve(),
                wrapped, null);
    }

    private static byte[] serialize(KeyReference ref) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ref);
        }
        return bytes.toByteArray();
    }

    private static KeyReference deserialize(byte[] bytes) throws java.io.IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (KeyReference) in.readObject();
        }
    }

    /** True if any 8-byte window of the secret appears in the data. */
    private static boolean containsWindow(byte[] data, byte[] secret) {
        int window = Math.min(8, secret.length);
        for (int start = 0; start + window <= secret.length; start += window) {
            byte[] part = Arrays.copyOfRange(secret, start, start + window);
            for (int i = 0; i + window <= data.length; i++) {
                if (Arrays.equals(data, i, i + window, part, 0, window)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> encodings(byte[] secret) {
        byte[] head = Arrays.copyOf(secret, Math.min(secret.length, 12));
        return List.of(HEX.formatHex(head), HEX.withUpperCase().formatHex(head),
                Base64.getEncoder().encodeToString(head).substring(0, 12),
                Base64.getUrlEncoder().encodeToString(head).substring(0, 12),
                Arrays.toString(head).substring(0, Math.min(20, Arrays.toString(head).length() - 1)),
                new BigInteger(1, secret).toString().substring(0, Math.min(16, new BigInteger(1, secret).toString().length())));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Stream<DynamicTest> nonEmpty(List<DynamicTest> tests) {
        Assumptions.assumeFalse(tests.isEmpty(), "the provider declares nothing this test covers");
        return tests.stream();
    }
}
