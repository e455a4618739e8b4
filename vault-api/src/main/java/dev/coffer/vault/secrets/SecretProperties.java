package dev.coffer.vault.secrets;

import java.time.Instant;
import java.util.Map;

/**
 * A secret version's metadata, never its value. Immutable; the {@code with...} methods return
 * copies to pass to {@link SecretClient#updateSecretProperties}, where a null attribute means
 * "leave unchanged".
 *
 * @param id              {@code https://{vault}.vault.azure.net/secrets/{name}/{version}}, or null before it is stored
 * @param vaultUrl        the vault's URL, or null before it is stored
 * @param name            the secret's name, in the case it was created with
 * @param version         the 32-character version id, or null for "latest" in an update
 * @param enabled         whether the version may be read
 * @param notBefore       informational: Azure does not refuse reads before it
 * @param expiresOn       informational: Azure does not refuse reads after it
 * @param createdOn       when the version was created (second precision)
 * @param updatedOn       when its attributes last changed (second precision)
 * @param recoveryLevel   the vault's deletion recovery level, such as {@code Recoverable+Purgeable}
 * @param recoverableDays the vault's retention in days
 * @param contentType     an optional hint of what the value is, at most 255 characters
 * @param tags            at most 15 tags
 * @param managed         whether a certificate manages this secret (read-only then)
 * @param keyId           for a certificate's secret, the id of its key; else null
 */
public record SecretProperties(String id, String vaultUrl, String name, String version, Boolean enabled,
                               Instant notBefore, Instant expiresOn, Instant createdOn, Instant updatedOn,
                               String recoveryLevel, Integer recoverableDays, String contentType,
                               Map<String, String> tags, boolean managed, String keyId) {

    /** Copies the tags (null stays null: "unchanged" in an update). */
    public SecretProperties {
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /**
     * @param name a secret name
     * @return properties naming the latest version of that secret, every attribute unset
     */
    public static SecretProperties of(String name) {
        return new SecretProperties(null, null, name, null, null, null, null, null, null, null, null, null, null,
                false, null);
    }

    /**
     * @param version a version id
     * @return a copy addressing that version
     */
    public SecretProperties withVersion(String version) {
        return new SecretProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, contentType, tags, managed, keyId);
    }

    /**
     * @param enabled whether the version may be read
     * @return a copy
     */
    public SecretProperties withEnabled(Boolean enabled) {
        return new SecretProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, contentType, tags, managed, keyId);
    }

    /**
     * @param notBefore the not-before time
     * @return a copy
     */
    public SecretProperties withNotBefore(Instant notBefore) {
        return new SecretProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, contentType, tags, managed, keyId);
    }

    /**
     * @param expiresOn the expiry time
     * @return a copy
     */
    public SecretProperties withExpiresOn(Instant expiresOn) {
        return new SecretProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, contentType, tags, managed, keyId);
    }

    /**
     * @param contentType the content type
     * @return a copy
     */
    public SecretProperties withContentType(String contentType) {
        return new SecretProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, contentType, tags, managed, keyId);
    }

    /**
     * @param tags the tags (replacing all)
     * @return a copy
     */
    public SecretProperties withTags(Map<String, String> tags) {
        return new SecretProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, contentType, tags, managed, keyId);
    }

    /** @return Azure SDK name for {@link #enabled()} */
    public Boolean isEnabled() {
        return enabled;
    }
}
