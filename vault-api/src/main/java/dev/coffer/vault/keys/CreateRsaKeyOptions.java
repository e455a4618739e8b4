package dev.coffer.vault.keys;

import java.time.Instant;
import java.util.Map;

/**
 * Options to create an RSA key ({@code RSA}, or {@code RSA-HSM} with {@link #setHardwareProtected}).
 * Copied by the client when the call starts.
 *
 * <pre>{@code
 * keys.createRsaKey(new CreateRsaKeyOptions("wrapping-key").setKeySize(3072));
 * }</pre>
 */
public class CreateRsaKeyOptions extends CreateKeyOptions {
    private Integer keySize;
    private Integer publicExponent;
    private boolean hardwareProtected;

    /** @param name the key name */
    public CreateRsaKeyOptions(String name) {
        super(name, KeyType.RSA);
    }

    /**
     * @param keySize 2048, 3072 or 4096 bits; null for 2048
     * @return this
     */
    public CreateRsaKeyOptions setKeySize(Integer keySize) {
        this.keySize = keySize;
        return this;
    }

    /** @return the key size, or null for 2048 */
    public Integer getKeySize() {
        return keySize;
    }

    /**
     * Accepted for compatibility and ignored: a vault always uses e = 65537 (only Managed HSM
     * honours {@code public_exponent}).
     *
     * @param publicExponent the requested exponent
     * @return this
     */
    public CreateRsaKeyOptions setPublicExponent(Integer publicExponent) {
        this.publicExponent = publicExponent;
        return this;
    }

    /** @return the requested exponent, which the vault ignores */
    public Integer getPublicExponent() {
        return publicExponent;
    }

    /**
     * @param hardwareProtected true for {@code RSA-HSM} (Premium vaults only), false for {@code RSA}
     * @return this
     */
    public CreateRsaKeyOptions setHardwareProtected(Boolean hardwareProtected) {
        this.hardwareProtected = Boolean.TRUE.equals(hardwareProtected);
        setKeyType(this.hardwareProtected ? KeyType.RSA_HSM : KeyType.RSA);
        return this;
    }

    /** @return whether the key is HSM-protected */
    public Boolean isHardwareProtected() {
        return hardwareProtected;
    }

    @Override
    public CreateRsaKeyOptions setKeyOperations(KeyOperation... keyOperations) {
        super.setKeyOperations(keyOperations);
        return this;
    }

    @Override
    public CreateRsaKeyOptions setNotBefore(Instant notBefore) {
        super.setNotBefore(notBefore);
        return this;
    }

    @Override
    public CreateRsaKeyOptions setExpiresOn(Instant expiresOn) {
        super.setExpiresOn(expiresOn);
        return this;
    }

    @Override
    public CreateRsaKeyOptions setEnabled(Boolean enabled) {
        super.setEnabled(enabled);
        return this;
    }

    @Override
    public CreateRsaKeyOptions setTags(Map<String, String> tags) {
        super.setTags(tags);
        return this;
    }

    @Override
    public CreateRsaKeyOptions setExportable(Boolean exportable) {
        super.setExportable(exportable);
        return this;
    }
}
