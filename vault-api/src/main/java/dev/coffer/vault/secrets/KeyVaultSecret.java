package dev.coffer.vault.secrets;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A secret version with its value. Immutable. {@link #toString()} never shows the value.
 *
 * <pre>{@code
 * secrets.setSecret(KeyVaultSecret.of("db-password", "s3cr3t")
 *         .withContentType("text/plain")
 *         .withExpiresOn(Instant.parse("2027-01-01T00:00:00Z")));
 * }</pre>
 */
public final class KeyVaultSecret {
    private final String value;
    private final SecretProperties properties;

    /**
     * @param value      the value, or null in the results of calls that return no value (recover, restore)
     * @param properties its properties
     */
    public KeyVaultSecret(String value, SecretProperties properties) {
        this.value = value;
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * @param name  the secret name
     * @param value the value
     * @return a secret to set, with no attributes
     */
    public static KeyVaultSecret of(String name, String value) {
        return new KeyVaultSecret(Objects.requireNonNull(value, "value"), SecretProperties.of(name));
    }

    /** @return the secret's name */
    public String getName() {
        return properties.name();
    }

    /**
     * @return the value; null in what {@code recoverDeletedSecret} and {@code restoreSecretBackup} return,
     * since those calls need no right to read values and so return none (read it with {@code getSecret})
     */
    public String getValue() {
        return value;
    }

    /** @return the id with version, or null before it is stored */
    public String getId() {
        return properties.id();
    }

    /** @return the properties */
    public SecretProperties getProperties() {
        return properties;
    }

    /**
     * @param contentType content type
     * @return a copy
     */
    public KeyVaultSecret withContentType(String contentType) {
        return new KeyVaultSecret(value, properties.withContentType(contentType));
    }

    /**
     * @param enabled enabled
     * @return a copy
     */
    public KeyVaultSecret withEnabled(boolean enabled) {
        return new KeyVaultSecret(value, properties.withEnabled(enabled));
    }

    /**
     * @param notBefore not-before time
     * @return a copy
     */
    public KeyVaultSecret withNotBefore(Instant notBefore) {
        return new KeyVaultSecret(value, properties.withNotBefore(notBefore));
    }

    /**
     * @param expiresOn expiry time
     * @return a copy
     */
    public KeyVaultSecret withExpiresOn(Instant expiresOn) {
        return new KeyVaultSecret(value, properties.withExpiresOn(expiresOn));
    }

    /**
     * @param tags tags
     * @return a copy
     */
    public KeyVaultSecret withTags(Map<String, String> tags) {
        return new KeyVaultSecret(value, properties.withTags(tags));
    }

    /** @return the name and id, never the value */
    @Override
    public String toString() {
        return "KeyVaultSecret(" + properties.name() + (properties.id() == null ? "" : ", " + properties.id())
                + ", value=**redacted**)";
    }
}
