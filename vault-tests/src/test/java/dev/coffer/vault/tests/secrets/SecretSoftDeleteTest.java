package dev.coffer.vault.tests.secrets;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.secrets.DeletedSecret;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Soft delete, get/list deleted, recover, purge, purge protection and the clock-driven purge. */
@CofferTest
class SecretSoftDeleteTest {

    @Test
    void deleteMovesEveryVersionAndRecoverBringsThemAllBack(
            @TestVault(name = "kv-del") Vault vault,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            MovableClock clock) {
        clock.set(Instant.parse("2030-05-01T10:00:00.600Z"));
        SecretClient s = vault.secretClient(otto);
        KeyVaultSecret v1 = s.setSecret(KeyVaultSecret.of("Db", "one").withTags(Map.of("k", "v")));
        KeyVaultSecret v2 = s.setSecret("db", "two");

        DeletedSecret d = s.beginDeleteSecret("DB").poll().getValue();
        assertThat(d.getName()).isEqualTo("Db");
        assertThat(d.getRecoveryId()).isEqualTo("https://kv-del.vault.azure.net/deletedsecrets/Db");
        assertThat(d.getDeletedOn()).isEqualTo(Instant.parse("2030-05-01T10:00:00Z"));
        assertThat(d.getScheduledPurgeDate()).isEqualTo(d.getDeletedOn().plus(Duration.ofDays(90)));
        assertThat(d.properties()).isEqualTo(v2.getProperties());
        assertThat(d.properties().recoveryLevel()).isEqualTo("Recoverable+Purgeable");
        assertThat(d.properties().recoverableDays()).isEqualTo(90);
        assertThat(s.getDeletedSecret("db")).isEqualTo(d);
        assertThat(s.listDeletedSecrets().toList()).containsExactly(d);

        assertThat(s.listPropertiesOfSecrets().toList()).isEmpty();
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).isEmpty();

