package dev.coffer.vault.tests.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.keys.ImportKeyOptions;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyRotationPolicy;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * No private material anywhere: a scenario with imported keys (whose d, p, q the test knows) runs every kind
 * of call, including failing ones, and every returned object's toString, every exception message and every
 * audit event is scanned for those values in base64url, base64 and hex.
 */
class KeyPrivateMaterialTest {
    private final List<String> seen = new ArrayList<>();

    private void keep(Object o) {
        seen.add(String.valueOf(o));
    }

    private void attempt(Supplier<?> call) {
        try {
            keep(call.get());
        } catch (RuntimeException e) {
            keep(e);
            keep(e.getMessage());
        }
    }

    private static List<String> encodings(byte[] secret) {
        return List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                Base64.getEncoder().encodeToString(secret), HexFormat.of().formatHex(secret));
    }

    @Test
    void noPrivatePartInAnyResultExceptionOrAuditEvent() throws Exception {
        KeyVault fx = KeyVault.standard();
        KeyClient keys = fx.keys(fx.officer);
        JsonWebKey rsa = JcaInterop.privateJwk(JcaInterop.rsaPair());
        JsonWebKey ec = JcaInterop.privateJwk(JcaInterop.ecPair(KeyCurveName.P_256), KeyCurveName.P_256);

        attempt(() -> keys.importKey("rsa-imported", rsa));
        attempt(() -> keys.importKey(new ImportKeyOptions("ec-imported", ec).setEnabled(true)));
        attempt(() -> keys.getKey("rsa-imported"));
        attempt(() -> keys.getKey("ec-imported").getKey());
        keys.listPropertiesOfKeys().forEach(this::keep);
        keys.listPropertiesOfKeyVersions("rsa-imported").forEach(this::keep);
        CryptographyClient c = fx.keys(fx.user).getCryptographyClient("rsa-imported");
        attempt(() -> c.getKey());
        attempt(() -> c.encrypt(EncryptionAlgorithm.RSA_OAEP, new byte[8]));
        attempt(() -> c.decrypt(EncryptionAlgorithm.RSA_OAEP, c.encrypt(EncryptionAlgorithm.RSA_OAEP, new byte[8])
                .getCipherText()));
        attempt(() -> c.decrypt(EncryptionAlgorithm.RSA_OAEP, new byte[256]));
        attempt(() -> c.signData(SignatureAlgorithm.PS256, new byte[8]));
        attempt(() -> c.sign(SignatureAlgorithm.ES256, new byte[32]));
        attempt(() -> c.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[32]));
        attempt(() -> c.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[3]));
        attempt(() -> fx.keys(fx.reader).getCryptographyClient("ec-imported").sign(SignatureAlgorithm.ES256, new byte[32]));
        // Failing imports: inconsistent material, HSM in a Standard vault, a name held by a deleted key.
        byte[] wrongD = rsa.getD();
        wrongD[0] ^= 1;
        attempt(() -> keys.importKey("bad", rsa.toBuilder().d(wrongD).build()));
        attempt(() -> keys.importKey(new ImportKeyOptions("bad", ec).setHardwareProtected(true)));
        attempt(() -> keys.rotateKey("ec-imported"));
        attempt(() -> keys.updateKeyRotationPolicy("ec-imported", new KeyRotationPolicy().setExpiresIn("P1D")));
        byte[] blob = keys.backupKey("rsa-imported");
        attempt(() -> keys.deleteKey("rsa-imported"));
        attempt(() -> keys.getDeletedKey("rsa-imported"));
        attempt(() -> keys.importKey("rsa-imported", rsa));
        attempt(() -> keys.recoverDeletedKey("rsa-imported"));
        attempt(() -> keys.restoreKeyBackup(blob));
        keep(new ImportKeyOptions("x", rsa));
        keep(rsa);
        for (AuditEvent e : fx.platform.auditLog().events()) {
            keep(e);
        }
        assertThat(fx.platform.auditLog().events()).hasSizeGreaterThan(20);

        List<String> forbidden = new ArrayList<>();
        for (byte[] secret : List.of(rsa.getD(), rsa.getP(), rsa.getQ(), rsa.getDp(), rsa.getDq(), rsa.getQi(), ec.getD())) {
            forbidden.addAll(encodings(secret));
        }
        String all = String.join("\n", seen);
        for (String f : forbidden) {
            assertThat(all).doesNotContain(f);
        }
        // Nor does the backup carry the material in the clear.
        String blobHex = HexFormat.of().formatHex(blob);
        assertThat(blobHex).doesNotContain(HexFormat.of().formatHex(rsa.getP()));
        assertThat(blobHex).doesNotContain(HexFormat.of().formatHex(ec.getD()));
        // The scan did cover the scenario's real output (results, errors and events name the key).
        assertThat(all).contains("rsa-imported");
    }
}
