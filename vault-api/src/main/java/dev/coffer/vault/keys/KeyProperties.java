package dev.coffer.vault.keys;

import java.time.Instant;
import java.util.Map;

/**
 * A key version's metadata, never its material. Immutable; the {@code with...} methods return
 * copies to pass to {@link KeyClient#updateKeyProperties}, where a null attribute means "leave
 * unchanged".
 *
 * <pre>{@code
 * KeyProperties p = keys.getKey("signing-key").getProperties();
 * keys.updateKeyProperties(p.withEnabled(false));
 * }</pre>
 *
 * @param id              {@code https://{vault}.vault.azure.net/keys/{name}/{version}}, or null before it is stored
 * @param vaultUrl        the vault's URL, or null before it is stored
 * @param name            the key's name, in the case it was created with
 * @param version         the 32-character version id, or null for "latest" in an update
 * @param enabled         whether the private-key operations (decrypt, sign, unwrapKey) may run
 * @param notBefore       before it, encrypt, sign and wrapKey are refused
 * @param expiresOn       from it on, encrypt, sign and wrapKey are refused
 * @param createdOn       when the version was created (second precision)
 * @param updatedOn       when its attributes last changed (second precision)
 * @param recoveryLevel   the vault's deletion recovery level, such as {@code Recoverable+Purgeable}
 * @param recoverableDays the vault's retention in days
 * @param tags            at most 15 tags
 * @param managed         whether a certificate manages this key (read-only then)
 * @param exportable      whether the key may be exported (always false: no release policies yet)
 * @param hsmPlatform     for an HSM-protected key, the platform its provider reports (the simulated HSM says
 *                        {@code coffer-sim}, never Key Vault's {@code "1"} or {@code "2"}); null for a software key
 * @param keyType         the key type, such as {@code RSA} or {@code EC-HSM}; null in an update
 */
public record KeyProperties(String id, String vaultUrl, String name, String version, Boolean enabled,
                            Instant notBefore, Instant expiresOn, Instant createdOn, Instant updatedOn,
                            String recoveryLevel, Integer recoverableDays, Map<String, String> tags,
                            boolean managed, Boolean exportable, String hsmPlatform, KeyType keyType) {

    /** Copies the tags (null stays null: "unchanged" in an update). */
    public KeyProperties {
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /**
     * @param name a key name
     * @return properties naming the latest version of that key, every attribute unset
     */
    public static KeyProperties of(String name) {
        return new KeyProperties(null, null, name, null, null, null, null, null, null, null, null, null, false, null,
                null, null);
    }

    /**
     * @param version a version id
     * @return a copy addressing that version
     */
    public KeyProperties withVersion(String version) {
        return new KeyProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, tags, managed, exportable, hsmPlatform, keyType);
    }

    /**
     * @param enabled whether private-key operations may run
     * @return a copy
     */
    public KeyProperties withEnabled(Boolean enabled) {
        return new KeyProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, tags, managed, exportable, hsmPlatform, keyType);
    }

    /**
     * @param notBefore the not-before time
     * @return a copy
     */
    public KeyProperties withNotBefore(Instant notBefore) {
        return new KeyProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, tags, managed, exportable, hsmPlatform, keyType);
    }

    /**
     * @param expiresOn the expiry time
     * @return a copy
     */
    public KeyProperties withExpiresOn(Instant expiresOn) {
        return new KeyProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, tags, managed, exportable, hsmPlatform, keyType);
    }

    /**
     * @param tags the tags (replacing all)
     * @return a copy
     */
    public KeyProperties withTags(Map<String, String> tags) {
        return new KeyProperties(id, vaultUrl, name, version, enabled, notBefore, expiresOn, createdOn, updatedOn,
                recoveryLevel, recoverableDays, tags, managed, exportable, hsmPlatform, keyType);
    }

    /** @return the Azure SDK name for {@link #enabled()} */
    public Boolean isEnabled() {
        return enabled;
    }

    /** @return the Azure SDK name for {@link #name()} */
    public String getName() {
        return name;
    }

    /** @return the Azure SDK name for {@link #version()} */
    public String getVersion() {
        return version;
    }

    /** @return the Azure SDK name for {@link #id()} */
    public String getId() {
        return id;
    }
}
