package dev.coffer.vault.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Scope;
import dev.coffer.vault.ThrottledException;
import dev.coffer.vault.core.ThrottlingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The throttle arithmetic against Microsoft's published example for one vault and one 10-second
 * window (reference §15.4): 4,000 software RSA-2048 GETs, or 2,000 HSM RSA-2048 GETs, or 250 HSM
 * RSA-4096 GETs, or 248 HSM RSA-4096 GETs plus 16 HSM RSA-2048 GETs, each exhaust the budget.
 */
class ThrottleStageTest {
    private static final Principal CALLER = new Principal(PrincipalType.USER, "t", "o", "u@x.example", null);
    private static final Caller C = new Caller(CALLER, null, RequestContext.of(CALLER), "c");

    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ThrottleStage stage = new ThrottleStage(ThrottlingPolicy.azure(), clock);

    private static Operation<Void> op(String vault, Charge.Bucket bucket, int weight) {
        return op("sub-1", vault, bucket, weight);
    }

    private static Operation<Void> op(String sub, String vault, Charge.Bucket bucket, int weight) {
        return Operation.<Void>named("KeyGet")
                .authorize(Scope.vault(sub, "rg", vault).child("keys", "k"), Requirement.none())
                .charge(() -> new Charge(bucket, weight))
                .execute(c -> null);
    }

    private int admitted(Operation<Void> op, int attempts) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                stage.check(C, op);
                ok++;
            } catch (ThrottledException e) {
                break;
            }
        }
        return ok;
    }

    @Test
    void weightsReproduceMicrosoftsExample() {
        assertThat(Charge.keyWeight(false, 2048)).isEqualTo(1);
        assertThat(Charge.keyWeight(false, 0)).isEqualTo(1);
        assertThat(Charge.keyWeight(true, 2048)).isEqualTo(2);
        assertThat(Charge.keyWeight(true, 0)).isEqualTo(2);
        assertThat(Charge.keyWeight(false, 3072)).isEqualTo(4);
        assertThat(Charge.keyWeight(true, 3072)).isEqualTo(8);
        assertThat(Charge.keyWeight(false, 4096)).isEqualTo(8);
        assertThat(Charge.keyWeight(true, 4096)).isEqualTo(16);
    }

    @Test
    void softwareRsa2048GetsExhaustTheBudgetAt4000() {
        assertThat(admitted(op("kv1", Charge.Bucket.KEY_TRANSACTIONS, Charge.keyWeight(false, 2048)), 5000)).isEqualTo(4000);
    }

    @Test
    void hsmRsa2048GetsExhaustTheBudgetAt2000() {
        assertThat(admitted(op("kv1", Charge.Bucket.KEY_TRANSACTIONS, Charge.keyWeight(true, 2048)), 5000)).isEqualTo(2000);
    }

    @Test
    void hsmRsa4096GetsExhaustTheBudgetAt250() {
        assertThat(admitted(op("kv1", Charge.Bucket.KEY_TRANSACTIONS, Charge.keyWeight(true, 4096)), 5000)).isEqualTo(250);
    }

    @Test
    void mixedHsmGetsExhaustTheBudgetExactly() {
        assertThat(admitted(op("kv1", Charge.Bucket.KEY_TRANSACTIONS, 16), 248)).isEqualTo(248);
        assertThat(admitted(op("kv1", Charge.Bucket.KEY_TRANSACTIONS, 2), 16)).isEqualTo(16);
        assertThatThrownBy(() -> stage.check(C, op("kv1", Charge.Bucket.KEY_TRANSACTIONS, 1)))
                .isInstanceOf(ThrottledException.class);
    }

    @Test
    void refusedCallsAreNotCountedAndTheWindowSlides() {
        Operation<Void> create = op("kv1", Charge.Bucket.SOFTWARE_KEY_CREATES, 1);
        assertThat(admitted(create, 20)).isEqualTo(20);
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> stage.check(C, create)).isInstanceOf(ThrottledException.class);
        }
        clock.now = clock.now.plusMillis(9_999);
        ThrottledException e = org.junit.jupiter.api.Assertions.assertThrows(ThrottledException.class, () -> stage.check(C, create));
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusMillis(1);
        // The 50 refusals did not count: a full budget is back once the first 20 leave the window.
        assertThat(admitted(create, 25)).isEqualTo(20);
    }

    @Test
    void retryAfterSaysWhenEnoughCapacityFrees() {
        Operation<Void> secret = op("kv1", Charge.Bucket.SECRET_CREATES, 1);
        assertThat(admitted(secret, 100)).isEqualTo(100);
        clock.now = clock.now.plusSeconds(4);
        assertThat(admitted(secret, 500)).isEqualTo(200);
        ThrottledException e = org.junit.jupiter.api.Assertions.assertThrows(ThrottledException.class, () -> stage.check(C, secret));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(e.getMessage()).startsWith("Rate limit is exceeded. Try again in 6 seconds.");
    }

    @Test
    void bucketsAndVaultsAreSeparate() {
        assertThat(admitted(op("kv1", Charge.Bucket.SECRET_CREATES, 1), 400)).isEqualTo(300);
        assertThat(admitted(op("kv1", Charge.Bucket.SECRET_TRANSACTIONS, 1), 5000)).isEqualTo(4000);
        assertThat(admitted(op("kv2", Charge.Bucket.SECRET_CREATES, 1), 400)).isEqualTo(300);
        assertThat(admitted(op("kv1", Charge.Bucket.HSM_KEY_CREATES, 1), 400)).isEqualTo(10);
    }

    @Test
    void aSubscriptionMayUseFiveTimesAVaultsLimitAcrossItsVaults() {
        for (int v = 0; v < 5; v++) {
            assertThat(admitted(op("kv" + v, Charge.Bucket.SECRET_CREATES, 1), 300)).isEqualTo(300);
        }
        ThrottledException e = org.junit.jupiter.api.Assertions.assertThrows(ThrottledException.class,
                () -> stage.check(C, op("kv5", Charge.Bucket.SECRET_CREATES, 1)));
        assertThat(e.getMessage()).contains("subscription 'sub-1'");
        assertThat(admitted(op("sub-2", "kv9", Charge.Bucket.SECRET_CREATES, 1), 10)).isEqualTo(10);
    }

    @Test
    void callsWithoutAChargeOrOutsideAVaultAreNotThrottled() {
        Operation<Void> management = Operation.<Void>named("VaultGet")
                .authorize(Scope.vault("s", "rg", "kv"), Requirement.none()).execute(c -> null);
        for (int i = 0; i < 10_000; i++) {
            stage.check(C, management);
        }
    }
}
