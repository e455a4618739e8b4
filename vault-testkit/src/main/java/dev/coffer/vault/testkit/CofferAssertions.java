package dev.coffer.vault.testkit;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditLog;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * AssertJ entry points for Coffer's results. Works beside {@code org.assertj.core.api.Assertions}:
 * static-import both, and Java picks these overloads for Coffer's types.
 *
 * <pre>{@code
 * assertThatCall(() -> asBob.getVault("kv-orders")).isAuthorizationFailed();
 * assertThat(platform.auditLog()).hasEventFor("VaultGet", bob, 403);
 * assertThat(vault.properties()).hasSku(SkuName.STANDARD).hasRetentionDays(90);
 * }</pre>
 */
public final class CofferAssertions {
    private CofferAssertions() {
    }

    /**
     * @param log an audit log
     * @return assertions on its retained events
     */
    public static AuditLogAssert assertThat(AuditLog log) {
        return new AuditLogAssert(log);
    }

    /**
     * @param event one audit event
     * @return assertions on it
     */
    public static AuditEventAssert assertThat(AuditEvent event) {
        return new AuditEventAssert(event);
    }

    /**
     * @param error an error Coffer threw
     * @return assertions on its status and codes
     */
    public static CofferExceptionAssert assertThat(CofferException error) {
        return new CofferExceptionAssert(error);
    }

    /**
     * Runs a call that should fail with a {@link CofferException}, and returns assertions on it.
     * Fails at once if the call returns normally or throws anything else.
     *
     * @param call the call
     * @return assertions on the exception it threw
     */
    public static CofferExceptionAssert assertThatCall(ThrowingCallable call) {
        Throwable thrown;
        try {
            call.call();
            thrown = null;
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown == null) {
            throw new AssertionError("Expected the call to fail with a CofferException, but it returned normally.");
        }
        if (!(thrown instanceof CofferException)) {
            throw new AssertionError("Expected the call to fail with a CofferException, but it threw "
                    + thrown.getClass().getName() + ": " + thrown.getMessage(), thrown);
        }
        return new CofferExceptionAssert((CofferException) thrown);
    }

    /**
     * @param secret a secret version
     * @return assertions on it (failure messages never print its value)
     */
    public static KeyVaultSecretAssert assertThat(KeyVaultSecret secret) {
        return new KeyVaultSecretAssert(secret);
    }

    /**
     * @param key a key version
     * @return assertions on it
     */
    public static KeyVaultKeyAssert assertThat(KeyVaultKey key) {
        return new KeyVaultKeyAssert(key);
    }

    /**
     * @param properties a vault's properties
     * @return assertions on them
     */
    public static VaultPropertiesAssert assertThat(VaultProperties properties) {
        return new VaultPropertiesAssert(properties);
    }

    /**
     * @param vault a vault handle
     * @return assertions on the properties it carries (as when the handle was made)
     */
    public static VaultPropertiesAssert assertThat(Vault vault) {
        return new VaultPropertiesAssert(vault == null ? null : vault.properties());
    }
}
