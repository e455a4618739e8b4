package dev.coffer.vault.tests.testkit;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.RoleScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The programmatic fixture and the movable clock, without the extension. */
class FixtureAndClockTest {

    @Test
    void theClockStartsAtTheDocumentedInstantInUtc() {
        MovableClock clock = new MovableClock();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z")).isEqualTo(MovableClock.DEFAULT_START);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofDays(1));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(clock.set(Instant.EPOCH)).isEqualTo(Instant.EPOCH);
        assertThat(clock.millis()).isZero();
    }

    @Test
    void aClockBelongsToOnePlatform() {
        MovableClock clock = new MovableClock();
        CofferPlatform first = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().build();
        CofferPlatform second = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().build();
        CofferPlatform otherClock = Coffer.inMemory().withoutSlf4jAuditSink().build();

        assertThat(clock.bindTo(first)).isSameAs(clock);
        assertThat(clock.bindTo(first)).isSameAs(clock);
        assertThatThrownBy(() -> clock.bindTo(second)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already belongs");
        assertThatThrownBy(() -> new MovableClock().bindTo(otherClock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads another clock");
    }

    @Test
    void movingTheClockPurgesAVaultAfterItsRetention() {
        CofferFixture fx = CofferFixture.create();
        fx.vault(VaultOptions.named("kv-clock").softDeleteRetentionDays(7));
        fx.management().deleteVault("kv-clock");

        fx.clock().advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(fx.management().getDeletedVault("kv-clock").name()).isEqualTo("kv-clock");
        fx.clock().advance(Duration.ofSeconds(1));

        assertThat(fx.auditLog().events()).anyMatch(e -> e.operationName().equals("VaultPurge")
                && e.identity().objectId().equals(fx.platform().systemPrincipal().objectId()));
        assertThatCall(() -> fx.management().getDeletedVault("kv-clock")).isNotFound();
    }

    @Test
    void concurrentAdvancesAddUp() throws InterruptedException {
        CofferFixture fx = CofferFixture.create();
        Instant start = fx.clock().instant();
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int j = 0; j < 100; j++) {
                    fx.clock().advance(Duration.ofSeconds(1));
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(fx.clock().instant()).isEqualTo(start.plusSeconds(800));
    }

    @Test
    void declarationsAreIdempotentByName() {
        CofferFixture fx = CofferFixture.create();
        Principal alice = fx.user("alice");
        assertThat(fx.user("ALICE")).isEqualTo(alice);
        assertThat(fx.user("bob@fabrikam.example").displayName()).isEqualTo("bob@fabrikam.example");
        assertThatThrownBy(() -> fx.servicePrincipal("alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already declared as a USER");
        assertThat(fx.vault("kv-one")).isSameAs(fx.vault("kv-one"));

        RoleAssignment first = fx.assign(alice, BuiltInRole.READER, fx.vault("kv-one").scope());
        assertThat(fx.assign(alice, BuiltInRole.READER, fx.vault("kv-one").scope())).isEqualTo(first);
    }

    @Test
    void unknownNamesGetHelpfulErrors() {
        CofferFixture fx = CofferFixture.create();
        fx.user("alice");
        assertThatThrownBy(() -> fx.principal("bob")).hasMessageContaining("bob").hasMessageContaining("[alice, owner]");
        assertThatThrownBy(() -> CofferFixture.role("Key Vault Janitor")).hasMessageContaining("Key Vault Reader");
        assertThat(CofferFixture.role(BuiltInRole.OWNER.id())).isEqualTo(BuiltInRole.OWNER);
        assertThatThrownBy(() -> fx.scope(RoleScope.VAULT, "kv-none", null)).hasMessageContaining("kv-none");
        assertThatThrownBy(() -> fx.scope(RoleScope.OBJECT, "kv-none", "secrets")).hasMessageContaining("secrets/name");
    }

    @Test
    void uniqueVaultNamesAreValid() {
        CofferFixture fx = CofferFixture.create();
        String a = fx.uniqueVaultName("aVeryLongTestMethodName_withUnderscores");
        String b = fx.uniqueVaultName(null);
        assertThat(a).isEqualTo("kv-averylongtestm-1");
        assertThat(b).isEqualTo("kv-2");
        assertThat(fx.vault(a).name()).isEqualTo(a);
    }
}
