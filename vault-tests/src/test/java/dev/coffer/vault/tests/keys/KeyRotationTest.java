package dev.coffer.vault.tests.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyProperties;
import dev.coffer.vault.keys.KeyRotationLifetimeAction;
import dev.coffer.vault.keys.KeyRotationPolicy;
import dev.coffer.vault.keys.KeyRotationPolicyAction;
import dev.coffer.vault.keys.KeyType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Rotation policies through the public API: calendar arithmetic as the sweep applies it, minimums, the sweep's
 * rotate-once and notify-once rules. (The period parser itself is tested beside it, in vault-core's IsoPeriodTest.)
 */
class KeyRotationTest {
    private static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

    private static KeyRotationLifetimeAction rotateAfter(String p) {
        return new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeAfterCreate(p);
    }

    private static KeyRotationLifetimeAction rotateBefore(String p) {
        return new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeBeforeExpiry(p);
    }

    private static KeyRotationLifetimeAction notifyBefore(String p) {
        return new KeyRotationLifetimeAction(KeyRotationPolicyAction.NOTIFY).setTimeBeforeExpiry(p);
    }

    private static long versions(KeyClient keys, String name) {
        return keys.listPropertiesOfKeyVersions(name).stream().count();
    }

    @Test
    void policyMinimumsAreRefusedWith400AndChangeNothing() {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createKey("minimums", KeyType.EC);
        List<KeyRotationPolicy> refused = List.of(
                new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P6D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("PT167H"))),
                new KeyRotationPolicy().setExpiresIn("P27D"),
                new KeyRotationPolicy().setExpiresIn("P90D").setLifetimeActions(List.of(rotateBefore("P6D"))),
                new KeyRotationPolicy().setExpiresIn("P30D").setLifetimeActions(List.of(rotateBefore("P24D"))),
                new KeyRotationPolicy().setExpiresIn("P30D").setLifetimeActions(List.of(rotateAfter("P24D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(rotateBefore("P30D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P30D"), rotateAfter("P60D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(notifyBefore("P30D"), notifyBefore("P20D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(
                        new KeyRotationLifetimeAction(KeyRotationPolicyAction.NOTIFY).setTimeAfterCreate("P30D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P30D").setTimeBeforeExpiry("P30D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE))),
                new KeyRotationPolicy().setLifetimeActions(List.of(
                        new KeyRotationLifetimeAction(KeyRotationPolicyAction.fromString("Archive")).setTimeAfterCreate("P30D"))),
                new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("thirty days"))));
        for (KeyRotationPolicy p : refused) {
            assertThatThrownBy(() -> keys.updateKeyRotationPolicy("minimums", p)).as(p.toString())
                    .isInstanceOf(BadParameterException.class);
            fx.audited("KeyRotationPolicySet", fx.officer, 400);
        }
        assertThat(keys.getKeyRotationPolicy("minimums").getCreatedOn()).isNull();

        // The boundaries themselves are allowed: 7 days (as days or hours), 28 days, P1M from 31 January.
        keys.updateKeyRotationPolicy("minimums", new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P7D"))));
        keys.updateKeyRotationPolicy("minimums", new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("PT168H"))));
        keys.updateKeyRotationPolicy("minimums", new KeyRotationPolicy().setExpiresIn("P28D"));
        keys.updateKeyRotationPolicy("minimums", new KeyRotationPolicy().setExpiresIn("P1M")
                .setLifetimeActions(List.of(notifyBefore("P7D"))));
        KeyRotationPolicy stored = keys.getKeyRotationPolicy("minimums");
        assertThat(stored.getExpiresIn()).isEqualTo("P1M");
        assertThat(stored.getLifetimeActions()).singleElement()
                .satisfies(a -> assertThat(a.getTimeBeforeExpiry()).isEqualTo("P7D"));
        // A Notify without a trigger takes Azure's default of 30 days.
        keys.updateKeyRotationPolicy("minimums", new KeyRotationPolicy().setLifetimeActions(List.of(
                new KeyRotationLifetimeAction(KeyRotationPolicyAction.NOTIFY))));
        assertThat(keys.getKeyRotationPolicy("minimums").getLifetimeActions().get(0).getTimeBeforeExpiry()).isEqualTo("P30D");
        // The caller's policy object is copied: changing it afterwards changes nothing.
        KeyRotationPolicy mine = new KeyRotationPolicy().setExpiresIn("P60D");
        keys.updateKeyRotationPolicy("minimums", mine);
        mine.setExpiresIn("P1D");
        assertThat(keys.getKeyRotationPolicy("minimums").getExpiresIn()).isEqualTo("P60D");
    }

    @Test
    void threeMonthsFromJanuary31RotatesOnApril30() {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createKey("quarterly", KeyType.EC);
        keys.updateKeyRotationPolicy("quarterly", new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P3M"))));
        fx.clock.set(Instant.parse("2026-04-30T09:59:59Z"));
        fx.platform.sweep();
        assertThat(versions(keys, "quarterly")).isEqualTo(1);
        fx.clock.set(Instant.parse("2026-04-30T10:00:00Z"));
        fx.platform.sweep();
        assertThat(versions(keys, "quarterly")).isEqualTo(2);
        AuditEvent e = fx.last("KeyRotateIfDue");
        assertThat(e.identity().objectId()).isEqualTo(fx.platform.systemPrincipal().objectId());
        assertThat(e.httpStatusCode()).isEqualTo(200);
        assertThat(keys.getKey("quarterly").getProperties().createdOn()).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
    }

    @Test
    void oneYearTenDaysAndTheNewVersionsExpiry() {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createKey("yearly", KeyType.EC);
        keys.updateKeyRotationPolicy("yearly", new KeyRotationPolicy().setExpiresIn("P2Y")
                .setLifetimeActions(List.of(rotateAfter("P1Y10D"))));
        fx.clock.set(Instant.parse("2027-02-10T09:59:59Z"));
        fx.platform.sweep();
        assertThat(versions(keys, "yearly")).isEqualTo(1);
        fx.clock.set(Instant.parse("2027-02-10T10:00:00Z"));
        fx.platform.sweep();
        KeyProperties latest = keys.getKey("yearly").getProperties();
        assertThat(latest.createdOn()).isEqualTo(Instant.parse("2027-02-10T10:00:00Z"));
        assertThat(latest.expiresOn()).isEqualTo(Instant.parse("2029-02-10T10:00:00Z"));
    }

    @Test
    void theSweepRotatesOnceAfterABigJumpAndReadsNeverRotate() {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createKey("monthly", KeyType.EC);
        // The testkit's clock sweeps as it moves, so the policy is set after the jump: the key is then overdue by
        // thirteen periods and no sweep has run since.
        fx.clock.advance(Duration.ofDays(400));
        keys.updateKeyRotationPolicy("monthly", new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P30D"))));
        // Reads while overdue: nothing rotates.
        keys.getKey("monthly");
        keys.listPropertiesOfKeys().stream().count();
        keys.getKeyRotationPolicy("monthly");
        fx.keys(fx.user).getCryptographyClient("monthly").signData(dev.coffer.vault.keys.cryptography.SignatureAlgorithm.ES256,
                new byte[1]);
        assertThat(versions(keys, "monthly")).isEqualTo(1);
        assertThat(fx.count("KeyRotateIfDue")).isZero();

        fx.platform.sweep();
        fx.platform.sweep();
        assertThat(versions(keys, "monthly")).isEqualTo(2);
        assertThat(fx.count("KeyRotateIfDue")).isEqualTo(1);
        assertThat(keys.getKey("monthly").getProperties().createdOn()).isEqualTo(fx.clock.instant());
        // The next trigger counts from the new version.
        fx.clock.advance(Duration.ofDays(29));
        fx.platform.sweep();
        assertThat(versions(keys, "monthly")).isEqualTo(2);
        fx.clock.advance(Duration.ofDays(1));
        fx.platform.sweep();
        assertThat(versions(keys, "monthly")).isEqualTo(3);
    }

    @Test
    void rotateBeforeExpiryUsesTheLatestVersionsExpiry() {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createEcKey(new CreateEcKeyOptions("expiring").setExpiresOn(JAN_31.plus(Duration.ofDays(90))));
        keys.updateKeyRotationPolicy("expiring", new KeyRotationPolicy().setExpiresIn("P90D")
                .setLifetimeActions(List.of(rotateBefore("P30D"))));
        fx.clock.advance(Duration.ofDays(59));
        fx.platform.sweep();
        assertThat(versions(keys, "expiring")).isEqualTo(1);
        fx.clock.advance(Duration.ofDays(1));
        fx.platform.sweep();
        assertThat(versions(keys, "expiring")).isEqualTo(2);
        assertThat(keys.getKey("expiring").getProperties().expiresOn()).isEqualTo(fx.clock.instant().plus(Duration.ofDays(90)));
    }

    @Test
    void nearExpiryIsNotifiedOncePerVersion() {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createEcKey(new CreateEcKeyOptions("notify-me").setExpiresOn(JAN_31.plus(Duration.ofDays(40))));
        keys.createEcKey(new CreateEcKeyOptions("notify-me").setExpiresOn(JAN_31.plus(Duration.ofDays(45))));
        keys.createKey("no-expiry", KeyType.EC);
        fx.clock.advance(Duration.ofDays(9));
        fx.platform.sweep();
        assertThat(fx.count("KeyNearExpiryEventGridNotification")).isZero();
        fx.clock.advance(Duration.ofDays(1));
        fx.platform.sweep();
        fx.platform.sweep();
        assertThat(fx.count("KeyNearExpiryEventGridNotification")).isEqualTo(1);
        fx.clock.advance(Duration.ofDays(100));
        fx.platform.sweep();
        fx.platform.sweep();
        List<AuditEvent> notices = fx.platform.auditLog().query(AuditQuery.all().operation("KeyNearExpiryEventGridNotification"));
        assertThat(notices).hasSize(2);
        assertThat(notices).extracting(AuditEvent::requestObjectId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).contains("/keys/notify-me/"));
        // A policy without a Notify action records no notices.
        keys.createEcKey(new CreateEcKeyOptions("quiet").setExpiresOn(fx.clock.instant().plus(Duration.ofDays(10))));
        keys.updateKeyRotationPolicy("quiet", new KeyRotationPolicy().setLifetimeActions(List.of(rotateAfter("P1Y"))));
        fx.platform.sweep();
        assertThat(fx.count("KeyNearExpiryEventGridNotification")).isEqualTo(2);
    }

    @Test
    void concurrentRotationsAndCreatesGetDistinctVersions() throws Exception {
        KeyVault fx = KeyVault.at(JAN_31);
        KeyClient keys = fx.keys(fx.officer);
        keys.createKey("busy", KeyType.EC);
        int threads = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                boolean rotate = t % 2 == 0;
                Callable<List<String>> job = () -> {
                    start.await();
                    List<String> made = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        made.add((rotate ? keys.rotateKey("busy") : keys.createKey("busy", KeyType.EC))
                                .getProperties().version());
                    }
                    return made;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            Set<String> all = new HashSet<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions(keys, "busy")).isEqualTo(threads * each + 1);
        assertThat(keys.listPropertiesOfKeyVersions("busy").stream().map(KeyProperties::version).distinct().count())
                .isEqualTo(threads * each + 1);
    }
}
