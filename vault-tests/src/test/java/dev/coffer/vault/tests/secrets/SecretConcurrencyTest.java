package dev.coffer.vault.tests.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Many threads on one secret name: no lost, duplicated or misordered version. */
@CofferTest
class SecretConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    @Test
    void concurrentSetsMakeDistinctVersionsAndLatestIsTheLastInSequence(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto)
            throws Exception {
        SecretClient s = vault.secretClient(otto);
        ConcurrentLinkedQueue<KeyVaultSecret> made = new ConcurrentLinkedQueue<>();
        run(THREADS, t -> {
            for (int i = 0; i < PER_THREAD; i++) {
                made.add(s.setSecret("shared", "t" + t + "-" + i));
            }
        });
        Set<String> versions = made.stream().map(k -> k.getProperties().version()).collect(Collectors.toSet());
        assertThat(versions).hasSize(THREADS * PER_THREAD);
        List<SecretProperties> listed = s.listPropertiesOfSecretVersions("shared").toList();
        assertThat(listed).extracting(SecretProperties::version).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(versions);
        KeyVaultSecret latest = s.getSecret("shared");
        assertThat(latest.getProperties()).isEqualTo(listed.get(listed.size() - 1));
        // Each thread's own writes appear in the listing in the order it made them.
        for (int t = 0; t < THREADS; t++) {
            String prefix = "t" + t + "-";
            List<Integer> order = new ArrayList<>();
            for (SecretProperties p : listed) {
                String value = s.getSecret("shared", p.version()).getValue();
                if (value.startsWith(prefix)) {
                    order.add(Integer.parseInt(value.substring(prefix.length())));
                }
            }
            assertThat(order).hasSize(PER_THREAD).isSorted();
        }
    }

    @RepeatedTest(5)
    void deleteRacingSetsLosesNoVersion(
            @TestVault Vault vault, @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto)
            throws Exception {
        SecretClient s = vault.secretClient(otto);
        s.setSecret("raced", "first");
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        accepted.add(s.getSecret("raced").getProperties().version());
        ConcurrentLinkedQueue<Integer> refusals = new ConcurrentLinkedQueue<>();
        run(5, t -> {
            if (t == 0) {
                s.deleteSecret("raced");
                return;
            }
            for (int i = 0; i < 40; i++) {
                try {
                    accepted.add(s.setSecret("raced", "v").getProperties().version());
                } catch (CofferException e) {
                    refusals.add(e.status());
                }
            }
        });
        // After the delete every set is refused as a conflict, never half-applied.
        assertThat(refusals).allMatch(status -> status == 409);
        assertThat(s.listPropertiesOfSecrets().toList()).isEmpty();
        assertThat(s.getDeletedSecret("raced").getName()).isEqualTo("raced");
        s.recoverDeletedSecret("raced");
        Set<String> listed = s.listPropertiesOfSecretVersions("raced").stream().map(SecretProperties::version)
                .collect(Collectors.toCollection(HashSet::new));
        assertThat(listed).as("every accepted set survives delete and recover, and nothing else")
                .isEqualTo(new HashSet<>(accepted));
    }

    interface Body {
        void run(int thread) throws Exception;
    }

    static void run(int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
