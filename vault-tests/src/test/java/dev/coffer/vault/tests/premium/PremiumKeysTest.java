package dev.coffer.vault.tests.premium;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.hsm.HsmKeyAttributes;
import dev.coffer.vault.hsm.OperationClass;
import dev.coffer.vault.hsm.SimulatedHsm;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.ImportKeyOptions;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * RSA-HSM and EC-HSM keys in Premium vaults, held by the real simulated HSM the testkit wires in:
 * who may make and use them, what they say about themselves, and where they are refused.
 */
@CofferTest(hsm = true)
class PremiumKeysTest {
    private static final byte[] DATA = "premium".getBytes(StandardCharsets.UTF_8);

    @Test
    void hsmKeysAreMadeInTheDeviceAndSayItIsSimulated(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @User(value = "app", roles = @Role(role = "Key Vault Crypto User")) Principal app,
            @As("officer") KeyClient keys, @As("app") KeyClient appKeys, SimulatedHsm hsm, AuditLog audit)
            throws Exception {
        KeyVaultKey rsa = keys.createRsaKey(new CreateRsaKeyOptions("rsa-hsm").setHardwareProtected(true));
        KeyVaultKey ec = keys.createKey("ec-hsm", KeyType.EC_HSM);
        assertThat(rsa.getKeyType()).isEqualTo(KeyType.RSA_HSM);
        assertThat(ec.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(rsa.getProperties().keyType()).isEqualTo(KeyType.RSA_HSM);
        assertThat(rsa.getProperties().hsmPlatform()).isEqualTo(HsmKeyAttributes.PLATFORM).isEqualTo("coffer-sim");
        assertThat(ec.getProperties().hsmPlatform()).isEqualTo("coffer-sim");
        assertThat(rsa.getKey().hasPrivateKey()).isFalse();
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(2);
        assertThat(audit).hasEventFor("KeyCreate", officer, 200);

        // The device does the work: its counters move, and the plain JCA verifies what it signed.
        long signsBefore = hsm.counters(SimulatedHsm.DEFAULT_PARTITION).count(OperationClass.SIGN);
        byte[] sig = appKeys.getCryptographyClient("rsa-hsm").signData(SignatureAlgorithm.PS256, DATA).getSignature();
        assertThat(hsm.counters(SimulatedHsm.DEFAULT_PARTITION).count(OperationClass.SIGN)).isEqualTo(signsBefore + 1);
        java.security.PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, rsa.getKey().getN()), new BigInteger(1, rsa.getKey().getE())));
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        verifier.initVerify(publicKey);
        verifier.update(DATA);
        assertThat(verifier.verify(sig)).isTrue();
        Cipher jca = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        jca.init(Cipher.ENCRYPT_MODE, publicKey);
        byte[] ciphertext = jca.doFinal(DATA);
        assertThat(appKeys.getCryptographyClient("rsa-hsm").decrypt(EncryptionAlgorithm.RSA_OAEP, ciphertext)
                .getPlainText()).isEqualTo(DATA);
        assertThat(audit).hasEventFor("KeySign", app, 200).hasEventFor("KeyDecrypt", app, 200);
    }

    @Test
    void rolesAndAuditAreAsForSoftwareKeys(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @User(value = "reader", roles = @Role(role = "Key Vault Reader")) Principal reader,
            @As("officer") KeyClient keys, @As("reader") KeyClient readerKeys, SimulatedHsm hsm, AuditLog audit) {
        assertThatCall(() -> readerKeys.createKey("denied", KeyType.EC_HSM)).isForbidden()
                .hasInnerErrorCode("ForbiddenByRbac");
        assertThat(audit).hasEventFor("KeyCreate", reader, 403);
        // A denied call never reached the device.
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isZero();

        keys.createKey("ec-hsm", KeyType.EC_HSM);
        assertThat(readerKeys.getKey("ec-hsm").getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThatCall(() -> readerKeys.getCryptographyClient("ec-hsm").signData(SignatureAlgorithm.ES256, DATA))
                .isForbidden();
        assertThat(audit).hasEventFor("KeySign", reader, 403);

        // Bad input is refused before the device is asked, and changes nothing.
        assertThatCall(() -> keys.createRsaKey(new CreateRsaKeyOptions("bad").setHardwareProtected(true).setKeySize(1024)))
                .isBadParameter();
        assertThatCall(() -> keys.createKey("bad", KeyType.OCT_HSM)).isBadParameter();
        assertThatCall(() -> keys.createEcKey(new CreateEcKeyOptions("bad").setHardwareProtected(true)
                .setCurveName(KeyCurveName.fromString("P-192")))).isBadParameter();
        assertThat(audit).hasEventFor("KeyCreate", officer, 400);
        assertThatCall(() -> keys.getKey("bad")).isNotFound();
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(1);
    }

    @Test
    void lifecycleAndRotationStayInTheDevice(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm, AuditLog audit) {
        KeyVaultKey first = keys.createEcKey(new CreateEcKeyOptions("rotating").setHardwareProtected(true)
                .setCurveName(KeyCurveName.P_384));
        KeyVaultKey rotated = keys.rotateKey("rotating");
        assertThat(rotated.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(rotated.getKey().getCurveName()).isEqualTo(KeyCurveName.P_384);
        assertThat(rotated.getProperties().hsmPlatform()).isEqualTo("coffer-sim");
        assertThat(rotated.getKey().getX()).isNotEqualTo(first.getKey().getX());
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(2);

        keys.deleteKey("rotating");
        assertThat(keys.recoverDeletedKey("rotating").getKeyType()).isEqualTo(KeyType.EC_HSM);
        keys.getCryptographyClient("rotating").signData(SignatureAlgorithm.ES384, DATA);
        keys.deleteKey("rotating");
        keys.purgeDeletedKey("rotating");
        // Purge destroys both versions in the device.
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isZero();
        assertThat(audit).hasEventFor("KeyRotate", officer, 200).hasEventFor("KeyPurge", officer, 204);
    }

    @Test
    void importedKeysGoToTheDeviceOnlyWhenAskedFor(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = g.generateKeyPair();
        JsonWebKey jwk = JsonWebKey.builder().keyType(KeyType.EC).curveName(KeyCurveName.P_256)
                .x(unsigned(((ECPublicKey) pair.getPublic()).getW().getAffineX(), 32))
                .y(unsigned(((ECPublicKey) pair.getPublic()).getW().getAffineY(), 32))
                .d(unsigned(((ECPrivateKey) pair.getPrivate()).getS(), 32)).build();
        KeyVaultKey hard = keys.importKey(new ImportKeyOptions("imported-hsm", jwk).setHardwareProtected(true));
        assertThat(hard.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(hard.getProperties().hsmPlatform()).isEqualTo("coffer-sim");
        KeyVaultKey soft = keys.importKey("imported-soft", jwk);
        assertThat(soft.getKeyType()).isEqualTo(KeyType.EC);
        assertThat(soft.getProperties().hsmPlatform()).isNull();
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isEqualTo(1);
    }

    @Test
    void softwareKeysInPremiumStayInSoftware(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm) {
        KeyVaultKey rsa = keys.createKey("soft-rsa", KeyType.RSA);
        KeyVaultKey ec = keys.createEcKey(new CreateEcKeyOptions("soft-ec"));
        assertThat(rsa.getProperties().keyType()).isEqualTo(KeyType.RSA);
        assertThat(rsa.getProperties().hsmPlatform()).isNull();
        assertThat(ec.getKeyType()).isEqualTo(KeyType.EC);
        assertThat(ec.getProperties().hsmPlatform()).isNull();
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isZero();
        // And they keep working while the device is down: nothing about them involves it.
        hsm.takeOffline();
        assertThat(keys.getCryptographyClient("soft-ec").signData(SignatureAlgorithm.ES256, DATA).getSignature())
                .isNotEmpty();
    }

    @Test
    void standardVaultsRefuseHsmKeysWithAzuresMessage(@TestVault Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys, SimulatedHsm hsm, AuditLog audit) {
        assertThatCall(() -> keys.createKey("hard", KeyType.RSA_HSM)).isBadParameter()
                .hasMessage("Hardware key operation not allowed on standard vault.");
        assertThatCall(() -> keys.createEcKey(new CreateEcKeyOptions("hard").setHardwareProtected(true)))
                .isBadParameter().hasMessage("Hardware key operation not allowed on standard vault.");
        assertThat(audit).hasEventFor("KeyCreate", officer, 400);
        assertThatCall(() -> keys.getKey("hard")).isNotFound();
        assertThat(hsm.keyCount(SimulatedHsm.DEFAULT_PARTITION)).isZero();
    }

    /** Having vault-hsm-sim on the classpath (it is, here) never routes a key to it: only the builder does. */
    @Test
    void withoutAnHsmProviderPremiumRefusesHsmKeysClearly() {
        CofferFixture fx = CofferFixture.create();
        Vault vault = fx.vault(dev.coffer.vault.VaultOptions.named("kv-no-hsm").sku(SkuName.PREMIUM));
        Principal officer = fx.user("officer");
        fx.assign(officer, CofferFixture.role("Key Vault Crypto Officer"), vault.scope());
        KeyClient keys = vault.keyClient(officer);
        assertThatCall(() -> keys.createKey("hard", KeyType.EC_HSM)).isBadParameter()
                .hasMessageContaining("needs an HSM provider").hasMessageContaining("hsmProvider(");
        assertThat(fx.auditLog()).hasEventFor("KeyCreate", officer, 400);
        assertThat(keys.createKey("soft", KeyType.EC).getProperties().hsmPlatform()).isNull();
    }

    private static byte[] unsigned(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
