package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** setSecret and getSecret: versions, names, timestamps, attributes and the disabled rule. */
@CofferTest
class SecretSetGetTest {

    @Test
    void eachSetMakesANewVersionWithADistinct32HexId(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto) {
        SecretClient s = vault.secretClient(otto);
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            KeyVaultSecret v = s.setSecret("db", "value-" + i);
            assertThat(v.getProperties().version()).matches("[0-9a-f]{32}");
            assertThat(v.getId()).isEqualTo(vault.vaultUri() + "secrets/db/" + v.getProperties().version());
            assertThat(v.getValue()).isEqualTo("value-" + i);
            versions.add(v.getProperties().version());
        }
        assertThat(versions).hasSize(20);
        assertThat(s.getSecret("db").getValue()).isEqualTo("value-19");
        String first = s.listPropertiesOfSecretVersions("db").toList().get(0).version();
        assertThat(s.getSecret("db", first).getValue()).isEqualTo("value-0");
        // An empty version means "latest", as the REST path without a version does.
        assertThat(s.getSecret("db", "").getValue()).isEqualTo("value-19");
        assertThat(s.getSecret("db", null).getValue()).isEqualTo("value-19");
    }

    @Test
    void namesAreCaseInsensitiveAndKeepTheCaseOfTheFirstVersion(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("Db-Password", "one");
        KeyVaultSecret second = s.setSecret("DB-PASSWORD", "two");
        assertThat(second.getName()).isEqualTo("Db-Password");
        assertThat(s.getSecret("db-password").getValue()).isEqualTo("two");
        assertThat(s.getSecret("dB-pAsSwOrD").getName()).isEqualTo("Db-Password");
        assertThat(s.listPropertiesOfSecretVersions("db-PASSWORD").toList()).hasSize(2);
        assertThat(s.listPropertiesOfSecrets().stream().map(SecretProperties::name)).containsExactly("Db-Password");
        // Version ids are case-insensitive too.
        assertThat(s.getSecret("db-password", second.getProperties().version().toUpperCase()).getValue()).isEqualTo("two");
    }

    @Test
    void timestampsHaveSecondPrecisionAndAttributesAreKept(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            MovableClock clock) {
        clock.set(Instant.parse("2030-03-04T05:06:07.891234Z"));
        SecretClient s = vault.secretClient(otto);
        Instant nbf = Instant.parse("2030-03-05T00:00:00.750Z");
        Instant exp = Instant.parse("2031-01-01T00:00:00.250Z");
        KeyVaultSecret set = s.setSecret(KeyVaultSecret.of("api", "k").withContentType("text/plain")
                .withNotBefore(nbf).withExpiresOn(exp).withTags(Map.of("env", "dev")));
        SecretProperties p = set.getProperties();
        assertThat(p.createdOn()).isEqualTo(Instant.parse("2030-03-04T05:06:07Z"));
        assertThat(p.updatedOn()).isEqualTo(p.createdOn());
        assertThat(p.notBefore()).isEqualTo(Instant.parse("2030-03-05T00:00:00Z"));
        assertThat(p.expiresOn()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(p.enabled()).isTrue();
        assertThat(p.contentType()).isEqualTo("text/plain");
        assertThat(p.tags()).isEqualTo(Map.of("env", "dev"));
        assertThat(p.recoveryLevel()).isEqualTo("Recoverable+Purgeable");
        assertThat(p.recoverableDays()).isEqualTo(90);
        assertThat(p.vaultUrl()).isEqualTo(vault.vaultUri());
        assertThat(p.managed()).isFalse();
        assertThat(s.getSecret("api").getProperties()).isEqualTo(p);
    }

    @Test
    void aDisabledVersionIsRefusedWhileOtherVersionsStayReadable(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        KeyVaultSecret v1 = s.setSecret("db", "one");
        KeyVaultSecret v2 = s.setSecret(KeyVaultSecret.of("db", "two").withEnabled(false));
        assertThat(v2.getProperties().enabled()).isFalse();

        assertThatCall(() -> s.getSecret("db")).isForbidden().hasErrorCode("Forbidden").hasInnerErrorCode("SecretDisabled")
                .hasMessage("Operation get is not allowed on a disabled secret.");
        assertThatCall(() -> s.getSecret("db", v2.getProperties().version())).hasInnerErrorCode("SecretDisabled");
        assertThat(s.getSecret("db", v1.getProperties().version()).getValue()).isEqualTo("one");
        assertThat(audit).lastEvent("SecretGet").hasStatus(200);
        assertThat(audit).hasEventFor("SecretGet", otto, 403);
        // Metadata of a disabled version is still listed.
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).extracting(SecretProperties::enabled)
                .containsExactly(true, false);

        s.updateSecretProperties(SecretProperties.of("db").withEnabled(true));
        assertThat(s.getSecret("db").getValue()).isEqualTo("two");
    }

    @Test
    void expiredAndNotYetValidSecretsAreReturned(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            MovableClock clock) {
        SecretClient s = vault.secretClient(otto);
        Instant now = clock.instant();
        s.setSecret(KeyVaultSecret.of("expired", "old").withExpiresOn(now.minus(Duration.ofDays(1))));
        s.setSecret(KeyVaultSecret.of("future", "new").withNotBefore(now.plus(Duration.ofDays(1))));
        assertThat(s.getSecret("expired").getValue()).isEqualTo("old");
        assertThat(s.getSecret("future").getValue()).isEqualTo("new");
        clock.advance(Duration.ofDays(400));
        assertThat(s.getSecret("future").getValue()).isEqualTo("new");
    }

    @Test
    void missingSecretsAndVersionsAre404(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        assertThatCall(() -> s.getSecret("nope")).isNotFound("SecretNotFound")
                .hasMessageStartingWith("A secret with (name/id) nope was not found in this key vault.");
        s.setSecret("db", "v");
        assertThatCall(() -> s.getSecret("db", "0123456789abcdef0123456789abcdef")).isNotFound("SecretNotFound");
        assertThatCall(() -> s.updateSecretProperties(SecretProperties.of("nope").withEnabled(false))).isNotFound("SecretNotFound");
        assertThatCall(() -> s.deleteSecret("nope")).isNotFound("SecretNotFound");
        assertThatCall(() -> s.backupSecret("nope")).isNotFound("SecretNotFound");
        // Azure answers an empty list, not 404, for the versions of a missing name.
        assertThat(s.listPropertiesOfSecretVersions("nope").toList()).isEmpty();
        assertThat(audit).hasEventFor("SecretGet", otto, 404);
    }

    @Test
    void aNewVersionStartsWithItsOwnAttributes(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret(KeyVaultSecret.of("db", "one").withContentType("a").withTags(Map.of("k", "v")));
        KeyVaultSecret two = s.setSecret("db", "two");
        // Attributes belong to a version: the new one does not inherit the old one's tags or content type.
        assertThat(two.getProperties().contentType()).isNull();
        assertThat(two.getProperties().tags()).isEmpty();
        List<SecretProperties> versions = s.listPropertiesOfSecretVersions("db").toList();
        assertThat(versions.get(0).contentType()).isEqualTo("a");
        assertThat(versions.get(0).tags()).containsEntry("k", "v");
    }
}
