package dev.coffer.vault.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.core.internal.crypto.SoftwareCryptoProvider;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.ImportKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/** Which provider holds a key: software by default, the builder's HSM provider for -HSM types in Premium. */
class KeyProviderRoutingTest {
    private static final byte[] DATA = {1, 2, 3};

    @Test
    void hsmTypesInPremiumGoToTheNamedHsmProvider() throws Exception {
        FakeHsmProvider hsm = new FakeHsmProvider();
        KeyFixture fx = KeyFixture.premium(hsm);
        KeyClient keys = fx.keys(fx.officer);
        KeyVaultKey ecHsm = keys.createEcKey(new CreateEcKeyOptions("ec-hsm").setHardwareProtected(true));
        assertThat(ecHsm.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(ecHsm.getProperties().hsmPlatform()).isEqualTo(FakeHsmProvider.ID);
        byte[] sig = fx.keys(fx.user).getCryptographyClient("ec-hsm").signData(SignatureAlgorithm.ES256, DATA).getSignature();
        Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
        v.initVerify(p256(ecHsm.getKey()));
        v.update(DATA);
        assertThat(v.verify(sig)).isTrue();

        KeyVaultKey soft = keys.createKey("ec-soft", KeyType.EC);
        assertThat(soft.getKeyType()).isEqualTo(KeyType.EC);
        assertThat(soft.getProperties().hsmPlatform()).isNull();

        KeyVaultKey imported = keys.importKey(new ImportKeyOptions("imported-hsm",
                p256Private()).setHardwareProtected(true));
        assertThat(imported.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(imported.getProperties().hsmPlatform()).isEqualTo(FakeHsmProvider.ID);

        // Rotation stays in the HSM, with the same type and curve.
        KeyVaultKey rotated = keys.rotateKey("ec-hsm");
        assertThat(rotated.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(rotated.getProperties().hsmPlatform()).isEqualTo(FakeHsmProvider.ID);

        // Purge destroys every version in the provider that holds it.
        keys.deleteKey("ec-hsm");
        keys.purgeDeletedKey("ec-hsm");
        assertThat(hsm.destroyed.get()).isEqualTo(2);
    }

    @Test
    void hsmKeysAreRefusedInStandardVaultsAndWithoutAProvider() {
        KeyFixture standard = KeyFixture.standard();
        assertThatThrownBy(() -> standard.keys(standard.officer).createRsaKey(new CreateRsaKeyOptions("r")
                .setHardwareProtected(true))).isInstanceOf(BadParameterException.class)
                .hasMessage("Hardware key operation not allowed on standard vault.");
        KeyFixture premiumWithout = KeyFixture.premium(null);
        assertThatThrownBy(() -> premiumWithout.keys(premiumWithout.officer).createKey("r", KeyType.EC_HSM))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("hsmProvider");
        premiumWithout.audited("KeyCreate", premiumWithout.officer, 400);
        // Software keys in Premium stay software.
        assertThat(premiumWithout.keys(premiumWithout.officer).createKey("s", KeyType.EC).getProperties().hsmPlatform())
                .isNull();
    }

    @Test
    void backupsRestoreIntoTheTiersThatCanHoldThem() {
        FakeHsmProvider hsm = new FakeHsmProvider();
        KeyFixture fx = KeyFixture.premium(hsm);
        KeyClient premium = fx.keys(fx.officer);
        Vault standardVault = fx.mgmt.createVault(VaultOptions.named("kv-std").resourceGroup(fx.sub, "rg-keys")
                .sku(SkuName.STANDARD));
        fx.mgmt.roleAssignments().create(standardVault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, fx.officer);
        KeyClient standard = standardVault.keyClient(fx.officer);

        premium.createKey("hard", KeyType.EC_HSM);
        premium.createKey("soft", KeyType.EC);
        byte[] hardBlob = premium.backupKey("hard");
        byte[] softBlob = premium.backupKey("soft");
        assertThatThrownBy(() -> standard.restoreKeyBackup(hardBlob)).isInstanceOf(BadParameterException.class)
                .hasMessage("Hardware key operation not allowed on standard vault.");
        assertThatThrownBy(() -> standard.getKey("hard")).isInstanceOf(dev.coffer.vault.ResourceNotFoundException.class);
        assertThat(standard.restoreKeyBackup(softBlob).getKeyType()).isEqualTo(KeyType.EC);
        byte[] sig = premium.getCryptographyClient("soft").signData(SignatureAlgorithm.ES256, DATA).getSignature();
        assertThat(standard.getCryptographyClient("soft").verifyData(SignatureAlgorithm.ES256, DATA, sig).isValid()).isTrue();

        premium.deleteKey("hard");
        premium.purgeDeletedKey("hard");
        assertThat(premium.restoreKeyBackup(hardBlob).getProperties().hsmPlatform()).isEqualTo(FakeHsmProvider.ID);
    }

    @Test
    void theBuilderTakesOnlyAnHsmLevelProvider() {
        assertThatThrownBy(() -> Coffer.inMemory().hsmProvider(new SoftwareCryptoProvider(new byte[32],
                new java.security.SecureRandom()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProtectionLevel.HSM");
        assertThatThrownBy(() -> Coffer.inMemory().hsmProvider(new FakeHsmProvider()).hsmProvider(new FakeHsmProvider()))
                .isInstanceOf(IllegalStateException.class);
    }

    // The routing tests need P-256 only, which the JDK has: JCA interop for every curve is tested in vault-tests.
    private static java.security.spec.ECParameterSpec p256Params() throws Exception {
        java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("EC");
        params.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(java.security.spec.ECParameterSpec.class);
    }

    private static java.security.PublicKey p256(dev.coffer.vault.keys.JsonWebKey jwk) throws Exception {
        return java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.ECPublicKeySpec(
                new java.security.spec.ECPoint(new java.math.BigInteger(1, jwk.getX()), new java.math.BigInteger(1, jwk.getY())),
                p256Params()));
    }

    private static dev.coffer.vault.keys.JsonWebKey p256Private() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(p256Params());
        java.security.KeyPair pair = g.generateKeyPair();
        java.security.interfaces.ECPublicKey pub = (java.security.interfaces.ECPublicKey) pair.getPublic();
        java.math.BigInteger d = ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS();
        return dev.coffer.vault.keys.JsonWebKey.builder().keyType(KeyType.EC).curveName(KeyCurveName.P_256)
                .x(fixed(pub.getW().getAffineX())).y(fixed(pub.getW().getAffineY())).d(fixed(d)).build();
    }

    /** A 32-byte big-endian encoding, as a JWK's P-256 fields are. */
    private static byte[] fixed(java.math.BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
