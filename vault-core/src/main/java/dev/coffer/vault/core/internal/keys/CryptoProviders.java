package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.core.internal.crypto.Hkdf;
import dev.coffer.vault.core.internal.crypto.SoftwareCryptoProvider;
import dev.coffer.vault.core.internal.platform.RootKey;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.ProtectionLevel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's crypto providers and the one place that decides which provider holds a new key. The
 * software provider is always there and is the default; an HSM-level provider exists only when the
 * platform builder names one, never because it happens to be on the classpath.
 *
 * <p>Routing rules (Key Vault's, for vaults): {@code oct} and {@code oct-HSM} are Managed HSM only and
 * refused; an {@code -HSM} type in a Standard vault is refused with Azure's message; an {@code -HSM} type
 * in a Premium vault goes to the HSM provider, and is refused when the platform has none; software types
 * stay in software in either tier.
 */
public final class CryptoProviders {
    /** HKDF info of the software provider's key-encryption key; changing it orphans every stored key. */
    static final String SOFTWARE_KEK_INFO = "coffer/software-provider/kek/v1";
    private static final byte[] SOFTWARE_KEK_SALT = "coffer".getBytes(StandardCharsets.US_ASCII);

    private final CryptoProvider software;
    private final CryptoProvider hsm;

    /**
     * @param software the default provider
     * @param hsm      the HSM-level provider, or null
     */
    public CryptoProviders(CryptoProvider software, CryptoProvider hsm) {
        this.software = Objects.requireNonNull(software, "software");
        if (hsm != null && (hsm.protectionLevel() != ProtectionLevel.HSM || hsm.id().equals(software.id()))) {
            throw new IllegalArgumentException("the HSM provider must report ProtectionLevel.HSM and have its own id");
        }
        this.hsm = hsm;
    }

    /**
     * Builds the registry with the software provider keyed from the platform root key.
     *
     * @param root   the platform root key
     * @param random the platform's randomness
     * @param hsm    the HSM-level provider the builder named, or null
     * @return the registry
     */
    public static CryptoProviders create(RootKey root, SecureRandom random, CryptoProvider hsm) {
        byte[] ikm = root.copy();
        byte[] kek = Hkdf.derive(ikm, SOFTWARE_KEK_SALT, SOFTWARE_KEK_INFO.getBytes(StandardCharsets.US_ASCII),
                SoftwareCryptoProvider.KEK_LENGTH);
        try {
            return new CryptoProviders(new SoftwareCryptoProvider(kek, random), hsm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** @return the software provider */
    public CryptoProvider software() {
        return software;
    }

    /** @return the HSM-level provider, if the platform was built with one */
    public Optional<CryptoProvider> hsm() {
        return Optional.ofNullable(hsm);
    }

    /**
     * @param id a provider id recorded in a key reference or backup
     * @return that provider
     * @throws BadParameterException if the platform has no provider of that id
     */
    public CryptoProvider byId(String id) {
        if (software.id().equals(id)) {
            return software;
        }
        if (hsm != null && hsm.id().equals(id)) {
            return hsm;
        }
        throw new BadParameterException("BadParameter", null, "The key belongs to crypto provider '" + id
                + "', which this platform was not built with.");
    }

    /**
     * @param type a key type, already checked to be RSA, RSA-HSM, EC or EC-HSM
     * @return whether keys of that type live in an HSM
     */
    public static boolean isHardware(KeyType type) {
        return KeyType.RSA_HSM.equals(type) || KeyType.EC_HSM.equals(type) || KeyType.OCT_HSM.equals(type);
    }

    /**
     * Picks the provider for a new key.
     *
     * @param type the key type
     * @param sku  the vault's tier
     * @return the provider
     * @throws BadParameterException when the vault's tier or the platform cannot hold such a key
     */
    public CryptoProvider forNewKey(KeyType type, SkuName sku) {
        if (!isHardware(type)) {
            return software;
        }
        if (sku != SkuName.PREMIUM) {
            throw hardwareOnStandard();
        }
        if (hsm == null) {
            throw new BadParameterException("BadParameter", null, "Key type " + type + " needs an HSM provider, and "
                    + "this platform has none: build it with Coffer.inMemory().hsmProvider(...), or create a software "
                    + "key (" + (KeyType.RSA_HSM.equals(type) ? KeyType.RSA : KeyType.EC) + ").");
        }
        if (!hsm.keyTypes().contains(type)) {
            throw new BadParameterException("BadParameter", null, "The HSM provider '" + hsm.id()
                    + "' does not support key type " + type + ".");
        }
        return hsm;
    }

    /** @return Azure's refusal of an HSM key in a Standard vault */
    public static BadParameterException hardwareOnStandard() {
        return new BadParameterException("BadParameter", null, "Hardware key operation not allowed on standard vault.");
    }
}
