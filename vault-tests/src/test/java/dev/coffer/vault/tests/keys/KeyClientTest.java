package dev.coffer.vault.tests.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.CofferException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.DeletedKey;
import dev.coffer.vault.keys.ImportKeyOptions;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyProperties;
import dev.coffer.vault.keys.KeyRotationLifetimeAction;
import dev.coffer.vault.keys.KeyRotationPolicy;
import dev.coffer.vault.keys.KeyRotationPolicyAction;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.SignResult;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every KeyClient call: allowed for the right role, denied for the wrong one, bad input refused with the
 * state unchanged, and one audit event. One platform per class; EC keys where the test allows, for speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyClientTest {
    private final KeyVault fx = KeyVault.standard();
    private final KeyClient officer = fx.keys(fx.officer);
    private final KeyClient user = fx.keys(fx.user);
    private final KeyClient reader = fx.keys(fx.reader);
    private final KeyClient owner = fx.keys(fx.owner);

    private void denied(Principal who, String operation, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((CofferException) e).innerErrorCode()).contains("ForbiddenByRbac"));
        fx.audited(operation, who, 403);
    }

    private void bad(Principal who, String operation, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(BadParameterException.class);
        fx.audited(operation, who, 400);
    }

    private void noKey(String name) {
        assertThatThrownBy(() -> officer.getKey(name)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createKeyWithTypeDefaults() {
        KeyVaultKey ec = officer.createKey("create-ec", KeyType.EC);
        fx.audited("KeyCreate", fx.officer, 200);
        assertThat(ec.getKey().getCurveName()).isEqualTo(KeyCurveName.P_256);
        assertThat(ec.getKeyOperations()).containsExactly(KeyOperation.SIGN, KeyOperation.VERIFY);
        assertThat(ec.getId()).matches("https://kv-keys\\.vault\\.azure\\.net/keys/create-ec/[0-9a-f]{32}");
        assertThat(ec.getKey().getId()).isEqualTo(ec.getId());
        assertThat(ec.getKey().hasPrivateKey()).isFalse();
        assertThat(ec.getProperties().recoveryLevel()).isEqualTo("Recoverable+Purgeable");
        assertThat(ec.getProperties().hsmPlatform()).isNull();

        denied(fx.user, "KeyCreate", () -> user.createKey("create-denied", KeyType.EC));
        denied(fx.reader, "KeyCreate", () -> reader.createKey("create-denied", KeyType.EC));
        denied(fx.owner, "KeyCreate", () -> owner.createKey("create-denied", KeyType.EC));
        noKey("create-denied");
    }

    @Test
    void createKeyRefusesBadInputAndChangesNothing() {
        bad(fx.officer, "KeyCreate", () -> officer.createKey("bad-oct", KeyType.OCT));
        bad(fx.officer, "KeyCreate", () -> officer.createKey("bad-oct", KeyType.OCT_HSM));
        bad(fx.officer, "KeyCreate", () -> officer.createKey("bad-oct", KeyType.fromString("DSA")));
        bad(fx.officer, "KeyCreate", () -> officer.createKey("bad name!", KeyType.EC));
        bad(fx.officer, "KeyCreate", () -> officer.createRsaKey(new CreateRsaKeyOptions("bad-oct").setKeySize(1024)));
        bad(fx.officer, "KeyCreate", () -> officer.createKey(new CreateKeyOptions("bad-oct", KeyType.EC)
                .setKeyOperations(KeyOperation.fromString("launch"))));
        bad(fx.officer, "KeyCreate", () -> officer.createKey(new CreateKeyOptions("bad-oct", KeyType.EC).setExportable(true)));
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < 16; i++) {
            tags.put("t" + i, "v");
        }
        bad(fx.officer, "KeyCreate", () -> officer.createKey(new CreateKeyOptions("bad-oct", KeyType.EC).setTags(tags)));
        assertThatThrownBy(() -> officer.createKey("bad-oct", KeyType.EC_HSM)).isInstanceOf(BadParameterException.class)
                .hasMessage("Hardware key operation not allowed on standard vault.");
        assertThatThrownBy(() -> officer.createEcKey(new CreateEcKeyOptions("bad-oct").setHardwareProtected(true)))
                .hasMessage("Hardware key operation not allowed on standard vault.");
        noKey("bad-oct");
        assertThat(officer.listPropertiesOfKeyVersions("bad-oct").stream().count()).isZero();
    }

    @Test
    void createRsaKeyIgnoresThePublicExponentAndDefaultsTo2048() {
        CreateRsaKeyOptions options = new CreateRsaKeyOptions("rsa-default").setPublicExponent(3)
                .setTags(Map.of("team", "billing"));
        KeyVaultKey rsa = officer.createRsaKey(options);
        fx.audited("KeyCreate", fx.officer, 200);
        assertThat(new BigInteger(1, rsa.getKey().getE())).isEqualTo(BigInteger.valueOf(65537));
        assertThat(new BigInteger(1, rsa.getKey().getN()).bitLength()).isEqualTo(2048);
        assertThat(rsa.getKeyOperations()).containsExactlyElementsOf(List.of(KeyOperation.ENCRYPT, KeyOperation.DECRYPT, KeyOperation.SIGN, KeyOperation.VERIFY,
                KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY));
        // The options were copied: changing them afterwards changes nothing in the vault.
        options.setTags(Map.of("team", "other"));
        assertThat(officer.getKey("rsa-default").getProperties().tags()).containsEntry("team", "billing");
    }

    @Test
    void hardwareProtectedSwitchesTheType() {
        CreateRsaKeyOptions rsa = new CreateRsaKeyOptions("x").setHardwareProtected(true);
        assertThat(rsa.getKeyType()).isEqualTo(KeyType.RSA_HSM);
        assertThat(rsa.setHardwareProtected(false).getKeyType()).isEqualTo(KeyType.RSA);
        CreateEcKeyOptions ec = new CreateEcKeyOptions("x").setHardwareProtected(true);
        assertThat(ec.getKeyType()).isEqualTo(KeyType.EC_HSM);
        assertThat(ec.setHardwareProtected(false).getKeyType()).isEqualTo(KeyType.EC);
    }

    @Test
    void createEcKeyOnEveryCurve() {
        for (KeyCurveName crv : List.of(KeyCurveName.P_256, KeyCurveName.P_384, KeyCurveName.P_521, KeyCurveName.P_256K)) {
            String name = "ec-" + crv.toString().toLowerCase().replace("-", "");
            assertThat(officer.createEcKey(new CreateEcKeyOptions(name).setCurveName(crv)).getKey().getCurveName())
                    .isEqualTo(crv);
        }
        bad(fx.officer, "KeyCreate", () -> officer.createEcKey(new CreateEcKeyOptions("ec-bad")
                .setCurveName(KeyCurveName.fromString("P-192"))));
        denied(fx.user, "KeyCreate", () -> user.createEcKey(new CreateEcKeyOptions("ec-denied")));
        noKey("ec-bad");
    }

    @Test
    void importKeyKeepsOnlyThePublicPart() throws Exception {
        JsonWebKey jwk = JcaInterop.privateJwk(JcaInterop.ecPair(KeyCurveName.P_256), KeyCurveName.P_256);
        KeyVaultKey imported = officer.importKey("imported-ec", jwk);
        fx.audited("KeyImport", fx.officer, 200);
        assertThat(imported.getKey().hasPrivateKey()).isFalse();
        assertThat(imported.getKey().getX()).isEqualTo(jwk.getX());
        assertThat(imported.getKeyOperations()).containsExactly(KeyOperation.SIGN, KeyOperation.VERIFY);

        KeyVaultKey withOptions = officer.importKey(new ImportKeyOptions("imported-ec", jwk.toBuilder()
                .keyOps(List.of(KeyOperation.VERIFY)).build()).setEnabled(false).setTags(Map.of("k", "v")));
        assertThat(withOptions.getKeyOperations()).containsExactly(KeyOperation.VERIFY);
        assertThat(withOptions.getProperties().enabled()).isFalse();

        denied(fx.user, "KeyImport", () -> user.importKey("import-denied", jwk));
        denied(fx.reader, "KeyImport", () -> reader.importKey("import-denied", jwk));
        bad(fx.officer, "KeyImport", () -> officer.importKey("import-bad", jwk.toPublic()));
        bad(fx.officer, "KeyImport", () -> officer.importKey("import-bad",
                JsonWebKey.builder().keyType(KeyType.OCT).k(new byte[32]).build()));
        byte[] wrongD = jwk.getD();
        wrongD[wrongD.length - 1] ^= 1;
        bad(fx.officer, "KeyImport", () -> officer.importKey("import-bad", jwk.toBuilder().d(wrongD).build()));
        bad(fx.officer, "KeyImport", () -> officer.importKey(new ImportKeyOptions("import-bad", jwk).setHardwareProtected(true)));
        noKey("import-bad");
        noKey("import-denied");
    }

    @Test
    void getKeyByRoleAndVersion() {
        KeyVaultKey first = officer.createKey("get-me", KeyType.EC);
        KeyVaultKey second = officer.createKey("get-me", KeyType.EC);
        assertThat(user.getKey("GET-ME").getId()).isEqualTo(second.getId());
        fx.audited("KeyGet", fx.user, 200);
        assertThat(reader.getKey("get-me", first.getProperties().version()).getKey().getX())
                .isEqualTo(first.getKey().getX());
        fx.audited("KeyGet", fx.reader, 200);
        denied(fx.owner, "KeyGet", () -> owner.getKey("get-me"));
        denied(fx.stranger, "KeyGet", () -> fx.keys(fx.stranger).getKey("get-me"));
        assertThatThrownBy(() -> user.getKey("missing")).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((CofferException) e).errorCode()).isEqualTo("KeyNotFound"));
        fx.audited("KeyGet", fx.user, 404);
        bad(fx.user, "KeyGet", () -> user.getKey("get-me", "not-a-version"));
    }

    @Test
    void updateKeyProperties() {
        KeyVaultKey key = officer.createKey("update-me", KeyType.EC);
        KeyVaultKey updated = user.updateKeyProperties(key.getProperties().withEnabled(false).withTags(Map.of("a", "b")),
                KeyOperation.VERIFY);
        fx.audited("KeyUpdate", fx.user, 200);
        assertThat(updated.getProperties().enabled()).isFalse();
        assertThat(updated.getKeyOperations()).containsExactly(KeyOperation.VERIFY);
        assertThat(updated.getKey().getX()).isEqualTo(key.getKey().getX());

        denied(fx.reader, "KeyUpdate", () -> reader.updateKeyProperties(key.getProperties().withEnabled(true)));
        Map<String, String> tooLong = Map.of("k", "v".repeat(300));
        bad(fx.user, "KeyUpdate", () -> user.updateKeyProperties(key.getProperties().withEnabled(true).withTags(tooLong)));
        bad(fx.user, "KeyUpdate", () -> user.updateKeyProperties(KeyProperties.of("update-me"),
                KeyOperation.fromString("launch")));
        KeyVaultKey after = officer.getKey("update-me");
        assertThat(after.getProperties().enabled()).isFalse();
        assertThat(after.getProperties().tags()).isEqualTo(Map.of("a", "b"));
        assertThat(after.getKeyOperations()).containsExactly(KeyOperation.VERIFY);
    }

    @Test
    void listsAndVersions() {
        officer.createKey("list-a", KeyType.EC);
        officer.createKey("list-a", KeyType.EC);
        assertThat(reader.listPropertiesOfKeys().stream().map(KeyProperties::name)).contains("list-a");
        fx.audited("KeyList", fx.reader, 200);
        assertThat(user.listPropertiesOfKeyVersions("list-a").stream().count()).isEqualTo(2);
        fx.audited("KeyListVersions", fx.user, 200);
        denied(fx.owner, "KeyList", () -> owner.listPropertiesOfKeys().stream().count());
        denied(fx.owner, "KeyListVersions", () -> owner.listPropertiesOfKeyVersions("list-a").stream().count());
    }

    @Test
    void deleteRecoverPurge() {
        officer.createKey("del-me", KeyType.EC);
        denied(fx.user, "KeyDelete", () -> user.deleteKey("del-me"));
        denied(fx.reader, "KeyDelete", () -> reader.beginDeleteKey("del-me"));
        DeletedKey deleted = officer.beginDeleteKey("del-me").poll().getValue();
        fx.audited("KeyDelete", fx.officer, 200);
        assertThat(deleted.getRecoveryId()).isEqualTo("https://kv-keys.vault.azure.net/deletedkeys/del-me");
        assertThat(deleted.getKey().hasPrivateKey()).isFalse();
        assertThat(reader.getDeletedKey("del-me").getName()).isEqualTo("del-me");
        fx.audited("KeyGetDeleted", fx.reader, 200);
        assertThat(reader.listDeletedKeys().stream().map(DeletedKey::getName)).contains("del-me");
        fx.audited("KeyListDeleted", fx.reader, 200);
        denied(fx.owner, "KeyGetDeleted", () -> owner.getDeletedKey("del-me"));
        assertThatThrownBy(() -> officer.createKey("del-me", KeyType.EC)).isInstanceOf(ConflictException.class);

        denied(fx.user, "KeyRecover", () -> user.recoverDeletedKey("del-me"));
        assertThat(officer.beginRecoverDeletedKey("del-me").poll().getValue().getName()).isEqualTo("del-me");
        fx.audited("KeyRecover", fx.officer, 200);

        officer.deleteKey("del-me");
        denied(fx.user, "KeyPurge", () -> user.purgeDeletedKey("del-me"));
        officer.purgeDeletedKey("del-me");
        fx.audited("KeyPurge", fx.officer, 204);
        assertThatThrownBy(() -> officer.getDeletedKey("del-me")).isInstanceOf(ResourceNotFoundException.class);
        bad(fx.officer, "KeyDelete", () -> officer.deleteKey("bad name"));
    }

    @Test
    void backupAndRestoreKeepTheMaterialAndThePolicy() {
        officer.createKey("backup-me", KeyType.EC);
        officer.updateKeyRotationPolicy("backup-me", new KeyRotationPolicy().setExpiresIn("P60D").setLifetimeActions(List.of(
                new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeAfterCreate("P30D"))));
        byte[] digest = new byte[32];
        SignResult signed = user.getCryptographyClient("backup-me").sign(SignatureAlgorithm.ES256, digest);
        byte[] blob = user.backupKey("backup-me");
        fx.audited("KeyBackup", fx.user, 200);
        denied(fx.reader, "KeyBackup", () -> reader.backupKey("backup-me"));

        assertThatThrownBy(() -> officer.restoreKeyBackup(blob)).isInstanceOf(ConflictException.class);
        officer.deleteKey("backup-me");
        officer.purgeDeletedKey("backup-me");
        denied(fx.user, "KeyRestore", () -> user.restoreKeyBackup(blob));
        byte[] tampered = blob.clone();
        tampered[tampered.length / 2] ^= 1;
        bad(fx.officer, "KeyRestore", () -> officer.restoreKeyBackup(tampered));
        noKey("backup-me");

        KeyVaultKey restored = officer.restoreKeyBackup(blob);
        fx.audited("KeyRestore", fx.officer, 200);
        assertThat(restored.getName()).isEqualTo("backup-me");
        assertThat(user.getCryptographyClient("backup-me").verify(SignatureAlgorithm.ES256, digest, signed.getSignature())
                .isValid()).isTrue();
        assertThat(officer.getKeyRotationPolicy("backup-me").getExpiresIn()).isEqualTo("P60D");
    }

    @Test
    void rotateAndRotationPolicy() {
        KeyVaultKey key = officer.createKey(new CreateKeyOptions("rotate-me", KeyType.EC).setTags(Map.of("t", "1"))
                .setKeyOperations(KeyOperation.SIGN));
        KeyVaultKey rotated = officer.rotateKey("rotate-me");
        fx.audited("KeyRotate", fx.officer, 200);
        assertThat(rotated.getProperties().version()).isNotEqualTo(key.getProperties().version());
        assertThat(rotated.getKey().getX()).isNotEqualTo(key.getKey().getX());
        assertThat(rotated.getKey().getCurveName()).isEqualTo(KeyCurveName.P_256);
        assertThat(rotated.getKeyOperations()).containsExactly(KeyOperation.SIGN);
        assertThat(rotated.getProperties().tags()).isEqualTo(Map.of("t", "1"));
        denied(fx.user, "KeyRotate", () -> user.rotateKey("rotate-me"));

        KeyRotationPolicy dflt = reader.getKeyRotationPolicy("rotate-me");
        fx.audited("KeyRotationPolicyGet", fx.reader, 200);
        assertThat(dflt.getId()).isEqualTo("https://kv-keys.vault.azure.net/keys/rotate-me/rotationpolicy");
        assertThat(dflt.getExpiresIn()).isNull();
        assertThat(dflt.getLifetimeActions()).singleElement().satisfies(a -> {
            assertThat(a.getAction()).isEqualTo(KeyRotationPolicyAction.NOTIFY);
            assertThat(a.getTimeBeforeExpiry()).isEqualTo("P30D");
        });
        denied(fx.user, "KeyRotationPolicyGet", () -> user.getKeyRotationPolicy("rotate-me"));

        KeyRotationPolicy set = officer.updateKeyRotationPolicy("rotate-me", new KeyRotationPolicy().setExpiresIn("P1Y")
                .setLifetimeActions(List.of(new KeyRotationLifetimeAction(KeyRotationPolicyAction.fromString("rotate"))
                        .setTimeAfterCreate("P90D"))));
        fx.audited("KeyRotationPolicySet", fx.officer, 200);
        assertThat(set.getCreatedOn()).isEqualTo(fx.clock.instant());
        denied(fx.user, "KeyRotationPolicySet", () -> user.updateKeyRotationPolicy("rotate-me", new KeyRotationPolicy()));
        denied(fx.reader, "KeyRotationPolicySet", () -> reader.updateKeyRotationPolicy("rotate-me", new KeyRotationPolicy()));
        bad(fx.officer, "KeyRotationPolicySet", () -> officer.updateKeyRotationPolicy("rotate-me",
                new KeyRotationPolicy().setExpiresIn("P27D")));
        assertThat(officer.getKeyRotationPolicy("rotate-me").getExpiresIn()).isEqualTo("P1Y");
        // A version made by rotation takes the policy's expiry.
        assertThat(officer.rotateKey("rotate-me").getProperties().expiresOn())
                .isEqualTo(fx.clock.instant().atZone(java.time.ZoneOffset.UTC).plusYears(1).toInstant());
        assertThatThrownBy(() -> officer.rotateKey("no-such-key")).isInstanceOf(ResourceNotFoundException.class);
        fx.audited("KeyRotate", fx.officer, 404);
    }

    @Test
    void randomBytesAreRefusedByVaults() {
        assertThatThrownBy(() -> officer.getRandomBytes(16)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("Managed HSM");
        fx.audited("GetRandomBytes", fx.officer, 400);
    }

    @Test
    void cryptographyClientByRole() {
        officer.createKey("crypto-roles", KeyType.EC);
        byte[] digest = new byte[32];
        CryptographyClient asUser = user.getCryptographyClient("crypto-roles");
        assertThat(asUser.getKeyId()).isEqualTo("https://kv-keys.vault.azure.net/keys/crypto-roles");
        byte[] sig = asUser.sign(SignatureAlgorithm.ES256, digest).getSignature();
        fx.audited("KeySign", fx.user, 200);
        assertThat(reader.getCryptographyClient("crypto-roles").verify(SignatureAlgorithm.ES256, digest, sig).isValid())
                .isTrue();
        fx.audited("KeyVerify", fx.reader, 200);
        assertThat(reader.getCryptographyClient("crypto-roles").getKey().getName()).isEqualTo("crypto-roles");
        fx.audited("KeyGet", fx.reader, 200);
        denied(fx.reader, "KeySign", () -> reader.getCryptographyClient("crypto-roles").sign(SignatureAlgorithm.ES256, digest));
        denied(fx.owner, "KeyVerify", () -> owner.getCryptographyClient("crypto-roles")
                .verify(SignatureAlgorithm.ES256, digest, sig));
        denied(fx.owner, "KeySign", () -> owner.getCryptographyClient("crypto-roles").signData(SignatureAlgorithm.ES256, digest));
        bad(fx.user, "KeySign", () -> asUser.sign(SignatureAlgorithm.ES256, new byte[31]));
        bad(fx.user, "KeySign", () -> asUser.sign(null, digest));
        bad(fx.user, "KeySign", () -> asUser.sign(SignatureAlgorithm.RS256, digest));
        assertThatThrownBy(() -> user.getCryptographyClient("nothing-here").sign(SignatureAlgorithm.ES256, digest))
                .isInstanceOf(ResourceNotFoundException.class);
        fx.audited("KeySign", fx.user, 404);
    }
}
