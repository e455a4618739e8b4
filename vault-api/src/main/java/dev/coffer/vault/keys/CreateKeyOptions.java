package dev.coffer.vault.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link KeyClient#createKey(CreateKeyOptions)} should create: a name, a key type and optional
 * attributes. A mutable builder, as in the Azure SDK; the client copies every field when the call
 * starts, so changing the options afterwards changes nothing in the vault. Not thread-safe.
 *
 * <pre>{@code
 * keys.createKey(new CreateKeyOptions("signing-key", KeyType.EC)
 *         .setKeyOperations(KeyOperation.SIGN, KeyOperation.VERIFY)
 *         .setExpiresOn(Instant.parse("2027-01-01T00:00:00Z")));
 * }</pre>
 *
 * <p>Defaults: RSA keys have 2048 bits, EC keys curve P-256; the operations default to every operation
 * the type can perform (RSA: encrypt, decrypt, sign, verify, wrapKey, unwrapKey; EC: sign, verify).
 */
public class CreateKeyOptions {
    private final String name;
    private KeyType keyType;
    private List<KeyOperation> keyOperations;
    private Instant notBefore;
    private Instant expiresOn;
    private Boolean enabled;
    private Map<String, String> tags;
    private Boolean exportable;

    /**
     * @param name    the key name: 1–127 letters, digits and hyphens
     * @param keyType the key type; {@code oct} types are refused by vaults
     */
    public CreateKeyOptions(String name, KeyType keyType) {
        this.name = name;
        this.keyType = keyType;
    }

    /** @return the key name */
    public String getName() {
        return name;
    }

    /** @return the key type */
    public KeyType getKeyType() {
        return keyType;
    }

    /**
     * For subclasses that switch between the software and HSM form of a type.
     *
     * @param keyType the key type
     */
    protected void setKeyType(KeyType keyType) {
        this.keyType = keyType;
    }

    /**
     * @param keyOperations the operations the key may be used for; none given means the type's default
     * @return this
     */
    public CreateKeyOptions setKeyOperations(KeyOperation... keyOperations) {
        this.keyOperations = keyOperations == null ? null : Arrays.asList(keyOperations.clone());
        return this;
    }

    /** @return the operations, or null for the type's default */
    public List<KeyOperation> getKeyOperations() {
        return keyOperations == null ? null : List.copyOf(keyOperations);
    }

    /**
     * @param notBefore the time before which encrypt, sign and wrapKey are refused
     * @return this
     */
    public CreateKeyOptions setNotBefore(Instant notBefore) {
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
    public CreateKeyOptions setExpiresOn(Instant expiresOn) {
        this.expiresOn = expiresOn;
        return this;
    }

    /** @return the expiry time, or null */
    public Instant getExpiresOn() {
        return expiresOn;
    }

    /**
     * @param enabled false to create the key disabled (no decrypt, sign or unwrapKey)
     * @return this
     */
    public CreateKeyOptions setEnabled(Boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    /** @return whether the key is enabled, or null for the default (true) */
    public Boolean isEnabled() {
        return enabled;
    }

    /**
     * @param tags at most 15 tags; copied
     * @return this
     */
    public CreateKeyOptions setTags(Map<String, String> tags) {
        this.tags = tags == null ? null : new LinkedHashMap<>(tags);
        return this;
    }

    /** @return a copy of the tags, or null */
    public Map<String, String> getTags() {
        return tags == null ? null : new LinkedHashMap<>(tags);
    }

    /**
     * Vaults accept an exportable key only with a release policy, which Coffer does not support yet,
     * so {@code true} is refused with 400 {@code BadParameter}, as Azure refuses it without a policy.
     *
     * @param exportable whether the key may be exported
     * @return this
     */
    public CreateKeyOptions setExportable(Boolean exportable) {
        this.exportable = exportable;
        return this;
    }

    /** @return whether the key may be exported, or null */
    public Boolean isExportable() {
        return exportable;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ", " + keyType + ")";
    }
}
