package dev.coffer.vault.keys;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link KeyClient#importKey(ImportKeyOptions)} should import: a name, a private JSON Web Key and
 * optional attributes. The key's {@code key_ops} become the key's permitted operations (the type's
 * default when absent). Copied by the client when the call starts; the vault keeps the private
 * material only inside its crypto provider, and never returns it.
 *
 * <pre>{@code
 * keys.importKey(new ImportKeyOptions("imported", privateJwk).setHardwareProtected(false));
 * }</pre>
 */
public class ImportKeyOptions {
    private final String name;
    private final JsonWebKey key;
    private Boolean hardwareProtected;
    private Instant notBefore;
    private Instant expiresOn;
    private Boolean enabled;
    private Map<String, String> tags;
    private Boolean exportable;

    /**
     * @param name the key name
     * @param key  the private key to import (RSA or EC; {@code oct} is refused by vaults)
     */
    public ImportKeyOptions(String name, JsonWebKey key) {
        this.name = name;
        this.key = key;
    }

    /** @return the key name */
    public String getName() {
        return name;
    }

    /** @return the key to import (immutable) */
    public JsonWebKey getKey() {
        return key;
    }

    /**
     * @param hardwareProtected true to keep the key in the HSM ({@code RSA-HSM}/{@code EC-HSM}, Premium only)
     * @return this
     */
    public ImportKeyOptions setHardwareProtected(Boolean hardwareProtected) {
        this.hardwareProtected = hardwareProtected;
        return this;
    }

    /** @return whether the key goes into the HSM, or null for "as its type says" */
    public Boolean isHardwareProtected() {
        return hardwareProtected;
    }

    /**
     * @param notBefore the time before which encrypt, sign and wrapKey are refused
     * @return this
     */
    public ImportKeyOptions setNotBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    /** @return the not-before time, or null */
    public Instant getNotBefore() {
        return notBefore;
    }

    /**
     * @param expiresOn the time from which encrypt, sign and wrapKey are refused
     * @return this
     */
    public ImportKeyOptions setExpiresOn(Instant expiresOn) {
        this.expiresOn = expiresOn;
        return this;
    }

    /** @return the expiry time, or null */
    public Instant getExpiresOn() {
        return expiresOn;
    }

    /**
     * @param enabled false to import the key disabled
     * @return this
     */
    public ImportKeyOptions setEnabled(Boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    /** @return whether the key is enabled, or null for true */
    public Boolean isEnabled() {
        return enabled;
    }

    /**
     * @param tags at most 15 tags; copied
     * @return this
     */
    public ImportKeyOptions setTags(Map<String, String> tags) {
        this.tags = tags == null ? null : new LinkedHashMap<>(tags);
        return this;
    }

    /** @return a copy of the tags, or null */
    public Map<String, String> getTags() {
        return tags == null ? null : new LinkedHashMap<>(tags);
    }

    /**
     * @param exportable whether the key may be exported; {@code true} is refused (no release policies)
     * @return this
     */
    public ImportKeyOptions setExportable(Boolean exportable) {
        this.exportable = exportable;
        return this;
    }

    /** @return whether the key may be exported, or null */
    public Boolean isExportable() {
        return exportable;
    }

    /** Names the key; never shows private material. */
    @Override
    public String toString() {
        return "ImportKeyOptions(" + name + ", " + key + ")";
    }
}
