package dev.coffer.vault.tests.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.core.AuditSinks;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import dev.coffer.vault.testkit.CofferAssertions;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.authorization.BuiltInRole;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A secret value goes back only through getValue(): not through any toString, exception message,
 * audit record, JSON audit line or backup blob in clear. The scenario uses a distinctive value and
 * captures every text Coffer produces.
 */
class SecretValueSafetyTest {

    private static final String VALUE = "S3CR3T-VALUE-7f3a";

    private final List<String> texts = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private <T> T keep(Supplier<T> call) {
        T result = call.get();
        texts.add(String.valueOf(result));
        if (result instanceof KeyVaultSecret) {
            values.add(((KeyVaultSecret) result).getValue());
        }
        return result;
    }

    private void fails(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a CofferException");
        } catch (CofferException e) {
            texts.add(e.getMessage());
            texts.add(e.toString());
            texts.add(String.valueOf(e.getCause()));
        }
    }

    @Test
    void theValueAppearsOnlyWhereItIsAskedFor() {
        StringWriter jsonLines = new StringWriter();
        List<AuditEvent> sunk = new CopyOnWriteArrayList<>();
        CofferFixture fx = CofferFixture.builder().auditSink(AuditSinks.jsonLines(jsonLines)).auditSink(sunk::add).build();
        Vault vault = fx.vault(VaultOptions.named("kv-safety").softDeleteRetentionDays(7));
        Principal otto = fx.user("otto");
        Principal eve = fx.user("eve");
        Principal sue = fx.user("sue");
        fx.assign(otto, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        fx.assign(sue, BuiltInRole.KEY_VAULT_READER, vault.scope());
        SecretClient s = vault.secretClient(otto);
        SecretClient stranger = vault.secretClient(eve);
        SecretClient reader = vault.secretClient(sue);
        texts.add(s.toString());

        keep(() -> s.setSecret("db", VALUE));
        keep(() -> s.setSecret(KeyVaultSecret.of("db", VALUE + "-2").withContentType("text/plain").withTags(Map.of("k", "v"))));
        keep(() -> s.getSecret("db"));
        String v1 = s.listPropertiesOfSecretVersions("db").toList().get(0).version();
        keep(() -> s.getSecret("db", v1));
        keep(() -> s.updateSecretProperties(SecretProperties.of("db").withVersion(v1).withEnabled(false)));
        fails(() -> s.getSecret("db", v1));
        keep(() -> s.listPropertiesOfSecrets().toList());
        keep(() -> s.listPropertiesOfSecretVersions("db").toList());
        keep(() -> s.listPropertiesOfSecrets().iterableByPage(null, 1).iterator().next());
        keep(() -> reader.listPropertiesOfSecretVersions("db").toList());
        fails(() -> reader.getSecret("db"));
        fails(() -> stranger.getSecret("db"));
        fails(() -> stranger.setSecret("db", VALUE));
        // Refused values: the message may describe them, never repeat them.
        fails(() -> s.setSecret("db", VALUE + "x".repeat(SecretClient.MAX_VALUE_BYTES)));
        fails(() -> s.setSecret("bad_name", VALUE));
        fails(() -> s.setSecret(KeyVaultSecret.of("db", VALUE).withContentType("c".repeat(300))));
        byte[] blob = keep(() -> s.backupSecret("db"));
        texts.add(new String(blob, StandardCharsets.ISO_8859_1));
        texts.add(new String(blob, StandardCharsets.UTF_8));
        texts.add(Base64.getEncoder().encodeToString(blob));
        var deleting = keep(() -> s.beginDeleteSecret("db"));
        keep(deleting::poll);
        keep(deleting::waitForCompletion);
        fails(() -> s.setSecret("db", VALUE));
        fails(() -> s.restoreSecretBackup(blob));
        keep(() -> s.getDeletedSecret("db"));
        keep(() -> s.listDeletedSecrets().toList());
        var recovering = keep(() -> s.beginRecoverDeletedSecret("db"));
        keep(recovering::poll);
        keep(() -> recovering.poll().getValue());
        s.deleteSecret("db");
        fails(() -> s.getSecret("db"));
        s.purgeDeletedSecret("db");
        keep(() -> s.restoreSecretBackup(blob));
        fails(() -> s.recoverDeletedSecret("nothing-here"));
        // The clock-driven purge writes its own audit records.
        s.deleteSecret("db");
        fx.clock().advance(Duration.ofDays(8));
        CofferAssertions.assertThat(fx.auditLog()).hasEvent("SecretPurge").hasNoEventContaining(VALUE);
        finish(fx, jsonLines, sunk);

        assertThat(values).as("getValue() does return the value").contains(VALUE, VALUE + "-2");
        assertThat(sunk).as("the custom sink saw every call").hasSizeGreaterThan(30);
        assertThat(jsonLines.toString().lines().count()).isEqualTo(sunk.size());
        for (String text : texts) {
            assertThat(text).doesNotContain(VALUE).doesNotContain("7f3a");
        }
        // The value's bytes are not in the blob in clear, nor base64-encoded.
        assertThat(texts).noneMatch(t -> t.contains(Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8))));
    }

    private void finish(CofferFixture fx, StringWriter jsonLines, List<AuditEvent> sunk) {
        for (AuditEvent e : fx.auditLog().events()) {
            texts.add(e.toString());
            texts.add(AuditSinks.toJson(e));
        }
        for (AuditEvent e : sunk) {
            texts.add(e.toString());
        }
        texts.add(jsonLines.toString());
    }
}
