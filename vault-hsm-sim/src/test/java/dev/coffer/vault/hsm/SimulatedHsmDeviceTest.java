package dev.coffer.vault.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.CofferException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ServiceUnavailableException;
import dev.coffer.vault.UnauthorizedException;
import dev.coffer.vault.core.internal.crypto.SoftwareCryptoProvider;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The device's own behaviour: life cycle, faults, partitions, security domain, limits, counters, FIPS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedHsmDeviceTest {

    private static final KeyGenerationSpec P256 = KeyGenerationSpec.ec(KeyType.EC_HSM, KeyCurveName.P_256);
    private final SecureRandom random = new SecureRandom();
    private RSAPrivateCrtKey rsa;

    @BeforeAll
    void makeRsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        rsa = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    private JsonWebKey rsaJwk() {
        return JsonWebKey.builder().keyType(KeyType.RSA_HSM).n(u(rsa.getModulus())).e(u(rsa.getPublicExponent()))
                .d(u(rsa.getPrivateExponent())).p(u(rsa.getPrimeP())).q(u(rsa.getPrimeQ()))
                .dp(u(rsa.getPrimeExponentP())).dq(u(rsa.getPrimeExponentQ())).qi(u(rsa.getCrtCoefficient())).build();
    }

    private static byte[] u(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] digest() {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        return digest;
    }

    // ------------------------------------------------------------------ identity

    @Test
    void declaresHsmProtectionAndOnlyHsmTypesByDefault() {
        CryptoProvider provider = TestDevices.active().provider();
        assertThat(provider.id()).isEqualTo(SimulatedHsm.PROVIDER_ID);
        assertThat(provider.protectionLevel()).isEqualTo(ProtectionLevel.HSM);
        assertThat(provider.keyTypes()).containsExactly(KeyType.RSA_HSM, KeyType.EC_HSM, KeyType.OCT_HSM);
        assertThatThrownBy(() -> provider.generateKey(KeyGenerationSpec.ec(KeyType.EC, KeyCurveName.P_256)))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("EC-HSM");
    }

    @Test
    void aliasesAreHeldByTheDeviceToo() {
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder().acceptSoftwareKeyTypeNames(),
                SecurityDomain.generate(random));
        KeyReference ref = hsm.provider().generateKey(KeyGenerationSpec.ec(KeyType.EC, KeyCurveName.P_256));
        assertThat(ref.protectionLevel()).isEqualTo(ProtectionLevel.HSM);
        assertThat(hsm.attributes(ref).hsmPlatform()).isEqualTo("coffer-sim");
    }

    // ------------------------------------------------------------------ life cycle

    @Test
    void refusesEveryOperationUntilInitializedAndActivated() {
        SimulatedHsm hsm = SimulatedHsm.builder().build();
        CryptoProvider provider = hsm.provider();
        assertUnavailable(() -> provider.generateKey(P256), "not initialized");
        assertThatThrownBy(() -> hsm.activate(TestDevices.PIN)).isInstanceOf(ServiceUnavailableException.class);
        hsm.initialize(SecurityDomain.generate(random), TestDevices.PIN);
        assertUnavailable(() -> provider.generateKey(P256), "activate(pin)");
        assertThat(hsm.partitions()).as("a refused call made no partition key").isEmpty();
        hsm.activate(TestDevices.PIN);
        KeyReference ref = provider.generateKey(P256);
        byte[] digest = digest();
        byte[] signature = provider.sign(ref, SignatureAlgorithm.ES256, digest);

        hsm.deactivate();
        assertThat(hsm.isActive()).isFalse();
        assertUnavailable(() -> provider.sign(ref, SignatureAlgorithm.ES256, digest), "activate(pin)");
        assertUnavailable(() -> provider.verify(provider.publicKey(ref), SignatureAlgorithm.ES256, digest, signature),
                "activate(pin)");
        hsm.activate(TestDevices.PIN);
        assertThat(provider.verify(ref, SignatureAlgorithm.ES256, digest, signature)).as("nothing lost").isTrue();
    }

    @Test
    void wrongPinsAreRefusedAndLockTheDevice() {
        SimulatedHsm hsm = SimulatedHsm.builder().build();
        assertThatThrownBy(() -> hsm.initialize(SecurityDomain.generate(random), "12".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        hsm.initialize(SecurityDomain.generate(random), TestDevices.PIN);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> hsm.activate("wrong-pin".toCharArray()))
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining("not the simulated HSM's PIN");
        }
        assertThatThrownBy(() -> hsm.activate(TestDevices.PIN)).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("locked");
        assertThat(hsm.isActive()).isFalse();
    }

    @Test
    void offlineRefusesWithServiceUnavailableAndLosesNothing() {
        SimulatedHsm hsm = TestDevices.active();
        CryptoProvider provider = hsm.provider();
        KeyReference ref = provider.generateKey(KeyGenerationSpec.oct(KeyType.OCT_HSM, 256));
        var sealed = provider.encrypt(ref, EncryptionAlgorithm.A256GCM, new byte[] {1, 2, 3}, null, null);
        hsm.takeOffline();
        assertThat(hsm.isOffline()).isTrue();
        assertUnavailable(() -> provider.decrypt(ref, EncryptionAlgorithm.A256GCM, sealed.ciphertext(), sealed.iv(),
                null, sealed.tag()), "offline");
        assertUnavailable(() -> provider.generateKey(P256), "offline");
        assertUnavailable(() -> hsm.attest(ref), "offline");
        hsm.bringOnline();
        assertThat(provider.decrypt(ref, EncryptionAlgorithm.A256GCM, sealed.ciphertext(), sealed.iv(), null,
                sealed.tag())).containsExactly(1, 2, 3);
    }

    @Test
    void tamperZeroizesEveryPartitionUntilTheDomainIsRestored() {
        SecurityDomain domain = SecurityDomain.generate(random);
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder(), domain);
        KeyReference a = hsm.provider("kv-a").generateKey(P256);
        KeyReference b = hsm.provider("kv-b").generateKey(P256);
        hsm.tamper();
        assertThat(hsm.isTampered()).isTrue();
        for (KeyReference ref : List.of(a, b)) {
            CryptoProvider provider = hsm.provider(ref == a ? "kv-a" : "kv-b");
            assertUnavailable(() -> provider.publicKey(ref), "tampered and has zeroized every partition");
            assertUnavailable(() -> provider.sign(ref, SignatureAlgorithm.ES256, digest()), "tampered");
        }
        assertThatThrownBy(() -> hsm.activate(TestDevices.PIN)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("tampered");
        // Another domain does not bring the keys back: their references fail authentication.
        SimulatedHsm wrong = TestDevices.active(SimulatedHsm.builder(), SecurityDomain.generate(random));
        assertThatThrownBy(() -> wrong.provider("kv-a").publicKey(a)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("another security domain");
        // Restoring the same domain does.
        hsm.initialize(domain, TestDevices.PIN);
        hsm.activate(TestDevices.PIN);
        assertThat(hsm.provider("kv-a").publicKey(a).getCurveName()).isEqualTo(KeyCurveName.P_256);
        assertThat(hsm.provider("kv-b").publicKey(b).getCurveName()).isEqualTo(KeyCurveName.P_256);
    }

    // ------------------------------------------------------------------ partitions and the security domain

    @Test
    void partitionsAreIsolatedAndReferencesSurviveANewDeviceOfTheDomain() {
        SecurityDomain domain = SecurityDomain.generate(random);
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder(), domain);
        KeyReference ref = hsm.provider("kv-billing").generateKey(P256);
        assertThatThrownBy(() -> hsm.provider("kv-other").publicKey(ref)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("another partition");
        assertThatThrownBy(() -> hsm.provider().sign(ref, SignatureAlgorithm.ES256, digest()))
                .isInstanceOf(BadParameterException.class);
        assertThat(hsm.provider("kv-billing")).isSameAs(hsm.provider("kv-billing"));
        assertThatThrownBy(() -> hsm.provider("bad partition!")).isInstanceOf(IllegalArgumentException.class);

        SimulatedHsm restarted = TestDevices.active(SimulatedHsm.builder(), SecurityDomain.of(domainSecretOf(domain)));
        assertThat(restarted.provider("kv-billing").publicKey(ref)).isEqualTo(hsm.provider("kv-billing").publicKey(ref));
    }

    /** Tests rebuild a domain the way an application would: from a kept secret. */
    private static byte[] domainSecretOf(SecurityDomain domain) {
        return domain.copySecret();
    }

    @Test
    void backupsRestoreOnlyIntoTheSameSecurityDomain() {
        SecurityDomain domain = SecurityDomain.generate(random);
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder(), domain);
        KeyReference ref = hsm.provider("kv-a").importKey(rsaJwk());
        byte[] backup = hsm.provider("kv-a").exportForBackup(ref);

        SimulatedHsm sibling = TestDevices.active(SimulatedHsm.builder(), SecurityDomain.of(domain.copySecret()));
        KeyReference restored = sibling.provider("kv-b").importFromBackup(backup);
        assertThat(sibling.provider("kv-b").publicKey(restored)).isEqualTo(hsm.provider("kv-a").publicKey(ref));
        assertThat(sibling.attributes(restored).local()).as("origin travels with the backup").isFalse();

        SimulatedHsm stranger = TestDevices.active();
        assertThatThrownBy(() -> stranger.provider("kv-a").importFromBackup(backup))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("different security domain")
                .extracting(e -> ((CofferException) e).status()).isEqualTo(400);

        byte[] kek = new byte[SoftwareCryptoProvider.KEK_LENGTH];
        random.nextBytes(kek);
        assertThatThrownBy(() -> new SoftwareCryptoProvider(kek, random).importFromBackup(backup))
                .as("the software provider's format check refuses an HSM backup")
                .isInstanceOf(BadParameterException.class);
    }

    // ------------------------------------------------------------------ no private material

    @Test
    void noPathReturnsPrivateMaterial() {
        SimulatedHsm hsm = TestDevices.active();
        CryptoProvider provider = hsm.provider();
        JsonWebKey jwk = rsaJwk();
        KeyReference ref = provider.importKey(jwk);
        JsonWebKey publicKey = provider.publicKey(ref);
        assertThat(publicKey.hasPrivateKey()).isFalse();
        assertThat(publicKey.getD()).isNull();

        List<String> secretForms = new ArrayList<>();
        List<byte[]> secrets = List.of(jwk.getD(), jwk.getP(), jwk.getQ(), jwk.getDp(), jwk.getDq(), jwk.getQi());
        for (byte[] secret : secrets) {
            secretForms.add(HexFormat.of().formatHex(secret).substring(0, 32));
            secretForms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret).substring(0, 24));
            secretForms.add(Base64.getEncoder().encodeToString(secret).substring(0, 24));
        }
        byte[] backup = provider.exportForBackup(ref);
        KeyAttestation attestation = hsm.attest(ref);
        List<String> printed = List.of(ref.toString(), publicKey.toString(), provider.toString(), hsm.toString(),
                attestation.toString(), attestation.statementJson(), hsm.attributes(ref).toString(),
                new String(backup, java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(ref.wrappedKey(), java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String text : printed) {
            for (String form : secretForms) {
                assertThat(text).doesNotContain(form);
            }
        }
        for (byte[] secret : secrets) {
            assertThat(containsWindow(backup, secret)).as("backup holds a private component in the clear").isFalse();
            assertThat(containsWindow(ref.wrappedKey(), secret)).isFalse();
        }
        HsmKeyAttributes attributes = hsm.attributes(ref);
        assertThat(attributes.sensitive()).isTrue();
        assertThat(attributes.extractable()).isFalse();
        assertThat(attributes.neverExtractable()).isTrue();
        assertThat(attributes.local()).isFalse();
        assertThat(attributes.origin()).isEqualTo("imported");
        assertThat(hsm.attributes(provider.generateKey(P256)).local()).isTrue();
        assertThat(SecurityDomain.generate(random).toString()).startsWith("SecurityDomain[fingerprint=");
    }

    private static boolean containsWindow(byte[] haystack, byte[] secret) {
        byte[] window = java.util.Arrays.copyOfRange(secret, 0, 16);
        outer:
        for (int i = 0; i + window.length <= haystack.length; i++) {
            for (int j = 0; j < window.length; j++) {
                if (haystack[i + j] != window[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ latency, capacity, counters, weights

    @Test
    void latencyModelWaitsPerOperationClassWhenSwitchedOn() {
        List<Duration> waits = new ArrayList<>();
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder()
                .latency(LatencyModel.fixed(Map.of(OperationClass.SIGN, Duration.ofMillis(7),
                        OperationClass.CREATE, Duration.ofMillis(50))))
                .sleeper(waits::add), SecurityDomain.generate(random));
        CryptoProvider provider = hsm.provider();
        KeyReference ref = provider.generateKey(P256);
        provider.sign(ref, SignatureAlgorithm.ES256, digest());
        provider.publicKey(ref);
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(7));

        List<Duration> none = new ArrayList<>();
        SimulatedHsm quiet = TestDevices.active(SimulatedHsm.builder().sleeper(none::add), SecurityDomain.generate(random));
        quiet.provider().sign(quiet.provider().generateKey(P256), SignatureAlgorithm.ES256, digest());
        assertThat(none).as("latency is off by default").isEmpty();
    }

    @Test
    void realSleeperReallyWaits() {
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder()
                .latency(LatencyModel.fixed(Map.of(OperationClass.GET, Duration.ofMillis(30)))),
                SecurityDomain.generate(random));
        KeyReference ref = hsm.provider().generateKey(P256);
        long start = System.nanoTime();
        hsm.provider().publicKey(ref);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void capacityLimitsApplyPerPartitionWhenSwitchedOn() {
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder().maxKeysPerPartition(2),
                SecurityDomain.generate(random));
        CryptoProvider provider = hsm.provider("kv-small");
        KeyReference first = provider.generateKey(P256);
        KeyReference second = provider.generateKey(P256);
        assertThatThrownBy(() -> provider.generateKey(P256)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("maximum of 2 keys");
        byte[] backup = provider.exportForBackup(first);
        assertThatThrownBy(() -> provider.importFromBackup(backup)).isInstanceOf(ConflictException.class);
        assertThat(hsm.provider("kv-other").generateKey(P256)).as("another partition has its own room").isNotNull();
        provider.destroy(second);
        assertThat(hsm.keyCount("kv-small")).isEqualTo(1);
        assertThat(provider.generateKey(P256)).isNotNull();

        SimulatedHsm unlimited = TestDevices.active();
        for (int i = 0; i < 5; i++) {
            unlimited.provider().generateKey(P256);
        }
        assertThat(unlimited.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(5);
    }

    @Test
    void countsSuccessfulOperationsPerPartitionAndKey() {
        SimulatedHsm hsm = TestDevices.active();
        CryptoProvider provider = hsm.provider("kv-count");
        KeyReference one = provider.generateKey(P256);
        KeyReference two = provider.generateKey(P256);
        byte[] digest = digest();
        byte[] signature = provider.sign(one, SignatureAlgorithm.ES256, digest);
        provider.sign(one, SignatureAlgorithm.ES256, digest);
        provider.verify(one, SignatureAlgorithm.ES256, digest, signature);
        provider.sign(two, SignatureAlgorithm.ES256, digest);
        assertThatThrownBy(() -> provider.sign(one, SignatureAlgorithm.ES384, new byte[48]))
                .isInstanceOf(BadParameterException.class);
        assertThat(hsm.counters(one).count(OperationClass.SIGN)).isEqualTo(2);
        assertThat(hsm.counters(one).count(OperationClass.VERIFY)).isEqualTo(1);
        assertThat(hsm.counters(one).count(OperationClass.CREATE)).isEqualTo(1);
        assertThat(hsm.counters(two).count(OperationClass.SIGN)).isEqualTo(1);
        OperationCounters partition = hsm.counters("kv-count");
        assertThat(partition.count(OperationClass.SIGN)).as("the refused sign is not counted").isEqualTo(3);
        assertThat(partition.count(OperationClass.CREATE)).isEqualTo(2);
        assertThat(partition.total()).isEqualTo(6);
        assertThat(hsm.counters("never-used").total()).isZero();
    }

    @Test
    void reportsThrottleWeightsOfKeyVaultsHsmLimits() {
        SimulatedHsm hsm = TestDevices.active();
        KeyReference ec = hsm.provider().generateKey(P256);
        assertThat(hsm.weightClass(OperationClass.SIGN, ec).units()).isEqualTo(2);
        assertThat(hsm.weightClass(OperationClass.CREATE, ec).units()).isEqualTo(400);
        assertThat(ThrottleWeight.of(OperationClass.DECRYPT, KeyType.RSA_HSM, 2048).units()).isEqualTo(2);
        assertThat(ThrottleWeight.of(OperationClass.DECRYPT, KeyType.RSA_HSM, 3072).units()).isEqualTo(8);
        assertThat(ThrottleWeight.of(OperationClass.GET, KeyType.RSA_HSM, 4096).units()).isEqualTo(16);
        // Microsoft's example: 248 RSA-4096 HSM GETs plus 16 RSA-2048 HSM GETs exhaust one window.
        assertThat(248 * 16 + 16 * 2).isEqualTo(ThrottleWeight.BUDGET);
        assertThat(ThrottleWeight.BUDGET / ThrottleWeight.of(OperationClass.IMPORT, KeyType.EC_HSM, 256).units())
                .as("10 HSM creates per window").isEqualTo(10);
    }

    // ------------------------------------------------------------------ FIPS-like mode

    @Test
    void fipsModeRefusesWeakParameters() {
        SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder().fipsMode(), SecurityDomain.generate(random));
        CryptoProvider provider = hsm.provider();
        assertThat(provider.curves(KeyType.EC_HSM)).doesNotContain(KeyCurveName.P_256K);
        assertThat(provider.encryptionAlgorithms(KeyType.RSA_HSM)).doesNotContain(EncryptionAlgorithm.RSA1_5)
                .contains(EncryptionAlgorithm.RSA_OAEP_256);
        assertThat(provider.keyWrapAlgorithms(KeyType.RSA_HSM)).doesNotContain(KeyWrapAlgorithm.RSA1_5);
        assertThatThrownBy(() -> provider.generateKey(KeyGenerationSpec.ec(KeyType.EC_HSM, KeyCurveName.P_256K)))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("FIPS");
        assertThatThrownBy(() -> provider.generateKey(KeyGenerationSpec.rsa(KeyType.RSA_HSM, 2048, BigInteger.valueOf(3))))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("65537");
        KeyReference ref = provider.importKey(rsaJwk());
        assertThatThrownBy(() -> provider.encrypt(ref, EncryptionAlgorithm.RSA1_5, new byte[16], null, null))
                .isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> provider.wrapKey(provider.publicKey(ref), KeyWrapAlgorithm.RSA1_5, new byte[16]))
                .isInstanceOf(BadParameterException.class);
        assertThatThrownBy(() -> provider.verify(JsonWebKey.builder().keyType(KeyType.EC_HSM)
                .curveName(KeyCurveName.P_256K).x(new byte[32]).y(new byte[32]).build(), SignatureAlgorithm.ES256K,
                new byte[32], new byte[64])).isInstanceOf(BadParameterException.class);
        byte[] wrapped = provider.wrapKey(ref, KeyWrapAlgorithm.RSA_OAEP_256, new byte[32]);
        assertThat(provider.unwrapKey(ref, KeyWrapAlgorithm.RSA_OAEP_256, wrapped)).hasSize(32);

        CryptoProvider lax = TestDevices.active().provider();
        assertThat(lax.encryptionAlgorithms(KeyType.RSA_HSM)).as("FIPS mode is off by default")
                .contains(EncryptionAlgorithm.RSA1_5);
    }

    private static void assertUnavailable(Runnable call, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((CofferException) e).status()).isEqualTo(503);
    }
}
