package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Page;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input: 400, audited, and the vault exactly as it was. */
@CofferTest
class SecretInputValidationTest {

    private static final String NAME_127 = "a".repeat(127);
    private static final String NAME_128 = "a".repeat(128);

    /** Everything a reader could observe of the vault's secrets, to compare before and after. */
    private static String snapshot(SecretClient s) {
        StringBuilder b = new StringBuilder();
        for (SecretProperties p : s.listPropertiesOfSecrets()) {
            b.append(p).append('\n');
            for (SecretProperties v : s.listPropertiesOfSecretVersions(p.name())) {
                b.append("  ").append(v).append(" = ").append(s.getSecret(p.name(), v.version()).getValue().length()).append('\n');
            }
        }
        s.listDeletedSecrets().forEach(d -> b.append("deleted ").append(d).append('\n'));
        return b.toString();
    }

    private static void refused(SecretClient s, AuditLog audit, String operation, ThrowingCallable call) {
        String before = snapshot(s);
        int events = audit.query(dev.coffer.vault.audit.AuditQuery.all().operation(operation).status(400)).size();
        assertThatCall(call).isBadParameter("BadParameter");
        assertThat(audit.query(dev.coffer.vault.audit.AuditQuery.all().operation(operation).status(400)))
                .as("a 400 " + operation + " event").hasSize(events + 1);
        assertThat(snapshot(s)).isEqualTo(before);
    }

    @Test
    void namesMustBe1To127LettersDigitsOrHyphens(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("db", "v");
        s.setSecret("gone", "v");
        s.deleteSecret("gone");
        for (String bad : new String[] {"", NAME_128, "db_password", "db.password", "db password", "dé", null}) {
            refused(s, audit, "SecretSet", () -> s.setSecret(bad, "v"));
            refused(s, audit, "SecretSet", () -> s.setSecret(KeyVaultSecret.of(bad, "v")));
            refused(s, audit, "SecretGet", () -> s.getSecret(bad));
            refused(s, audit, "SecretUpdate", () -> s.updateSecretProperties(SecretProperties.of(bad).withEnabled(false)));
            refused(s, audit, "SecretListVersions", () -> s.listPropertiesOfSecretVersions(bad).toList());
            refused(s, audit, "SecretDelete", () -> s.deleteSecret(bad));
            refused(s, audit, "SecretGetDeleted", () -> s.getDeletedSecret(bad));
            refused(s, audit, "SecretRecover", () -> s.recoverDeletedSecret(bad));
            refused(s, audit, "SecretPurge", () -> s.purgeDeletedSecret(bad));
            refused(s, audit, "SecretBackup", () -> s.backupSecret(bad));
        }
        assertThat(s.setSecret(NAME_127, "v").getName()).isEqualTo(NAME_127);
        assertThat(s.setSecret("0-a-Z-9", "v").getName()).isEqualTo("0-a-Z-9");
    }

    @Test
    void aValueIsAtMost25600BytesOfUtf8(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        assertThat(SecretClient.MAX_VALUE_BYTES).isEqualTo(25_600);
        String ascii = "x".repeat(25_600);
        assertThat(s.setSecret("ascii", ascii).getValue()).isEqualTo(ascii);
        refused(s, audit, "SecretSet", () -> s.setSecret("ascii", ascii + "x"));
        refused(s, audit, "SecretSet", () -> s.setSecret("fresh", ascii + "x"));

        // Bytes count, not characters: 12,800 two-byte characters fill the limit exactly.
        String twoByte = "é".repeat(12_800);
        assertThat(twoByte.getBytes(StandardCharsets.UTF_8)).hasSize(25_600);
        assertThat(s.setSecret("two-byte", twoByte).getValue()).isEqualTo(twoByte);
        refused(s, audit, "SecretSet", () -> s.setSecret("two-byte", twoByte + "a"));
        // 12,799 'é' (25,598 bytes) fit by characters but one 3-byte '€' tips it over by one byte.
        refused(s, audit, "SecretSet", () -> s.setSecret("two-byte", "é".repeat(12_799) + "€"));
        // A surrogate pair is 4 bytes: 25,596 + 4 = 25,600 fits.
        String emoji = "x".repeat(25_596) + "\uD83D\uDD11";
        assertThat(s.setSecret("emoji", emoji).getValue()).isEqualTo(emoji);
        refused(s, audit, "SecretSet", () -> s.setSecret("emoji", "x" + emoji));

        refused(s, audit, "SecretSet", () -> s.setSecret("null-value", null));
        assertThat(s.setSecret("empty", "").getValue()).isEmpty();
    }

