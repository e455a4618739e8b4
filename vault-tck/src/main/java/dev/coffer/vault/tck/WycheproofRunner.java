package dev.coffer.vault.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.vault.CofferException;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.EncryptResult;
import dev.coffer.vault.spi.KeyReference;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs every Wycheproof vector file in a folder through a {@link CryptoProvider}. A provider's test class
 * extends it and supplies the provider:
 *
 * <pre>{@code
 * class MyProviderWycheproofTest extends WycheproofRunner {
 *     @Override
 *     protected CryptoProvider provider() {
 *         return new MyProvider(...);
 *     }
 * }
 * }</pre>
 *
 * <p>The folder is the system property {@code coffer.wycheproof.dir}, else
 * {@code <coffer.project.root>/../shared/testvectors/wycheproof}. Every {@code *.json} file in it becomes a
 * container with one dynamic test per vector and a summary test. What runs is decided from each file's own
 * fields ({@code schema}, {@code algorithm}, and per group {@code sha}, {@code mgfSha}, {@code sLen},
 * {@code publicKey.curve}, {@code keySize}, {@code ivSize}, {@code tagSize}, and per vector {@code label}),
 * never from the file name:
 * <ul>
 *   <li>ECDSA P1363, RSASSA-PKCS1 and RSASSA-PSS verify files go through the bare public-key
 *       {@link CryptoProvider#verify(JsonWebKey, SignatureAlgorithm, byte[], byte[])} with the message
 *       hashed by the group's {@code sha};</li>
 *   <li>RSAES-OAEP and RSAES-PKCS1 decrypt files import the group's private key and decrypt;</li>
 *   <li>AES-GCM, AES-CBC-PKCS5 and AES key wrap files import the vector's key and run both directions.</li>
 * </ul>
 * A {@code valid} vector must pass; an {@code invalid} one must be refused ({@code false} or a
 * {@link CofferException} with a 4xx status); an {@code acceptable} one may go either way. An unchecked
 * exception other than a 4xx {@code CofferException} always fails the vector.
 *
 * <p>Vectors Key Vault cannot express are skipped, each as an aborted dynamic test naming the reason: an
 * OAEP label, an IV or tag size the algorithm does not use (for valid vectors; invalid ones still run and
 * must be refused), a PSS salt length or MGF hash other than the signature hash, and a key size, curve or
 * algorithm the provider does not declare. A file in which no vector runs fails, so a skip never hides a
 * whole file. A missing folder skips the factory with a message, but fails it when the environment
 * variable {@code CI} is {@code true}.
 */
public abstract class WycheproofRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Supplies the provider under test; called once per factory run.
     *
     * @return the provider
     */
    protected abstract CryptoProvider provider();

    /**
     * The folder holding the vectors.
     *
     * @return the folder named by {@code coffer.wycheproof.dir}, else the shared folder beside the project
     *         root {@code coffer.project.root} (or the working directory)
     */
    protected Path vectorDirectory() {
        String dir = System.getProperty("coffer.wycheproof.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String root = System.getProperty("coffer.project.root", System.getProperty("user.dir"));
        return Path.of(root).resolve("../shared/testvectors/wycheproof").normalize();
    }

    /**
     * One container per vector file.
     *
     * @return the dynamic tests
     * @throws IOException if the folder cannot be listed or a file cannot be read
     */
    @TestFactory
    public Stream<DynamicNode> wycheproofVectors() throws IOException {
        Path dir = vectorDirectory();
        if (!Files.isDirectory(dir)) {
            String message = "Wycheproof vectors not found in " + dir.toAbsolutePath()
                    + "; set -Dcoffer.wycheproof.dir=<folder> to run them";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: a missing vector folder fails the build)");
            }
            Assumptions.abort(message);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            fail("No *.json Wycheproof files in " + dir.toAbsolutePath());
        }
        CryptoProvider provider = provider();
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            containers.add(fileContainer(provider, file));
        }
        return containers.stream();
    }

    private DynamicContainer fileContainer(CryptoProvider provider, Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        FilePlan plan = new FilePlan(name);
        Handler handler = handlerFor(root);
        for (JsonNode group : root.path("testGroups")) {
            GroupContext context = handler == null ? null : handler.prepare(provider, root, group);
            for (JsonNode test : group.path("tests")) {
                String display = "tcId " + test.path("tcId").asInt() + " [" + test.path("result").asText() + "] "
                        + test.path("comment").asText();
                if (handler == null) {
                    plan.skip(display, "schema " + root.path("schema").asText() + " / algorithm "
                            + root.path("algorithm").asText() + " is not a Key Vault operation this runner knows");
                } else if (context.skipReason() != null) {
                    plan.skip(display, context.skipReason());
                } else {
                    String reason = handler.skipReason(provider, context, test);
                    if (reason != null) {
                        plan.skip(display, reason);
                    } else {
                        plan.run(display, handler.executable(provider, context, test));
                    }
                }
            }
        }
        return plan.container();
    }

    // ------------------------------------------------------------------ bookkeeping

    /** The dynamic tests of one file and the counts its summary reports. */
    private static final class FilePlan {
        private final String file;
        private final List<DynamicNode> tests = new ArrayList<>();
        private final Map<String, Integer> skipReasons = new TreeMap<>();
        private int ran;

        FilePlan(String file) {
            this.file = file;
        }

        void run(String name, Executable executable) {
            ran++;
            tests.add(DynamicTest.dynamicTest(name, executable));
        }

        void skip(String name, String reason) {
            skipReasons.merge(reason, 1, Integer::sum);
            tests.add(DynamicTest.dynamicTest(name, () -> Assumptions.abort("skipped: " + reason)));
        }

        DynamicContainer container() {
            int skipped = skipReasons.values().stream().mapToInt(Integer::intValue).sum();
            String summary = file + ": ran " + ran + ", skipped " + skipped
                    + (skipReasons.isEmpty() ? "" : " " + skipReasons);
            tests.add(DynamicTest.dynamicTest("summary: " + summary, () -> {
                System.out.println("[wycheproof] " + summary);
                assertThat(ran).as("runnable vectors in %s (a file must never be skipped whole)", file).isPositive();
            }));
            return DynamicContainer.dynamicContainer(file, tests);
        }
    }

    /** What a group needs before its vectors run, or why none of them can. */
    private record GroupContext(String skipReason, Object algorithm, String sha, JsonWebKey publicKey,
                                Supplier<KeyReference> privateKey, int keySize) {
        static GroupContext skip(String reason) {
            return new GroupContext(reason, null, null, null, null, 0);
        }
    }

    /** One kind of vector file. */
    private interface Handler {
        GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group);

        default String skipReason(CryptoProvider provider, GroupContext context, JsonNode test) {
            return null;
        }

        Executable executable(CryptoProvider provider, GroupContext context, JsonNode test);
    }

    private static Handler handlerFor(JsonNode root) {
        String schema = root.path("schema").asText();
        String algorithm = root.path("algorithm").asText();
        if (schema.startsWith("ecdsa_p1363_verify_schema")) {
            return new EcdsaVerify();
        }
        if (schema.startsWith("rsassa_pkcs1_verify_schema")) {
            return new RsaVerify(false);
        }
        if (schema.startsWith("rsassa_pss_verify_schema")) {
            return new RsaVerify(true);
        }
        if (schema.startsWith("rsaes_oaep_decrypt_schema")) {
            return new RsaDecrypt(true);
        }
        if (schema.startsWith("rsaes_pkcs1_decrypt_schema")) {
            return new RsaDecrypt(false);
        }
        if (schema.startsWith("aead_test_schema") && algorithm.equals("AES-GCM")) {
            return new AesGcm();
        }
        if (schema.startsWith("ind_cpa_test_schema") && algorithm.equals("AES-CBC-PKCS5")) {
            return new AesCbcPad();
        }
        if (schema.startsWith("keywrap_test_schema") && algorithm.equals("AES-WRAP")) {
            return new AesKeyWrap();
        }
        return null;
    }

    // ------------------------------------------------------------------ signatures

    private static final class EcdsaVerify implements Handler {
        private static final Map<String, KeyCurveName> CURVES = Map.of(
                "secp256r1", KeyCurveName.P_256, "secp384r1", KeyCurveName.P_384,
                "secp521r1", KeyCurveName.P_521, "secp256k1", KeyCurveName.P_256K);

        @Override
        public GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group) {
            JsonNode key = group.path("publicKey");
            String sha = group.path("sha").asText();
            KeyCurveName curve = CURVES.get(key.path("curve").asText());
            if (curve == null) {
                return GroupContext.skip("curve " + key.path("curve").asText() + " is not a Key Vault curve");
            }
            SignatureAlgorithm algorithm = esAlgorithm(curve, sha);
            if (algorithm == null) {
                return GroupContext.skip(curve + " with " + sha + " is not a Key Vault algorithm");
            }
            if (!provider.signatureAlgorithms(KeyType.EC).contains(algorithm)) {
                return GroupContext.skip("provider does not support " + algorithm);
            }
            JsonWebKey jwk = JsonWebKey.builder().keyType(KeyType.EC).curveName(curve)
                    .x(unsignedHex(key.path("wx").asText())).y(unsignedHex(key.path("wy").asText())).build();
            return new GroupContext(null, algorithm, sha, jwk, null, 0);
        }

        private static SignatureAlgorithm esAlgorithm(KeyCurveName curve, String sha) {
            if (curve.equals(KeyCurveName.P_256) && sha.equals("SHA-256")) {
                return SignatureAlgorithm.ES256;
            }
            if (curve.equals(KeyCurveName.P_384) && sha.equals("SHA-384")) {
                return SignatureAlgorithm.ES384;
            }
            if (curve.equals(KeyCurveName.P_521) && sha.equals("SHA-512")) {
                return SignatureAlgorithm.ES512;
            }
            if (curve.equals(KeyCurveName.P_256K) && sha.equals("SHA-256")) {
                return SignatureAlgorithm.ES256K;
            }
            return null;
        }

        @Override
        public Executable executable(CryptoProvider provider, GroupContext context, JsonNode test) {
            return verifyVector(provider, context, test);
        }
    }

    private static final class RsaVerify implements Handler {
        private final boolean pss;

        RsaVerify(boolean pss) {
            this.pss = pss;
        }

        @Override
        public GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group) {
            String sha = group.path("sha").asText();
            int hashLength = hashLength(sha);
            if (hashLength == 0) {
                return GroupContext.skip("hash " + sha + " has no Key Vault signature algorithm");
            }
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromString((pss ? "PS" : "RS") + hashLength * 8);
            if (pss) {
                if (!sha.equals(group.path("mgfSha").asText())) {
                    return GroupContext.skip("PSS MGF1 hash differs from the signature hash");
                }
                if (group.path("sLen").asInt(-1) != hashLength) {
                    return GroupContext.skip("PSS salt length is not the hash length");
                }
            }
            JsonNode key = group.path("publicKey");
            byte[] n = unsignedHex(key.path("modulus").asText());
            int size = new BigInteger(1, n).bitLength();
            if (!provider.keySizes(KeyType.RSA).contains(size)) {
                return GroupContext.skip("RSA key size " + size + " not supported by the provider");
            }
            if (!provider.signatureAlgorithms(KeyType.RSA).contains(algorithm)) {
                return GroupContext.skip("provider does not support " + algorithm);
            }
            JsonWebKey jwk = JsonWebKey.builder().keyType(KeyType.RSA)
                    .n(n).e(unsignedHex(key.path("publicExponent").asText())).build();
            return new GroupContext(null, algorithm, sha, jwk, null, size);
        }

        @Override
        public Executable executable(CryptoProvider provider, GroupContext context, JsonNode test) {
            return verifyVector(provider, context, test);
        }
    }

    private static Executable verifyVector(CryptoProvider provider, GroupContext context, JsonNode test) {
        byte[] message = hex(test.path("msg").asText());
        byte[] signature = hex(test.path("sig").asText());
        String result = test.path("result").asText();
        SignatureAlgorithm algorithm = (SignatureAlgorithm) context.algorithm();
        return () -> {
            byte[] digest = digest(context.sha(), message);
            Outcome outcome = outcome(() -> provider.verify(context.publicKey(), algorithm, digest, signature));
            switch (result) {
                case "valid" -> assertThat(outcome.value()).as("valid signature verifies (%s)", outcome).isEqualTo(true);
                case "invalid" -> assertThat(outcome.value()).as("invalid signature is refused (%s)", outcome)
                        .isNotEqualTo(true);
                default -> { } // acceptable: outcome() already failed on a crash
            }
        };
    }

    // ------------------------------------------------------------------ RSA decryption

    private static final class RsaDecrypt implements Handler {
        private final boolean oaep;

        RsaDecrypt(boolean oaep) {
            this.oaep = oaep;
        }

        @Override
        public GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group) {
            EncryptionAlgorithm algorithm = EncryptionAlgorithm.RSA1_5;
            if (oaep) {
                String sha = group.path("sha").asText();
                String mgfSha = group.path("mgfSha").asText();
                if (sha.equals("SHA-1") && mgfSha.equals("SHA-1")) {
                    algorithm = EncryptionAlgorithm.RSA_OAEP;
                } else if (sha.equals("SHA-256") && mgfSha.equals("SHA-256")) {
                    algorithm = EncryptionAlgorithm.RSA_OAEP_256;
                } else {
                    return GroupContext.skip("OAEP with " + sha + " and MGF1-" + mgfSha + " is not a Key Vault algorithm");
                }
            }
            if (!provider.encryptionAlgorithms(KeyType.RSA).contains(algorithm)) {
                return GroupContext.skip("provider does not support " + algorithm);
            }
            JsonWebKey jwk = privateRsaKey(group);
            int size = new BigInteger(1, jwk.getN()).bitLength();
            if (!provider.keySizes(KeyType.RSA).contains(size)) {
                return GroupContext.skip("RSA key size " + size + " not supported by the provider");
            }
            return new GroupContext(null, algorithm, null, null, memoize(() -> provider.importKey(jwk)), size);
        }

        @Override
        public String skipReason(CryptoProvider provider, GroupContext context, JsonNode test) {
            return oaep && !test.path("label").asText("").isEmpty() ? "OAEP label (Key Vault has no label parameter)" : null;
        }

        @Override
        public Executable executable(CryptoProvider provider, GroupContext context, JsonNode test) {
            byte[] message = hex(test.path("msg").asText());
            byte[] ciphertext = hex(test.path("ct").asText());
            String result = test.path("result").asText();
            EncryptionAlgorithm algorithm = (EncryptionAlgorithm) context.algorithm();
            return () -> {
                KeyReference key = context.privateKey().get();
                Outcome outcome = outcome(() -> provider.decrypt(key, algorithm, ciphertext, null, null, null));
                expectBytes(result, outcome, message, "decrypt");
            };
        }
    }

    /** The private key from the group's JWK when the file has one, else from its hex components. */
    private static JsonWebKey privateRsaKey(JsonNode group) {
        JsonNode jwk = group.path("privateKeyJwk");
        if (jwk.isObject()) {
            return JsonWebKey.builder().keyType(KeyType.RSA)
                    .n(b64(jwk, "n")).e(b64(jwk, "e")).d(b64(jwk, "d")).p(b64(jwk, "p")).q(b64(jwk, "q"))
                    .dp(b64(jwk, "dp")).dq(b64(jwk, "dq")).qi(b64(jwk, "qi")).build();
        }
        JsonNode key = group.path("privateKey");
        return JsonWebKey.builder().keyType(KeyType.RSA)
                .n(unsignedHex(key.path("modulus").asText())).e(unsignedHex(key.path("publicExponent").asText()))
                .d(unsignedHex(key.path("privateExponent").asText()))
                .p(unsignedHex(key.path("prime1").asText())).q(unsignedHex(key.path("prime2").asText()))
                .dp(unsignedHex(key.path("exponent1").asText())).dq(unsignedHex(key.path("exponent2").asText()))
                .qi(unsignedHex(key.path("coefficient").asText())).build();
    }

    // ------------------------------------------------------------------ AES

    private static final class AesGcm implements Handler {
        @Override
        public GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group) {
            return aesGroup(provider, group, "GCM");
        }

        @Override
        public String skipReason(CryptoProvider provider, GroupContext context, JsonNode test) {
            int ivBits = hex(test.path("iv").asText()).length * 8;
            int tagBits = hex(test.path("tag").asText()).length * 8;
            boolean expressible = ivBits == 96 && tagBits == 128;
            // An invalid vector with an IV or tag Key Vault does not use still runs: it must be refused.
            if (!expressible && !test.path("result").asText().equals("invalid")) {
                return "IV of " + ivBits + " bits or tag of " + tagBits + " bits (Key Vault uses a 96-bit IV, 128-bit tag)";
            }
            return null;
        }

        @Override
        public Executable executable(CryptoProvider provider, GroupContext context, JsonNode test) {
            byte[] key = hex(test.path("key").asText());
            byte[] iv = hex(test.path("iv").asText());
            byte[] aad = hex(test.path("aad").asText());
            byte[] message = hex(test.path("msg").asText());
            byte[] ciphertext = hex(test.path("ct").asText());
            byte[] tag = hex(test.path("tag").asText());
            String result = test.path("result").asText();
            EncryptionAlgorithm algorithm = (EncryptionAlgorithm) context.algorithm();
            return () -> {
                KeyReference ref = importOct(provider, key);
                Outcome decrypted = outcome(() -> provider.decrypt(ref, algorithm, ciphertext, iv, aad, tag));
                expectBytes(result, decrypted, message, "decrypt");
                if (result.equals("valid")) {
                    EncryptResult encrypted = provider.encrypt(ref, algorithm, message, iv, aad);
                    assertThat(encrypted.ciphertext()).as("ciphertext with the given IV").isEqualTo(ciphertext);
                    assertThat(encrypted.tag()).as("tag with the given IV").isEqualTo(tag);
                    assertThat(encrypted.iv()).isEqualTo(iv);
                }
            };
        }
    }

    private static final class AesCbcPad implements Handler {
        @Override
        public GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group) {
            if (group.path("ivSize").asInt() != 128) {
                return GroupContext.skip("CBC IV of " + group.path("ivSize").asInt() + " bits (Key Vault uses 128)");
            }
            return aesGroup(provider, group, "CBCPAD");
        }

        @Override
        public Executable executable(CryptoProvider provider, GroupContext context, JsonNode test) {
            byte[] key = hex(test.path("key").asText());
            byte[] iv = hex(test.path("iv").asText());
            byte[] message = hex(test.path("msg").asText());
            byte[] ciphertext = hex(test.path("ct").asText());
            String result = test.path("result").asText();
            EncryptionAlgorithm algorithm = (EncryptionAlgorithm) context.algorithm();
            return () -> {
                KeyReference ref = importOct(provider, key);
                Outcome decrypted = outcome(() -> provider.decrypt(ref, algorithm, ciphertext, iv, null, null));
                expectBytes(result, decrypted, message, "decrypt");
                if (result.equals("valid")) {
                    assertThat(provider.encrypt(ref, algorithm, message, iv, null).ciphertext())
                            .as("ciphertext with the given IV").isEqualTo(ciphertext);
                }
            };
        }
    }

    private static final class AesKeyWrap implements Handler {
        @Override
        public GroupContext prepare(CryptoProvider provider, JsonNode root, JsonNode group) {
            int size = group.path("keySize").asInt();
            KeyWrapAlgorithm algorithm = KeyWrapAlgorithm.fromString("A" + size + "KW");
            if (!provider.keySizes(KeyType.OCT).contains(size)) {
                return GroupContext.skip("oct key size " + size + " not supported by the provider");
            }
            if (!provider.keyWrapAlgorithms(KeyType.OCT).contains(algorithm)) {
                return GroupContext.skip("provider does not support " + algorithm);
            }
            return new GroupContext(null, algorithm, null, null, null, size);
        }

        @Override
        public Executable executable(CryptoProvider provider, GroupContext context, JsonNode test) {
            byte[] key = hex(test.path("key").asText());
            byte[] message = hex(test.path("msg").asText());
            byte[] ciphertext = hex(test.path("ct").asText());
            String result = test.path("result").asText();
            KeyWrapAlgorithm algorithm = (KeyWrapAlgorithm) context.algorithm();
            return () -> {
                KeyReference ref = importOct(provider, key);
                Outcome unwrapped = outcome(() -> provider.unwrapKey(ref, algorithm, ciphertext));
                expectBytes(result, unwrapped, message, "unwrap");
                Outcome wrapped = outcome(() -> provider.wrapKey(ref, algorithm, message));
                expectBytes(result, wrapped, ciphertext, "wrap");
            };
        }
    }

    private static GroupContext aesGroup(CryptoProvider provider, JsonNode group, String mode) {
        int size = group.path("keySize").asInt();
        if (group.has("tagSize") && group.path("tagSize").asInt() != 128) {
            return GroupContext.skip("tag of " + group.path("tagSize").asInt() + " bits (Key Vault uses 128)");
        }
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.fromString("A" + size + mode);
        if (!provider.keySizes(KeyType.OCT).contains(size)) {
            return GroupContext.skip("oct key size " + size + " not supported by the provider");
        }
        if (!provider.encryptionAlgorithms(KeyType.OCT).contains(algorithm)) {
            return GroupContext.skip("provider does not support " + algorithm);
        }
        return new GroupContext(null, algorithm, null, null, null, size);
    }

    private static KeyReference importOct(CryptoProvider provider, byte[] key) {
        return provider.importKey(JsonWebKey.builder().keyType(KeyType.OCT).k(key).build());
    }

    // ------------------------------------------------------------------ outcomes

    /** What an operation did: returned a value, or refused with a 4xx Coffer exception. */
    private record Outcome(Object value, CofferException refusal) {
        @Override
        public String toString() {
            if (refusal != null) {
                return "refused: " + refusal;
            }
            return value instanceof byte[] bytes ? "returned " + HEX.formatHex(bytes) : "returned " + value;
        }
    }

    /** Runs an operation; anything but a value or a clean 4xx refusal fails the vector as a crash. */
    private static Outcome outcome(Supplier<Object> operation) {
        try {
            return new Outcome(operation.get(), null);
        } catch (CofferException e) {
            if (e.status() < 400 || e.status() >= 500) {
                throw new AssertionError("provider failed instead of refusing cleanly: " + e, e);
            }
            return new Outcome(null, e);
        } catch (RuntimeException e) {
            throw new AssertionError("provider crashed with an unchecked exception: " + e, e);
        }
    }

    private static void expectBytes(String result, Outcome outcome, byte[] expected, String operation) {
        if (result.equals("valid")) {
            assertThat(outcome.refusal()).as("valid vector: %s must succeed", operation).isNull();
            assertThat((byte[]) outcome.value()).as("valid vector: %s output", operation).isEqualTo(expected);
        } else if (result.equals("invalid")) {
            boolean accepted = outcome.refusal() == null && Arrays.equals((byte[]) outcome.value(), expected);
            assertThat(accepted).as("invalid vector: %s must be refused (%s)", operation, outcome).isFalse();
        }
    }

    // ------------------------------------------------------------------ encodings

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private static int hashLength(String sha) {
        return switch (sha) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> 0;
        };
    }

    private static byte[] digest(String sha, byte[] message) {
        try {
            return MessageDigest.getInstance(sha).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + sha, e);
        }
    }

    private static byte[] hex(String value) {
        return HEX.parseHex(value);
    }

    /** Wycheproof writes integers as signed hex, sometimes with a leading 00; JWK wants them unsigned. */
    private static byte[] unsignedHex(String value) {
        byte[] bytes = new BigInteger(1, hex(value)).toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] b64(JsonNode jwk, String field) {
        return Base64.getUrlDecoder().decode(jwk.path(field).asText());
    }
}
