package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.TestVault;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** backupSecret and restoreSecretBackup: what a blob carries, and where it may and may not go. */
@CofferTest
class SecretBackupRestoreTest {

    private static SecretClient officer(CofferFixture fx, Vault vault) {
        Principal otto = fx.user("otto");
        fx.assign(otto, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        return vault.secretClient(otto);
    }

    /** What must survive a backup: everything but the host part of the id and the target vault's recovery settings. */
    private static List<String> portable(List<SecretProperties> versions) {
        return versions.stream().map(p -> String.join("|", p.name(), p.version(), String.valueOf(p.enabled()),
                String.valueOf(p.notBefore()), String.valueOf(p.expiresOn()), String.valueOf(p.createdOn()),
                String.valueOf(p.updatedOn()), String.valueOf(p.contentType()), String.valueOf(p.tags())))
                .collect(Collectors.toList());
    }

    private static void fill(SecretClient s, MovableClock clock) {
        s.setSecret(KeyVaultSecret.of("Db", "one").withContentType("text/plain").withTags(Map.of("env", "dev"))
                .withNotBefore(clock.instant().plus(Duration.ofDays(1))));
        clock.advance(Duration.ofHours(1));
        s.setSecret(KeyVaultSecret.of("db", "two").withEnabled(false).withExpiresOn(clock.instant().plus(Duration.ofDays(9))));
        clock.advance(Duration.ofHours(1));
        s.setSecret(KeyVaultSecret.of("db", "three").withTags(Map.of("a", "1", "b", "2")));
        s.updateSecretProperties(SecretProperties.of("db").withContentType("application/json"));
    }

    @Test
    void aBackupRestoresEveryVersionWithItsIdsAndAttributesIntoAnotherVaultOfTheSubscription(
            @TestVault(name = "kv-src") Vault src, @TestVault(name = "kv-dst") Vault dst, CofferFixture fx,
            MovableClock clock, AuditLog audit) {
        SecretClient a = officer(fx, src);
        SecretClient b = officer(fx, dst);
        fill(a, clock);
        List<SecretProperties> before = a.listPropertiesOfSecretVersions("db").toList();
        byte[] blob = a.backupSecret("db");
        assertThat(audit).lastEvent("SecretBackup").hasStatus(200).hasResource(src.scope().toString());

        KeyVaultSecret restored = b.restoreSecretBackup(blob);
        assertThat(restored.getName()).isEqualTo("Db");
        assertThat(restored.getValue()).as("restore returns no value").isNull();
        assertThat(b.getSecret("db").getValue()).isEqualTo("three");
        assertThat(restored.getId()).startsWith("https://kv-dst.vault.azure.net/secrets/Db/");
        List<SecretProperties> after = b.listPropertiesOfSecretVersions("db").toList();
        assertThat(portable(after)).isEqualTo(portable(before));
        for (SecretProperties p : before) {
            if (p.enabled()) {
                assertThat(b.getSecret("db", p.version()).getValue()).isEqualTo(a.getSecret("db", p.version()).getValue());
            }
        }
        b.updateSecretProperties(SecretProperties.of("db").withVersion(before.get(1).version()).withEnabled(true));
        assertThat(b.getSecret("db", before.get(1).version()).getValue()).isEqualTo("two");
        assertThat(audit).lastEvent("SecretRestore").hasStatus(200).hasResource(dst.scope().toString());

        // The source is unaffected and a restore into the source, after a purge, brings it back too.
        a.deleteSecret("db");
        a.purgeDeletedSecret("db");
        a.restoreSecretBackup(blob);
        assertThat(portable(a.listPropertiesOfSecretVersions("db").toList())).isEqualTo(portable(before));
    }

    @Test
    void restoreOntoAnExistingNameActiveOrDeletedIs409(@TestVault Vault vault, CofferFixture fx, AuditLog audit) {
        SecretClient s = officer(fx, vault);
        s.setSecret("db", "one");
        byte[] blob = s.backupSecret("db");
        assertThatCall(() -> s.restoreSecretBackup(blob)).isConflict().hasMessageContaining("conflict restoring the secret");
        s.deleteSecret("db");
        assertThatCall(() -> s.restoreSecretBackup(blob)).isConflict();
        assertThat(audit.query(AuditQuery.all().operation("SecretRestore").status(409))).hasSize(2);
        // An active secret whose name differs only in case is the same name.
        s.purgeDeletedSecret("db");
        s.setSecret("DB", "other");
        assertThatCall(() -> s.restoreSecretBackup(blob)).isConflict();
        assertThat(s.getSecret("db").getValue()).isEqualTo("other");
    }

    @Test
    void moreThan500VersionsCannotBeBackedUp(@TestVault Vault vault, CofferFixture fx) {
        SecretClient s = officer(fx, vault);
        for (int i = 0; i < 500; i++) {
            s.setSecret("many", "v" + i);
        }
        byte[] blob = s.backupSecret("many");
        s.setSecret("many", "v500");
        assertThatCall(() -> s.backupSecret("many")).isBadParameter().hasMessageContaining("500");
        s.deleteSecret("many");
        s.purgeDeletedSecret("many");
        assertThat(s.restoreSecretBackup(blob).getValue()).as("restore returns no value").isNull();
        assertThat(s.getSecret("many").getValue()).isEqualTo("v499");
        assertThat(s.listPropertiesOfSecretVersions("many").toList()).hasSize(500);
    }

    @Test
    void anotherSubscriptionOrGeographyRefusesTheBlob(@TestVault(name = "kv-eu") Vault eu, CofferFixture fx, VaultManager owner) {
        SecretClient s = officer(fx, eu);
        s.setSecret("db", "v");
        byte[] blob = s.backupSecret("db");

        Subscription other = fx.platform().createSubscription("other", fx.owner());
        owner.createResourceGroup(other.id(), "rg-other", "westeurope");
        Vault foreign = owner.createVault(VaultOptions.named("kv-other-sub").resourceGroup(other, "rg-other"));
        assertThatCall(() -> officer(fx, foreign).restoreSecretBackup(blob)).isBadParameter()
                .hasMessageContaining("another subscription");
        assertThat(officer(fx, foreign).listPropertiesOfSecrets().toList()).isEmpty();

        Vault us = fx.vault(VaultOptions.named("kv-us").location("eastus"));
        assertThatCall(() -> officer(fx, us).restoreSecretBackup(blob)).isBadParameter()
                .hasMessageContaining("geography 'Europe'");
        assertThat(officer(fx, us).listPropertiesOfSecrets().toList()).isEmpty();

        // The paired region lies in the same geography: allowed.
        Vault north = fx.vault(VaultOptions.named("kv-north").location("northeurope"));
        String restored = officer(fx, north).restoreSecretBackup(blob).getName();
        assertThat(officer(fx, north).getSecret(restored).getValue()).isEqualTo("v");
    }

    @Test
    void damagedOrForeignBlobsAreRefusedAndChangeNothing(@TestVault Vault vault, CofferFixture fx, AuditLog audit) {
        SecretClient s = officer(fx, vault);
        s.setSecret("db", "v");
        byte[] blob = s.backupSecret("db");
        s.deleteSecret("db");
        s.purgeDeletedSecret("db");

        for (int cut : new int[] {0, 1, 4, 20, 40, blob.length / 2, blob.length - 1}) {
            assertThatCall(() -> s.restoreSecretBackup(Arrays.copyOf(blob, cut))).as("cut at " + cut).isBadParameter();
        }
        // One flipped bit anywhere: in the magic, the format, the kind, the subscription tag, the
        // geography, the nonce, the ciphertext or the tag.
        for (int i = 0; i < blob.length; i += Math.max(1, blob.length / 60)) {
            byte[] altered = blob.clone();
            altered[i] ^= 0x01;
            int at = i;
            assertThatCall(() -> s.restoreSecretBackup(altered)).as("flip at " + at).isBadParameter();
        }
        byte[] lastFlipped = blob.clone();
        lastFlipped[lastFlipped.length - 1] ^= (byte) 0x80;
        assertThatCall(() -> s.restoreSecretBackup(lastFlipped)).isBadParameter();
        byte[] random = new byte[blob.length];
        new Random(7).nextBytes(random);
        assertThatCall(() -> s.restoreSecretBackup(random)).isBadParameter();
        assertThatCall(() -> s.restoreSecretBackup(new byte[0])).isBadParameter();
        assertThatCall(() -> s.restoreSecretBackup(null)).isBadParameter();
        // Byte 5 holds the object kind: a blob that says "key" is refused as a secret backup.
        byte[] keyKind = blob.clone();
        keyKind[5] = 1;
        assertThatCall(() -> s.restoreSecretBackup(keyKind)).isBadParameter().hasMessageContaining("backup of a key");
        byte[] appended = Arrays.copyOf(blob, blob.length + 1);
        assertThatCall(() -> s.restoreSecretBackup(appended)).isBadParameter();

        assertThat(s.listPropertiesOfSecrets().toList()).isEmpty();
        assertThat(s.listDeletedSecrets().toList()).isEmpty();
        assertThat(audit.query(AuditQuery.all().operation("SecretRestore").status(400))).hasSizeGreaterThan(60);
        // The intact blob still restores.
        String name = s.restoreSecretBackup(blob).getName();
        assertThat(s.getSecret(name).getValue()).isEqualTo("v");
    }

    /** A randomness source that repeats: two platforms built with it draw the same ids in the same order. */
    private static final class Repeatable extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final Random random;

        Repeatable(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }
    }

