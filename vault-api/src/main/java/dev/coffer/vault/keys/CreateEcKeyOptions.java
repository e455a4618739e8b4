package dev.coffer.vault.keys;

import java.time.Instant;
import java.util.Map;

/**
 * Options to create an elliptic curve key ({@code EC}, or {@code EC-HSM} with
 * {@link #setHardwareProtected}). Copied by the client when the call starts.
 *
 * <pre>{@code
 * keys.createEcKey(new CreateEcKeyOptions("signing-key").setCurveName(KeyCurveName.P_384));
 * }</pre>
 */
public class CreateEcKeyOptions extends CreateKeyOptions {
    private KeyCurveName curveName;
    private boolean hardwareProtected;

    /** @param name the key name */
    public CreateEcKeyOptions(String name) {
        super(name, KeyType.EC);
    }

    /**
     * @param curveName P-256, P-384, P-521 or P-256K; null for P-256
     * @return this
     */
    public CreateEcKeyOptions setCurveName(KeyCurveName curveName) {
        this.curveName = curveName;
        return this;
    }

    /** @return the curve, or null for P-256 */
    public KeyCurveName getCurveName() {
        return curveName;
    }

    /**
     * @param hardwareProtected true for {@code EC-HSM} (Premium vaults only), false for {@code EC}
     * @return this
     */
    public CreateEcKeyOptions setHardwareProtected(Boolean hardwareProtected) {
        this.hardwareProtected = Boolean.TRUE.equals(hardwareProtected);
        setKeyType(this.hardwareProtected ? KeyType.EC_HSM : KeyType.EC);
        return this;
    }

    /** @return whether the key is HSM-protected */
    public Boolean isHardwareProtected() {
        return hardwareProtected;
    }

    @Override
    public CreateEcKeyOptions setKeyOperations(KeyOperation... keyOperations) {
        super.setKeyOperations(keyOperations);
        return this;
    }

    @Override
    public CreateEcKeyOptions setNotBefore(Instant notBefore) {
        super.setNotBefore(notBefore);
        return this;
    }

    @Override
    public CreateEcKeyOptions setExpiresOn(Instant expiresOn) {
        super.setExpiresOn(expiresOn);
        return this;
    }

    @Override
    public CreateEcKeyOptions setEnabled(Boolean enabled) {
        super.setEnabled(enabled);
        return this;
    }

    @Override
    public CreateEcKeyOptions setTags(Map<String, String> tags) {
        super.setTags(tags);
        return this;
    }

    @Override
    public CreateEcKeyOptions setExportable(Boolean exportable) {
        super.setExportable(exportable);
        return this;
    }
}
