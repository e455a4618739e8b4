package dev.coffer.vault.testkit;

import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.VaultProperties;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a vault's {@link VaultProperties}. Failure messages name the vault, the expectation and what it had. */
public final class VaultPropertiesAssert extends AbstractAssert<VaultPropertiesAssert, VaultProperties> {

    VaultPropertiesAssert(VaultProperties actual) {
        super(actual, VaultPropertiesAssert.class);
    }

    private VaultPropertiesAssert check(boolean ok, String what, Object expected, Object found) {
        if (!ok) {
            failWithMessage("%s", "Expected vault '" + actual.name() + "' to have " + what + " <" + expected
                    + "> but it had <" + found + ">");
        }
        return this;
    }

    /**
     * @param name the vault name
     * @return this
     */
    public VaultPropertiesAssert hasName(String name) {
        isNotNull();
        return check(actual.name().equals(name), "name", name, actual.name());
    }

    /**
     * @param sku the tier
     * @return this
     */
    public VaultPropertiesAssert hasSku(SkuName sku) {
        isNotNull();
        return check(actual.sku() == sku, "sku", sku, actual.sku());
    }

    /**
     * @param days soft-delete retention in days
     * @return this
     */
    public VaultPropertiesAssert hasRetentionDays(int days) {
        isNotNull();
        return check(actual.softDeleteRetentionInDays() == days, "retention days", days, actual.softDeleteRetentionInDays());
    }

    /**
     * @param enabled whether purge protection should be on
     * @return this
     */
    public VaultPropertiesAssert hasPurgeProtection(boolean enabled) {
        isNotNull();
        return check(actual.purgeProtectionEnabled() == enabled, "purge protection", enabled, actual.purgeProtectionEnabled());
    }

    /**
     * @param model the permission model
     * @return this
     */
    public VaultPropertiesAssert hasPermissionModel(PermissionModel model) {
        isNotNull();
        return check(actual.permissionModel() == model, "permission model", model, actual.permissionModel());
    }

    /**
     * @param key   tag name
     * @param value tag value
     * @return this
     */
    public VaultPropertiesAssert hasTag(String key, String value) {
        isNotNull();
        return check(Objects.equals(actual.tags().get(key), value), "tag " + key, value,
                actual.tags().containsKey(key) ? actual.tags().get(key) : "no such tag; tags are " + actual.tags());
    }

    /**
     * @param key a tag name that must be absent
     * @return this
     */
    public VaultPropertiesAssert hasNoTag(String key) {
        isNotNull();
        return check(!actual.tags().containsKey(key), "no tag", key, "tags " + actual.tags());
    }

    /**
     * @param location the region's programmatic name, such as {@code westeurope}
     * @return this
     */
    public VaultPropertiesAssert hasLocation(String location) {
        isNotNull();
        return check(actual.location().name().equalsIgnoreCase(location), "location", location, actual.location().name());
    }
}