    private static CofferPlatform platform(byte[] rootKey) {
        return Coffer.inMemory().withoutSlf4jAuditSink().rootKey(rootKey).random(new Repeatable(42))
                .tenantId("11111111-2222-3333-4444-555555555555").build();
    }

    private static SecretClient officerOf(CofferPlatform p, String vaultName) {
        Principal owner = p.directory().createUser("owner@contoso.example");
        Subscription sub = p.createSubscription("shared", owner);
        VaultManager mgmt = p.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named(vaultName).resourceGroup(sub, "rg"));
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, owner);
        return vault.secretClient(owner);
    }

    @Test
    void platformsWithTheSameRootKeyAndSubscriptionRestoreEachOthersBackups() {
        byte[] root = new byte[32];
        new Random(1).nextBytes(root);
        CofferPlatform one = platform(root);
        CofferPlatform two = platform(root);
        SecretClient a = officerOf(one, "kv-one");
        SecretClient b = officerOf(two, "kv-two");
        // Same seed, same calls: the subscription ids match, as they would for one real subscription.
        assertThat(a.setSecret("db", "from-one").getValue()).isEqualTo("from-one");
        b.setSecret("api", "from-two");
        b.restoreSecretBackup(a.backupSecret("db"));
        assertThat(b.getSecret("db").getValue()).isEqualTo("from-one");
        a.restoreSecretBackup(b.backupSecret("api"));
        assertThat(a.getSecret("api").getValue()).isEqualTo("from-two");

        byte[] otherRoot = root.clone();
        otherRoot[0] ^= 1;
        SecretClient c = officerOf(platform(otherRoot), "kv-three");
        assertThatCall(() -> c.restoreSecretBackup(a.backupSecret("db"))).isBadParameter()
                .hasMessageContaining("another root key");
    }
}
