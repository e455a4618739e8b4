package dev.coffer.vault.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.core.CofferBuilder;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.spi.CryptoProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A platform with one vault and a principal per role, for the routing test, which needs an internal test
 * double as its HSM provider. (The behaviour tests of keys live in vault-tests, on the testkit.)
 */
final class KeyFixture {
    /** A clock the tests move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant t) {
            now = t;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock;
    final CofferPlatform platform;
    final Principal owner;
    final Principal officer;
    final Principal user;
    final Principal reader;
    final Principal stranger;
    final VaultManager mgmt;
    final Subscription sub;
    final Vault vault;

    private KeyFixture(Instant start, SkuName sku, CryptoProvider hsm, String vaultName) {
        clock = new MutableClock(start);
        CofferBuilder b = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink();
        if (hsm != null) {
            b.hsmProvider(hsm);
        }
        platform = b.build();
        owner = platform.directory().createUser("owner@contoso.example");
        officer = platform.directory().createUser("officer@contoso.example");
        user = platform.directory().createServicePrincipal("crypto-user-app");
        reader = platform.directory().createUser("reader@contoso.example");
        stranger = platform.directory().createUser("stranger@contoso.example");
        sub = platform.createSubscription("dev", owner);
        mgmt = platform.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg-keys", "westeurope");
        vault = mgmt.createVault(VaultOptions.named(vaultName).resourceGroup(sub, "rg-keys").sku(sku));
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, officer);
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_USER, user);
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_READER, reader);
    }

    static KeyFixture standard() {
        return new KeyFixture(Instant.parse("2026-01-31T10:00:00Z"), SkuName.STANDARD, null, "kv-keys");
    }

    static KeyFixture premium(CryptoProvider hsm) {
        return new KeyFixture(Instant.parse("2026-01-31T10:00:00Z"), SkuName.PREMIUM, hsm, "kv-premium");
    }

    static KeyFixture at(Instant start) {
        return new KeyFixture(start, SkuName.STANDARD, null, "kv-keys");
    }

    KeyClient keys(Principal p) {
        return vault.keyClient(p);
    }

    /** The latest completed audit event of an operation. */
    AuditEvent last(String operation) {
        List<AuditEvent> events = platform.auditLog().query(AuditQuery.all().operation(operation));
        assertThat(events).as("audit events named " + operation).isNotEmpty();
        return events.get(events.size() - 1);
    }

    /** Asserts the latest event of an operation: caller and status. */
    void audited(String operation, Principal caller, int status) {
        AuditEvent e = last(operation);
        assertThat(e.identity().objectId()).as(operation + " caller").isEqualTo(caller.objectId());
        assertThat(e.httpStatusCode()).as(operation + " status").isEqualTo(status);
    }

    int count(String operation) {
        return platform.auditLog().query(AuditQuery.all().operation(operation)).size();
    }
}