        clock.advance(Duration.ofDays(89));
        KeyVaultSecret back = s.beginRecoverDeletedSecret("db").poll().getValue();
        assertThat(back.getValue()).as("recover returns no value").isNull();
        assertThat(s.getSecret("db").getValue()).isEqualTo("two");
        assertThat(back.getProperties()).isEqualTo(v2.getProperties());
        assertThat(s.getSecret("db", v1.getProperties().version()).getValue()).isEqualTo("one");
        assertThat(s.getSecret("db", v1.getProperties().version()).getProperties()).isEqualTo(v1.getProperties());
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(2);
        assertThatCall(() -> s.getDeletedSecret("db")).isNotFound("SecretNotFound").hasMessage("Deleted Secret not found: db");
        assertThat(s.listDeletedSecrets().toList()).isEmpty();
    }

    @Test
    void aDeletedSecretAllowsOnlyGetDeletedRecoverAndPurge(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto) {
        SecretClient s = vault.secretClient(otto);
        String version = s.setSecret("db", "one").getProperties().version();
        byte[] blob = s.backupSecret("db");
        s.deleteSecret("db");

        assertThatCall(() -> s.setSecret("DB", "two")).isConflict("ObjectIsDeletedButRecoverable").hasErrorCode("Conflict")
                .hasMessage("Secret db is currently in a deleted but recoverable state, and its name cannot be reused; "
                        + "in this state, the secret can only be recovered or purged.");
        assertThatCall(() -> s.getSecret("db")).isNotFound("SecretNotFound");
        assertThatCall(() -> s.getSecret("db", version)).isNotFound("SecretNotFound");
        assertThatCall(() -> s.updateSecretProperties(SecretProperties.of("db").withEnabled(false))).isNotFound();
        assertThatCall(() -> s.deleteSecret("db")).isNotFound();
        assertThatCall(() -> s.backupSecret("db")).isNotFound();
        assertThatCall(() -> s.restoreSecretBackup(blob)).isConflict();
        assertThat(s.getDeletedSecret("db").getName()).isEqualTo("db");
        // Nothing above changed it.
        assertThat(s.recoverDeletedSecret("db").getValue()).as("recover returns no value").isNull();
        assertThat(s.getSecret("db").getValue()).isEqualTo("one");
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(1);
    }

    @Test
    void recoveryLevelFollowsRetentionAndPurgeProtection(
            @TestVault(name = "kv-90") Vault v90,
            @TestVault(name = "kv-90p", purgeProtection = true) Vault v90p,
            @TestVault(name = "kv-30", retentionDays = 30) Vault v30,
            @TestVault(name = "kv-7p", retentionDays = 7, purgeProtection = true) Vault v7p,
            CofferFixture fx) {
        Principal otto = fx.user("otto");
        fx.assign(otto, fx.role("Key Vault Secrets Officer"), fx.resourceGroup().scope());
        Object[][] expected = {
                {v90, "Recoverable+Purgeable", 90},
                {v90p, "Recoverable", 90},
                {v30, "CustomizedRecoverable+Purgeable", 30},
                {v7p, "CustomizedRecoverable", 7}};
        for (Object[] row : expected) {
            Vault vault = (Vault) row[0];
            SecretClient s = vault.secretClient(otto);
            SecretProperties p = s.setSecret("db", "v").getProperties();
            assertThat(p.recoveryLevel()).as(vault.name()).isEqualTo(row[1]);
            assertThat(p.recoverableDays()).as(vault.name()).isEqualTo(row[2]);
            DeletedSecret d = s.deleteSecret("db");
            assertThat(d.getScheduledPurgeDate()).isEqualTo(d.getDeletedOn().plus(Duration.ofDays((Integer) row[2])));
            assertThat(d.properties().recoveryLevel()).isEqualTo(row[1]);
        }
    }

    @Test
    void purgeProtectionRefusesPurgeUntilTheScheduledDate(
            @TestVault(name = "kv-pp", retentionDays = 7, purgeProtection = true) Vault vault,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            MovableClock clock, AuditLog audit, CofferFixture fx) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("db", "v");
        DeletedSecret d = s.deleteSecret("db");
        assertThatCall(() -> s.purgeDeletedSecret("db")).isForbidden().hasErrorCode("Forbidden")
                .hasMessage("Operation \"purge\" is not allowed because purge protection is enabled for this vault. "
                        + "Key Vault service will automatically purge it after the retention period has passed.\r\n"
                        + "Vault: kv-pp;location=westeurope");
        assertThat(audit).hasEventFor("SecretPurge", otto, 403);
        assertThat(s.getDeletedSecret("db")).isEqualTo(d);

        // Recover still works under purge protection.
        s.recoverDeletedSecret("db");
        s.deleteSecret("db");
        clock.set(d.getScheduledPurgeDate().minusSeconds(1));
        assertThat(s.getDeletedSecret("db").getName()).isEqualTo("db");
        assertThat(audit.query(AuditQuery.all().operation("SecretPurge").status(204))).isEmpty();
    }

    @Test
    void theClockPastRetentionPurgesAsThePlatformAndFreesTheName(
            @TestVault(name = "kv-sweep", retentionDays = 7) Vault vault,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            MovableClock clock, AuditLog audit, CofferFixture fx) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("db", "v");
        DeletedSecret d = s.deleteSecret("db");
        clock.set(d.getScheduledPurgeDate().minusSeconds(1));
        assertThat(audit).hasNoEvent("SecretPurge");
        clock.set(d.getScheduledPurgeDate());
        assertThat(audit).lastEvent("SecretPurge").hasCaller(fx.platform().systemPrincipal()).hasStatus(204)
                .hasResource(vault.scope().toString());
        assertThat(audit.query(AuditQuery.all().operation("SecretPurge")).get(0).requestObjectId())
                .isEqualTo("https://kv-sweep.vault.azure.net/deletedsecrets/db");
        assertThatCall(() -> s.getDeletedSecret("db")).isNotFound();
        assertThat(s.listDeletedSecrets().toList()).isEmpty();
        assertThat(s.setSecret("db", "new").getValue()).isEqualTo("new");
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(1);
    }

    @Test
    void aReadAfterThePurgeDateFindsItGoneBeforeAnySweep() {
        // A clock not bound to the platform: moving it runs no sweep, so only the read path decides.
        MovableClock clock = new MovableClock();
        CofferPlatform platform = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().build();
        Principal owner = platform.directory().createUser("owner@contoso.example");
        Subscription sub = platform.createSubscription("unswept", owner);
        VaultManager mgmt = platform.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-unswept").resourceGroup(sub, "rg").softDeleteRetentionDays(7)
                .purgeProtection(true));
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, owner);
        SecretClient s = vault.secretClient(owner);
        s.setSecret("db", "v");
        DeletedSecret d = s.deleteSecret("db");

        clock.set(d.getScheduledPurgeDate().minusSeconds(1));
        assertThat(s.getDeletedSecret("db").getName()).isEqualTo("db");
        clock.set(d.getScheduledPurgeDate());
        assertThatCall(() -> s.getDeletedSecret("db")).isNotFound();
        assertThatCall(() -> s.recoverDeletedSecret("db")).isNotFound();
        assertThatCall(() -> s.purgeDeletedSecret("db")).isNotFound();
        assertThat(s.listDeletedSecrets().toList()).isEmpty();
        assertThat(platform.auditLog().query(AuditQuery.all().operation("SecretPurge").status(204))).as("no sweep ran").isEmpty();

        // A write that finds the expired name purges it first, as the platform, and then succeeds.
        assertThat(s.setSecret("db", "new").getValue()).isEqualTo("new");
        assertThat(platform.auditLog()).lastEvent("SecretPurge").hasCaller(platform.systemPrincipal()).hasStatus(204);
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(1);
    }

    @Test
    void purgeIsAllowedWithoutProtectionAndRemovesEverything(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("db", "one");
        s.setSecret("db", "two");
        s.deleteSecret("db");
        s.purgeDeletedSecret("db");
        assertThat(audit).lastEvent("SecretPurge").hasCaller(otto).hasStatus(204);
        assertThatCall(() -> s.getDeletedSecret("db")).isNotFound();
        assertThatCall(() -> s.purgeDeletedSecret("db")).isNotFound("SecretNotFound").hasMessage("Deleted Secret not found: db");
        assertThatCall(() -> s.recoverDeletedSecret("db")).isNotFound();
        // The name is free and starts over with one version.
        s.setSecret("db", "three");
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(1);
        // Purging a live secret is not possible: only deleted ones are purgeable.
        assertThatCall(() -> s.purgeDeletedSecret("db")).isNotFound();
        assertThat(s.getSecret("db").getValue()).isEqualTo("three");
    }

    @RepeatedTest(5)
    void twoConcurrentRecoversExactlyOneSucceeds(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto)
            throws Exception {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("db", "v");
        s.deleteSecret("db");
        List<Object> outcomes = race(4, () -> s.recoverDeletedSecret("db"));
        long ok = outcomes.stream().filter(o -> o instanceof KeyVaultSecret).count();
        assertThat(ok).isEqualTo(1);
        for (Object o : outcomes) {
            if (o instanceof CofferException) {
                CofferException e = (CofferException) o;
                assertThat(e.status()).isIn(404, 409);
                if (e.status() == 404) {
                    assertThat(e.getMessage()).isEqualTo("Deleted Secret not found: db");
                }
            }
        }
        assertThat(s.getSecret("db").getValue()).isEqualTo("v");
    }

    @RepeatedTest(5)
    void concurrentPurgesPurgeOnce(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) throws Exception {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("db", "v");
        s.deleteSecret("db");
        List<Object> outcomes = race(4, () -> {
            s.purgeDeletedSecret("db");
            return "purged";
        });
        assertThat(outcomes.stream().filter("purged"::equals).count()).isEqualTo(1);
        assertThat(outcomes.stream().filter(o -> o instanceof CofferException)
                .allMatch(o -> ((CofferException) o).status() == 404)).isTrue();
        assertThat(audit.query(AuditQuery.all().operation("SecretPurge").status(204))).hasSize(1);
    }

    /** Runs the same call on n threads released together; returns each result or CofferException. */
    static List<Object> race(int n, Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier barrier = new CyclicBarrier(n);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return call.call();
                    } catch (CofferException e) {
                        return e;
                    }
                }));
            }
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
