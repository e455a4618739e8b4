package dev.coffer.vault.tests.resilience;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.core.FaultInjector;
import dev.coffer.vault.testkit.InjectFault;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected faults: declared by annotation or added through the FaultInjector, audited as the caller saw them. */
@CofferTest
class FaultInjectionTest {

    @Test
    @InjectFault(operation = "SecretGet", times = 2)
    void theNextTwoGetsFailThenServiceResumes(@TestVault Vault vault,
                                              @User(value = "alice", roles = @Role(role = "Key Vault Secrets Officer")) Principal alice,
                                              AuditLog audit) {
        var secrets = vault.secretClient(alice);
        secrets.setSecret("db", "v");
        assertThatCall(() -> secrets.getSecret("db")).isServiceUnavailable();
        assertThatCall(() -> secrets.getSecret("db")).isServiceUnavailable();
        assertThat(secrets.getSecret("db").getValue()).isEqualTo("v");
        assertThat(audit.query(AuditQuery.all().operation("SecretGet")).stream().map(AuditEvent::httpStatusCode))
                .containsExactly(503, 503, 200);
    }

    @Test
    void rulesNarrowByObjectAndCallerAndChooseTheError(@TestVault Vault vault,
                                                       @User(value = "alice", roles = @Role(role = "Key Vault Secrets Officer")) Principal alice,
                                                       @User(value = "bob", roles = @Role(role = "Key Vault Secrets Officer")) Principal bob,
                                                       FaultInjector faults, AuditLog audit) {
        FaultInjector.Rule rule = faults.failNext(1, "SecretSet").onObject("a").by(alice)
                .with(() -> new CofferException(500, "InternalServerError", null, "boom"));
        vault.secretClient(alice).setSecret("b", "1");
        vault.secretClient(bob).setSecret("a", "1");
        assertThat(rule.remaining()).isEqualTo(1);
        assertThatCall(() -> vault.secretClient(alice).setSecret("A", "2")).hasStatus(500).hasErrorCode("InternalServerError");
        assertThat(rule.remaining()).isZero();
        vault.secretClient(alice).setSecret("a", "3");
        assertThat(audit).hasEventFor("SecretSet", alice, 500);
        assertThat(faults.pending()).isZero();
    }

    @Test
    void aFaultComesAfterAuthorization(@TestVault Vault vault, @User("mallory") Principal mallory, FaultInjector faults) {
        faults.failNext(1, "SecretGet");
        assertThatCall(() -> vault.secretClient(mallory).getSecret("x")).isForbidden();
        assertThat(faults.pending()).as("the denied call did not consume the fault").isEqualTo(1);
    }

    @Test
    void latencyIsAddedPerOperation(@TestVault Vault vault,
                                    @User(value = "alice", roles = @Role(role = "Key Vault Secrets Officer")) Principal alice,
                                    FaultInjector faults) {
        List<Duration> slept = new ArrayList<>();
        faults.sleeper(slept::add).latency("SecretGet", Duration.ofMillis(250)).latency("*", Duration.ofMillis(5));
        vault.secretClient(alice).setSecret("a", "1");
        vault.secretClient(alice).getSecret("a");
        assertThat(slept).containsExactly(Duration.ofMillis(5), Duration.ofMillis(250), Duration.ofMillis(5));
    }

    @Test
    void theSweepIsNeverFaulted(@TestVault(retentionDays = 7) Vault vault,
                                @User(value = "alice", roles = @Role(role = "Key Vault Secrets Officer")) Principal alice,
                                FaultInjector faults, MovableClock clock, AuditLog audit) {
        vault.secretClient(alice).setSecret("a", "1");
        vault.secretClient(alice).deleteSecret("a");
        faults.failNext(5, "*");
        clock.advance(Duration.ofDays(8));
        assertThat(audit).lastEvent("SecretPurge").hasStatus(204);
        assertThat(faults.pending()).isEqualTo(5);
    }
}
