package dev.coffer.vault.tests.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Page;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** updateSecretProperties, and the three listings: lazy pages, tokens, stable order, no values. */
@CofferTest
class SecretUpdateAndListTest {

    @Test
    void anUpdateChangesOnlyTheGivenFieldsOfOneVersion(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            MovableClock clock) {
        SecretClient s = vault.secretClient(otto);
        Instant exp = clock.instant().plus(Duration.ofDays(30));
        KeyVaultSecret v1 = s.setSecret(KeyVaultSecret.of("db", "one").withContentType("text/plain")
                .withExpiresOn(exp).withTags(Map.of("a", "1")));
        KeyVaultSecret v2 = s.setSecret(KeyVaultSecret.of("db", "two").withContentType("latest"));
        clock.advance(Duration.ofMinutes(5).plusMillis(300));

        SecretProperties updated = s.updateSecretProperties(SecretProperties.of("db")
                .withVersion(v1.getProperties().version()).withTags(Map.of("b", "2")));
        assertThat(updated.tags()).isEqualTo(Map.of("b", "2"));
        assertThat(updated.contentType()).isEqualTo("text/plain");
        assertThat(updated.expiresOn()).isEqualTo(v1.getProperties().expiresOn());
        assertThat(updated.enabled()).isTrue();
        assertThat(updated.createdOn()).isEqualTo(v1.getProperties().createdOn());
        assertThat(updated.updatedOn()).isEqualTo(v1.getProperties().updatedOn().plusSeconds(300));
        assertThat(updated.version()).isEqualTo(v1.getProperties().version());
        assertThat(updated.id()).isEqualTo(v1.getId());

        // The value is immutable and the other version untouched.
        assertThat(s.getSecret("db", v1.getProperties().version()).getValue()).isEqualTo("one");
        assertThat(s.getSecret("db").getProperties()).isEqualTo(v2.getProperties());
        assertThat(s.getSecret("db").getValue()).isEqualTo("two");

        // No version: the latest is updated; nothing else changes and no version is added.
        clock.advance(Duration.ofSeconds(7));
        SecretProperties latest = s.updateSecretProperties(SecretProperties.of("db").withEnabled(false));
        assertThat(latest.version()).isEqualTo(v2.getProperties().version());
        assertThat(latest.enabled()).isFalse();
        assertThat(latest.contentType()).isEqualTo("latest");
        assertThat(latest.updatedOn()).isAfter(latest.createdOn());
        assertThat(s.listPropertiesOfSecretVersions("db").toList()).hasSize(2);
        assertThat(s.getSecret("db", v1.getProperties().version()).getProperties().tags()).isEqualTo(Map.of("b", "2"));
    }

    @Test
    void listingsPageLazilyInAStableOrderWithoutValues(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto,
            AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        for (int i = 0; i < 30; i++) {
            s.setSecret(String.format("s%02d", i), "value-" + i);
        }
        for (int i = 0; i < 7; i++) {
            s.setSecret("s00", "again-" + i);
        }
        int before = audit.query(AuditQuery.all().operation("SecretList")).size();
        var listing = s.listPropertiesOfSecrets();
        assertThat(audit.query(AuditQuery.all().operation("SecretList"))).as("no page before iteration").hasSize(before);
        var it = listing.iterator();
        assertThat(it.next().name()).isEqualTo("s00");
        assertThat(audit.query(AuditQuery.all().operation("SecretList"))).as("one page fetched").hasSize(before + 1);

        for (int size : new int[] {1, 4, 7, 25}) {
            List<String> names = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                Page<SecretProperties> page = s.listPropertiesOfSecrets().iterableByPage(token, size).iterator().next();
                assertThat(page.items().size()).isLessThanOrEqualTo(size);
                page.items().forEach(p -> names.add(p.name()));
                token = page.continuationToken();
                pages++;
            } while (token != null);
            assertThat(names).hasSize(30).doesNotHaveDuplicates().isSorted();
            assertThat(pages).isEqualTo((30 + size - 1) / size);
        }
        SecretProperties s00 = s.listPropertiesOfSecrets().stream().filter(p -> p.name().equals("s00")).findFirst().orElseThrow();
        // The listing shows the latest version's properties.
        assertThat(s00).isEqualTo(s.getSecret("s00").getProperties());
        // Listed items are metadata: no value anywhere in them.
        for (SecretProperties p : s.listPropertiesOfSecrets()) {
            assertThat(p.toString()).doesNotContain("value-").doesNotContain("again-");
        }

        List<SecretProperties> versions = new ArrayList<>();
        s.listPropertiesOfSecretVersions("s00").iterableByPage(null, 3).forEach(p -> versions.addAll(p.items()));
        assertThat(versions).hasSize(8);
        assertThat(versions).extracting(SecretProperties::version).doesNotHaveDuplicates();
        assertThat(versions.get(7)).isEqualTo(s.getSecret("s00").getProperties());
        for (SecretProperties p : versions) {
            assertThat(p.toString()).doesNotContain("value-").doesNotContain("again-");
        }

        for (int i = 0; i < 5; i++) {
            s.deleteSecret(String.format("s%02d", i));
        }
        List<String> deleted = new ArrayList<>();
        s.listDeletedSecrets().iterableByPage(null, 2).forEach(p -> p.items().forEach(d -> deleted.add(d.getName())));
        assertThat(deleted).containsExactly("s00", "s01", "s02", "s03", "s04");
        assertThat(s.listPropertiesOfSecrets().toList()).hasSize(25);
    }

    @Test
    void itemsPresentThroughoutAListingAppearExactlyOnceWhileOthersAreAdded(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto)
            throws Exception {
        SecretClient s = vault.secretClient(otto);
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String name = "stable-" + i;
            s.setSecret(name, "v");
            stable.add(name);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch started = new CountDownLatch(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                started.countDown();
                int n = 0;
                // A bounded number of writes: with unbounded writers a page-by-page listing could never catch up.
                while (!stop.get() && n < 400) {
                    // Names that sort before, between and after the stable ones.
                    s.setSecret((n % 3 == 0 ? "a" : n % 3 == 1 ? "stable-" + n + "x" : "z") + "-t" + thread + "-" + n, "v");
                    n++;
                }
            }));
        }
        try {
            started.await();
            for (int round = 0; round < 6; round++) {
                Map<String, Integer> seen = new HashMap<>();
                s.listPropertiesOfSecrets().iterableByPage(null, 3 + round * 4)
                        .forEach(p -> p.items().forEach(item -> seen.merge(item.name(), 1, Integer::sum)));
                for (String name : stable) {
                    assertThat(seen.get(name)).as(name + " in round " + round).isEqualTo(1);
                }
                assertThat(seen.values()).allMatch(c -> c == 1);
            }
        } finally {
            stop.set(true);
            for (Future<?> f : writers) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
    }
}
