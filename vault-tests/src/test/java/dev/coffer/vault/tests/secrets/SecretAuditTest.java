package dev.coffer.vault.tests.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every SecretClient call writes exactly one audit event with Azure's operation name. */
@CofferTest
class SecretAuditTest {

    private static AuditEvent only(AuditLog audit, int before) {
        List<AuditEvent> events = audit.events();
        assertThat(events).as("one event per call").hasSize(before + 1);
        return events.get(events.size() - 1);
    }

    private static void check(AuditLog audit, Runnable call, String operation, Principal caller, int status, Vault vault,
                              String objectPath) {
        int before = audit.events().size();
        call.run();
        AuditEvent e = only(audit, before);
        assertThat(e.operationName()).isEqualTo(operation);
        assertThat(e.category()).isEqualTo(AuditCategory.AUDIT_EVENT);
        assertThat(e.identity().objectId()).as(operation + " caller").isEqualTo(caller.objectId());
        assertThat(e.httpStatusCode()).as(operation + " status").isEqualTo(status);
        assertThat(e.resourceId()).as(operation + " resource").isEqualTo(vault.scope().toString());
        assertThat(e.requestObjectId()).as(operation + " object").isEqualTo(vault.vaultUri() + objectPath);
        assertThat(e.authorizedBy()).isEqualTo("RBAC");
        assertThat(e.resultType()).isEqualTo("Success");
    }

    @Test
    void eachCallIsAuditedOnceWithCallerStatusVaultAndObject(
            @TestVault(name = "kv-audit") Vault vault,
            @User(value = "otto", roles = @Role(role = "Key Vault Secrets Officer")) Principal otto, AuditLog audit) {
        SecretClient s = vault.secretClient(otto);
        byte[][] blob = new byte[1][];
        check(audit, () -> s.setSecret("db", "v"), "SecretSet", otto, 200, vault, "secrets/db");
        check(audit, () -> s.setSecret(dev.coffer.vault.secrets.KeyVaultSecret.of("db", "w")), "SecretSet", otto, 200, vault,
                "secrets/db");
        check(audit, () -> s.getSecret("db"), "SecretGet", otto, 200, vault, "secrets/db");
        String v = s.getSecret("db").getProperties().version();
        check(audit, () -> s.getSecret("db", v), "SecretGet", otto, 200, vault, "secrets/db");
        check(audit, () -> s.updateSecretProperties(SecretProperties.of("db").withContentType("x")), "SecretUpdate", otto,
                200, vault, "secrets/db");
        check(audit, () -> s.listPropertiesOfSecrets().toList(), "SecretList", otto, 200, vault, "secrets");
        check(audit, () -> s.listPropertiesOfSecretVersions("db").toList(), "SecretListVersions", otto, 200, vault,
                "secrets/db");
        check(audit, () -> blob[0] = s.backupSecret("db"), "SecretBackup", otto, 200, vault, "secrets/db");
        check(audit, () -> s.beginDeleteSecret("db"), "SecretDelete", otto, 200, vault, "secrets/db");
        check(audit, () -> s.getDeletedSecret("db"), "SecretGetDeleted", otto, 200, vault, "deletedsecrets/db");
        check(audit, () -> s.listDeletedSecrets().toList(), "SecretListDeleted", otto, 200, vault, "secrets");
        check(audit, () -> s.beginRecoverDeletedSecret("db"), "SecretRecover", otto, 200, vault, "deletedsecrets/db");
        check(audit, () -> s.deleteSecret("db"), "SecretDelete", otto, 200, vault, "secrets/db");
        check(audit, () -> s.purgeDeletedSecret("db"), "SecretPurge", otto, 204, vault, "deletedsecrets/db");
        check(audit, () -> s.restoreSecretBackup(blob[0]), "SecretRestore", otto, 200, vault, "secrets");
        check(audit, () -> s.deleteSecret("db"), "SecretDelete", otto, 200, vault, "secrets/db");
        check(audit, () -> s.recoverDeletedSecret("db"), "SecretRecover", otto, 200, vault, "deletedsecrets/db");
        // An empty page still costs one call and one event.
        check(audit, () -> s.listDeletedSecrets().toList(), "SecretListDeleted", otto, 200, vault, "secrets");
    }

    @Test
    void failuresAreAuditedWithTheirStatusAndCode(
            @TestVault(name = "kv-audit-fail") Vault vault,
            @User(value = "sue", roles = @Role(role = "Key Vault Secrets User")) Principal sue, AuditLog audit) {
        SecretClient s = vault.secretClient(sue);
        int before = audit.events().size();
        try {
            s.setSecret("db", "v");
        } catch (RuntimeException expected) {
            // checked below
        }
        AuditEvent denied = only(audit, before);
        assertThat(denied.operationName()).isEqualTo("SecretSet");
        assertThat(denied.httpStatusCode()).isEqualTo(403);
        assertThat(denied.innerErrorCode()).isEqualTo("ForbiddenByRbac");
        assertThat(denied.resultSignature()).isEqualTo("Forbidden");
        assertThat(denied.requestObjectId()).isEqualTo(vault.vaultUri() + "secrets/db");

        before = audit.events().size();
        try {
            s.getSecret("nope");
        } catch (RuntimeException expected) {
            // checked below
        }
        AuditEvent missing = only(audit, before);
        assertThat(missing.httpStatusCode()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("SecretNotFound");
        assertThat(missing.resultDescription()).startsWith("A secret with (name/id) nope");
    }
}
