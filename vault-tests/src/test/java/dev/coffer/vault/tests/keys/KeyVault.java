package dev.coffer.vault.tests.keys;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.MovableClock;
import java.time.Instant;
import java.util.List;

/**
 * The key tests' world, on the testkit's fixture: one Standard vault {@code kv-keys} and a principal per
 * data role (Crypto Officer, Crypto User as an application, Reader), the subscription's owner (no data
 * role) and a stranger. Shared by a class's tests where they only add keys of their own names.
 */
final class KeyVault {
    final CofferFixture fx;
    final CofferPlatform platform;
    final MovableClock clock;
    final Vault vault;
    final Principal owner;
    final Principal officer;
    final Principal user;
    final Principal reader;
    final Principal stranger;

    private KeyVault(Instant start) {
        fx = CofferFixture.builder().start(start).build();
        platform = fx.platform();
        clock = fx.clock();
        vault = fx.vault("kv-keys");
        owner = fx.owner();
        officer = fx.user("officer");
        user = fx.servicePrincipal("crypto-user-app");
        reader = fx.user("reader");
        stranger = fx.user("stranger");
        fx.assign(officer, CofferFixture.role("Key Vault Crypto Officer"), vault.scope());
        fx.assign(user, CofferFixture.role("Key Vault Crypto User"), vault.scope());
        fx.assign(reader, CofferFixture.role("Key Vault Reader"), vault.scope());
    }

    static KeyVault standard() {
        return at(Instant.parse("2026-01-31T10:00:00Z"));
    }

    static KeyVault at(Instant start) {
        return new KeyVault(start);
    }

    KeyClient keys(Principal p) {
        return vault.keyClient(p);
    }

    /** The latest completed audit event of an operation. */
    AuditEvent last(String operation) {
        List<AuditEvent> events = platform.auditLog().query(AuditQuery.all().operation(operation));
        org.assertj.core.api.Assertions.assertThat(events).as("audit events named " + operation).isNotEmpty();
        return events.get(events.size() - 1);
    }

    /** Asserts the latest event of an operation: caller and status. */
    void audited(String operation, Principal caller, int status) {
        assertThat(platform.auditLog()).lastEvent(operation).hasCaller(caller).hasStatus(status);
    }

    int count(String operation) {
        return platform.auditLog().query(AuditQuery.all().operation(operation)).size();
    }
}
