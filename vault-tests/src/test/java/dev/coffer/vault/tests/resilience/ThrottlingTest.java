package dev.coffer.vault.tests.resilience;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.Principal;
import dev.coffer.vault.ThrottledException;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Azure's limits through the public API, and the kind of retry logic the README shows. */
@CofferTest(throttling = true)
class ThrottlingTest {

    /** What an application's retry loop looks like; in a test it waits by moving the clock. */
    static <T> T withRetries(Supplier<T> call, MovableClock clock, int attempts) {
        for (int i = 1; ; i++) {
            try {
                return call.get();
            } catch (ThrottledException e) {
                if (i == attempts) {
                    throw e;
                }
                clock.advance(e.retryAfter());
            }
        }
    }

    @Test
    void the301stSecretCreationIn10SecondsIsRefusedAndNotCounted(@TestVault Vault vault,
            @User(value = "app", roles = @Role(role = "Key Vault Secrets Officer")) Principal app,
            MovableClock clock, AuditLog audit) {
        SecretClient secrets = vault.secretClient(app);
        for (int i = 0; i < 300; i++) {
            secrets.setSecret("s" + i, "v");
        }
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> secrets.setSecret("one-more", "v"))
                    .isInstanceOfSatisfying(ThrottledException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                    });
        }
        assertThat(audit).hasEventFor("SecretSet", app, 429);
        // Reads draw on the other budget.
        assertThat(secrets.getSecret("s0").getValue()).isEqualTo("v");
        clock.advance(Duration.ofSeconds(10));
        assertThat(secrets.setSecret("one-more", "v").getName()).isEqualTo("one-more");
    }

    @Test
    void retryLogicRecoversByWaitingRetryAfter(@TestVault Vault vault,
            @User(value = "app", roles = @Role(role = "Key Vault Secrets Officer")) Principal app,
            MovableClock clock) {
        SecretClient secrets = vault.secretClient(app);
        for (int i = 0; i < 300; i++) {
            secrets.setSecret("s" + i, "v");
        }
        var before = clock.instant();
        assertThat(withRetries(() -> secrets.setSecret("late", "v"), clock, 3).getName()).isEqualTo("late");
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(10));
    }
}