    @Test
    void contentTypeAndTagsHaveAzuresLimits(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret(KeyVaultSecret.of("db", "v").withContentType("c".repeat(255)));
        refused(s, audit, "SecretSet", () -> s.setSecret(KeyVaultSecret.of("db", "v").withContentType("c".repeat(256))));
        refused(s, audit, "SecretUpdate", () -> s.updateSecretProperties(SecretProperties.of("db").withContentType("c".repeat(256))));

        Map<String, String> fifteen = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            fifteen.put("t" + i, "v".repeat(256));
        }
        s.setSecret(KeyVaultSecret.of("db", "v").withTags(fifteen));
        Map<String, String> sixteen = new HashMap<>(fifteen);
        sixteen.put("t15", "v");
        refused(s, audit, "SecretSet", () -> s.setSecret(KeyVaultSecret.of("db", "v").withTags(sixteen)));
        refused(s, audit, "SecretUpdate", () -> s.updateSecretProperties(SecretProperties.of("db").withTags(sixteen)));
        Map<String, String> longValue = Map.of("k", "v".repeat(257));
        refused(s, audit, "SecretSet", () -> s.setSecret(KeyVaultSecret.of("db", "v").withTags(longValue)));
        refused(s, audit, "SecretUpdate", () -> s.updateSecretProperties(SecretProperties.of("db").withTags(longValue)));
        Map<String, String> longName = Map.of("k".repeat(257), "v");
        refused(s, audit, "SecretSet", () -> s.setSecret(KeyVaultSecret.of("db", "v").withTags(longName)));
    }

    @Test
    void versionIdsMustBe32HexCharacters(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        String version = s.setSecret("db", "v").getProperties().version();
        for (String bad : new String[] {"xyz", version.substring(1), version + "0", "g".repeat(32), "latest"}) {
            refused(s, audit, "SecretGet", () -> s.getSecret("db", bad));
            refused(s, audit, "SecretUpdate", () -> s.updateSecretProperties(SecretProperties.of("db").withVersion(bad)
                    .withEnabled(false)));
        }
    }

    @Test
    void continuationTokensAndPageSizesAreChecked(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        for (int i = 0; i < 3; i++) {
            s.setSecret("s" + i, "v");
        }
        s.setSecret("db", "v1");
        s.setSecret("db", "v2");
        s.setSecret("db", "v3");
        refused(s, audit, "SecretList", () -> s.listPropertiesOfSecrets().iterableByPage("not-a-token", 1).iterator().next());
        refused(s, audit, "SecretListVersions",
                () -> s.listPropertiesOfSecretVersions("db").iterableByPage("not-a-token", 1).iterator().next());
        refused(s, audit, "SecretListDeleted", () -> s.listDeletedSecrets().iterableByPage("%%%", 1).iterator().next());
        // A token of one listing is no token for another.
        Page<SecretProperties> first = s.listPropertiesOfSecrets().iterableByPage(null, 1).iterator().next();
        String token = first.continuationToken();
        assertThat(token).isNotNull();
        refused(s, audit, "SecretListVersions", () -> s.listPropertiesOfSecretVersions("db").iterableByPage(token, 1).iterator().next());
        refused(s, audit, "SecretListDeleted", () -> s.listDeletedSecrets().iterableByPage(token, 1).iterator().next());
        Page<SecretProperties> v = s.listPropertiesOfSecretVersions("db").iterableByPage(null, 1).iterator().next();
        refused(s, audit, "SecretListVersions",
                () -> s.listPropertiesOfSecretVersions("s1").iterableByPage(v.continuationToken(), 1).iterator().next());

        for (int size : new int[] {0, 26, -1}) {
            assertThatCall(() -> s.listPropertiesOfSecrets().iterableByPage(null, size)).isBadParameter();
        }
        List<SecretProperties> one = s.listPropertiesOfSecrets().iterableByPage(null, 25).iterator().next().items();
        assertThat(one).hasSize(4);
    }
}
