package dev.coffer.vault.testkit;

import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link KeyVaultSecret}. Failure messages never print the secret's value: a test
 * that checks a value gets "the value differs", not the value.
 */
public final class KeyVaultSecretAssert extends AbstractAssert<KeyVaultSecretAssert, KeyVaultSecret> {
    private static final Pattern VERSION = Pattern.compile("^[0-9a-f]{32}$");

    KeyVaultSecretAssert(KeyVaultSecret actual) {
        super(actual, KeyVaultSecretAssert.class);
    }

    private SecretProperties p() {
        isNotNull();
        return actual.getProperties();
    }

    private KeyVaultSecretAssert check(boolean ok, String what, Object expected, Object found) {
        if (!ok) {
            failWithMessage("%s", "Expected secret '" + actual.getName() + "' to have " + what + " <" + expected
                    + "> but it had <" + found + ">");
        }
        return this;
    }

    /**
     * @param name the expected name (case as created)
     * @return this
     */
    public KeyVaultSecretAssert hasName(String name) {
        return check(Objects.equals(p().name(), name), "name", name, p().name());
    }

    /**
     * Compares the value without ever printing it.
     *
     * @param value the expected value
     * @return this
     */
    public KeyVaultSecretAssert hasValue(String value) {
        isNotNull();
        if (actual.getValue() == null) {
            failWithMessage("%s", "Expected secret '" + actual.getName() + "' to carry a value, but it has none "
                    + "(recover and restore return no value; read it with getSecret)");
        }
        if (!actual.getValue().equals(value)) {
            failWithMessage("%s", "Expected secret '" + actual.getName() + "' (version " + actual.getProperties().version()
                    + ") to have the given value, but the value differs (" + actual.getValue().length()
                    + " characters vs " + value.length() + "; values are not printed)");
        }
        return this;
    }

    /**
     * @param version the expected version id
     * @return this
     */
    public KeyVaultSecretAssert hasVersion(String version) {
        return check(Objects.equals(p().version(), version), "version", version, p().version());
    }

    /** @return this, if the version id has Key Vault's shape (32 lower-case hex characters) */
    public KeyVaultSecretAssert hasWellFormedVersion() {
        String v = p().version();
        return check(v != null && VERSION.matcher(v).matches(), "a version of 32 lower-case hex characters", "[0-9a-f]{32}", v);
    }

    /** @return this, if the version is enabled */
    public KeyVaultSecretAssert isEnabled() {
        return check(Boolean.TRUE.equals(p().enabled()), "enabled", true, p().enabled());
    }

    /** @return this, if the version is disabled */
    public KeyVaultSecretAssert isDisabled() {
        return check(Boolean.FALSE.equals(p().enabled()), "enabled", false, p().enabled());
    }

    /**
     * @param contentType the expected content type
     * @return this
     */
    public KeyVaultSecretAssert hasContentType(String contentType) {
        return check(Objects.equals(p().contentType(), contentType), "content type", contentType, p().contentType());
    }

    /**
     * @param key   tag name
     * @param value tag value
     * @return this
     */
    public KeyVaultSecretAssert hasTag(String key, String value) {
        String found = p().tags() == null ? null : p().tags().get(key);
        return check(Objects.equals(found, value), "tag " + key, value, found);
    }

    /**
     * @param expiresOn the expected expiry (second precision)
     * @return this
     */
    public KeyVaultSecretAssert expiresOn(Instant expiresOn) {
        return check(Objects.equals(p().expiresOn(), expiresOn), "expiry", expiresOn, p().expiresOn());
    }

    /**
     * @param recoveryLevel such as {@code Recoverable+Purgeable}
     * @return this
     */
    public KeyVaultSecretAssert hasRecoveryLevel(String recoveryLevel) {
        return check(Objects.equals(p().recoveryLevel(), recoveryLevel), "recovery level", recoveryLevel, p().recoveryLevel());
    }
}
