package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.audit.AuditSink;
import dev.coffer.vault.testkit.CofferFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The audit trail: fail-closed and fail-open sinks, the bounded log, and its queries. Uses CofferFixture in code. */
class AuditTrailTest {

    /** A sink that records what it takes and throws while told to. */
    private static final class FlakySink implements AuditSink {
        final AtomicBoolean broken = new AtomicBoolean();
        final List<AuditEvent> taken = new CopyOnWriteArrayList<>();

        @Override
        public void accept(AuditEvent event) {
            if (broken.get()) {
                throw new IllegalStateException("disk full");
            }
            taken.add(event);
        }
    }

    @Test
    void failClosedRefusesTheCallWith503AndChangesNothing() {
        FlakySink sink = new FlakySink();
        CofferFixture fx = CofferFixture.builder().auditSink(sink).failClosedAudit().build();
        VaultManager owner = fx.management();
        // Request records reach the sink first, paired with the completed event by correlation id.
        fx.vault("kv-before");
        AuditEvent request = sink.taken.stream().filter(e -> e.phase() == AuditEvent.Phase.REQUEST
                && e.operationName().equals("VaultPut")).findFirst().orElseThrow();
        assertThat(sink.taken).anyMatch(e -> e.phase() == AuditEvent.Phase.COMPLETED
                && e.correlationId().equals(request.correlationId()));

        sink.broken.set(true);
        int logged = fx.auditLog().size();
        assertThatCall(() -> owner.createVault(VaultOptions.named("kv-refused").resourceGroup(fx.subscription(), "rg-test")))
                .isServiceUnavailable().hasMessageContaining("nothing was changed");
        assertThatCall(() -> owner.deleteVault("kv-before")).isServiceUnavailable();
        // Each refused call fails twice at the sink: its request record, then its completed 503 event.
        assertThat(fx.auditLog().sinkFailures()).isEqualTo(4);

        sink.broken.set(false);
        assertThatCall(() -> owner.getVault("kv-refused")).isNotFound();
        assertThat(owner.getVault("kv-before").name()).isEqualTo("kv-before");
        // The in-memory log still holds one completed event per call, the refusals included.
        assertThat(fx.auditLog().events().subList(logged, fx.auditLog().size()))
                .extracting(e -> e.operationName() + " " + e.httpStatusCode())
                .containsExactly("VaultPut 503", "VaultDelete 503", "VaultGet 404", "VaultGet 200");
    }

    @Test
    void failOpenCountsSinkFailuresAndProceeds() {
        FlakySink sink = new FlakySink();
        CofferFixture fx = CofferFixture.builder().auditSink(sink).build();
        sink.broken.set(true);
        fx.vault("kv-open");
        fx.management().deleteVault("kv-open");

        assertThat(fx.auditLog().sinkFailures()).isEqualTo(2);
        assertThat(fx.auditLog()).hasEvent("VaultPut").hasEvent("VaultDelete");
        assertThat(sink.taken).noneMatch(e -> e.phase() == AuditEvent.Phase.REQUEST);
    }

    @Test
    void theLogDropsTheOldestEventsBeyondItsCapacityAndCountsThem() {
        CofferFixture fx = CofferFixture.builder().auditCapacity(5).build();
        long droppedBefore = fx.auditLog().dropped();
        int before = fx.auditLog().size();
        for (int i = 0; i < 8; i++) {
            assertThatCall(() -> fx.management().getVault("kv-none")).isNotFound();
        }
        fx.vault("kv-last");

        assertThat(fx.auditLog().capacity()).isEqualTo(5);
        assertThat(fx.auditLog().size()).isEqualTo(5);
        assertThat(fx.auditLog().dropped() - droppedBefore).isEqualTo(before + 9 - 5);
        assertThat(fx.auditLog().events()).extracting(AuditEvent::operationName)
                .containsExactly("VaultGet", "VaultGet", "VaultGet", "VaultGet", "VaultPut");
    }

    @Test
    void theLogIsQueryableByTimeCallerOperationResourceAndResult() {
        CofferFixture fx = CofferFixture.create();
        var rita = fx.user("rita");
        var v1 = fx.vault("kv-q1");
        Instant t1 = fx.clock().advance(Duration.ofMinutes(5));
        fx.vault("kv-q2");
        assertThatCall(() -> fx.management("rita").getVault("kv-q1")).isAuthorizationFailed();
        Instant t2 = fx.clock().advance(Duration.ofMinutes(5));
        fx.management().getVault("kv-q1");

        var log = fx.auditLog();
        assertThat(log.query(AuditQuery.all().between(t1, t2)).stream().map(AuditEvent::operationName))
                .containsExactly("VaultPut", "VaultGet");
        assertThat(log.query(AuditQuery.all().caller(rita))).singleElement()
                .satisfies(e -> assertThat(e).hasOperation("VaultGet").hasStatus(403).hasResource(v1.scope().toString()));
        assertThat(log.query(AuditQuery.all().operation("vaultput"))).hasSize(2);
        assertThat(log.query(AuditQuery.all().resource(v1.scope().toString()))).extracting(AuditEvent::operationName)
                .containsExactly("VaultPut", "VaultGet", "VaultGet");
        assertThat(log.query(AuditQuery.all().failed().operation("VaultGet"))).hasSize(1);
        assertThat(log.query(AuditQuery.all().succeeded().operation("VaultGet"))).hasSize(1);
        assertThat(log.query(AuditQuery.all().status(403)).get(0).time()).isEqualTo(t1);
    }

    @Test
    void eventsCarryTheRequestContext() {
        CofferFixture fx = CofferFixture.create();
        fx.vault("kv-ctx");
        var ctx = dev.coffer.vault.RequestContext.of(fx.owner()).withCorrelationId("corr-1").withCallerIpAddress("10.0.0.7")
                .withClientInfo("my-tool/1.0");
        fx.platform().management(ctx).getVault("kv-ctx");

        AuditEvent e = fx.auditLog().query(AuditQuery.all().correlationId("corr-1")).get(0);
        assertThat(e.callerIpAddress()).isEqualTo("10.0.0.7");
        assertThat(e.clientInfo()).isEqualTo("my-tool/1.0");
        assertThat(e.identity().objectId()).isEqualTo(fx.owner().objectId());
        assertThat(e.resultType()).isEqualTo("Success");
        assertThat(e.resultSignature()).isEqualTo("OK");
        assertThat(e.requestObjectId()).isEqualTo("https://kv-ctx.vault.azure.net/");
        assertThat(e.authorizedBy()).isEqualTo("RBAC");
    }
}
