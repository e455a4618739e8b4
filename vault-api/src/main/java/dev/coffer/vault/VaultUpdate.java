package dev.coffer.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A PATCH of a vault's properties: only what is set changes. A mutable builder, copied on entry.
 * Purge protection can only be turned on; retention can not be changed after creation; switching
 * the permission model needs an unconditional {@code roleAssignments/write} as well.
 *
 * <pre>{@code
 * mgmt.updateVault("kv-billing", VaultUpdate.create().purgeProtection(true).tag("env", "prod"));
 * }</pre>
 */
public final class VaultUpdate {
    private Map<String, String> tags;
    private SkuName sku;
    private Boolean purgeProtection;
    private Integer softDeleteRetentionDays;
    private PermissionModel permissionModel;
    private NetworkRuleSet networkAcls;
    private PublicNetworkAccess publicNetworkAccess;
    private Boolean enabledForDeployment;
    private Boolean enabledForDiskEncryption;
    private Boolean enabledForTemplateDeployment;
    private boolean tagsMerge;

    private VaultUpdate() {
    }

    /** @return an empty update */
    public static VaultUpdate create() {
        return new VaultUpdate();
    }

    /**
     * Replaces all tags.
     *
     * @param tags the new tags
     * @return this
     */
    public VaultUpdate tags(Map<String, String> tags) {
        this.tags = new LinkedHashMap<>(tags);
        this.tagsMerge = false;
        return this;
    }

    /**
     * Adds or replaces one tag, keeping the others.
     *
     * @param key   tag name
     * @param value tag value
     * @return this
     */
    public VaultUpdate tag(String key, String value) {
        if (this.tags == null) {
            this.tags = new LinkedHashMap<>();
            this.tagsMerge = true;
        }
        this.tags.put(key, value);
        return this;
    }

    /**
     * @param sku the new tier
     * @return this
     */
    public VaultUpdate sku(SkuName sku) {
        this.sku = sku;
        return this;
    }

    /**
     * @param enabled true to enable purge protection; false is refused if it is on
     * @return this
     */
    public VaultUpdate purgeProtection(boolean enabled) {
        this.purgeProtection = enabled;
        return this;
    }

    /**
     * @param days must equal the current retention: retention is fixed at creation
     * @return this
     */
    public VaultUpdate softDeleteRetentionDays(int days) {
        this.softDeleteRetentionDays = days;
        return this;
    }

    /**
     * @param model the new permission model
     * @return this
     */
    public VaultUpdate permissionModel(PermissionModel model) {
        this.permissionModel = model;
        return this;
    }

    /**
     * @param acls new firewall rules
     * @return this
     */
    public VaultUpdate networkAcls(NetworkRuleSet acls) {
        this.networkAcls = acls;
        return this;
    }

    /**
     * @param access new public network access
     * @return this
     */
    public VaultUpdate publicNetworkAccess(PublicNetworkAccess access) {
        this.publicNetworkAccess = access;
        return this;
    }

    /**
     * @param enabled enabledForDeployment
     * @return this
     */
    public VaultUpdate enabledForDeployment(boolean enabled) {
        this.enabledForDeployment = enabled;
        return this;
    }

    /**
     * @param enabled enabledForDiskEncryption
     * @return this
     */
    public VaultUpdate enabledForDiskEncryption(boolean enabled) {
        this.enabledForDiskEncryption = enabled;
        return this;
    }

    /**
     * @param enabled enabledForTemplateDeployment
     * @return this
     */
    public VaultUpdate enabledForTemplateDeployment(boolean enabled) {
        this.enabledForTemplateDeployment = enabled;
        return this;
    }

    /** @return new tags, if set */
    public Optional<Map<String, String>> tags() {
        return Optional.ofNullable(tags).map(Map::copyOf);
    }

    /** @return true if tags were given one by one with {@link #tag} and merge with the existing ones */
    public boolean mergesTags() {
        return tagsMerge;
    }

    /** @return the new tier, if set */
    public Optional<SkuName> sku() {
        return Optional.ofNullable(sku);
    }

    /** @return the purge protection setting, if set */
    public Optional<Boolean> purgeProtection() {
        return Optional.ofNullable(purgeProtection);
    }

    /** @return the retention, if set */
    public Optional<Integer> softDeleteRetentionDays() {
        return Optional.ofNullable(softDeleteRetentionDays);
    }

    /** @return the permission model, if set */
    public Optional<PermissionModel> permissionModel() {
        return Optional.ofNullable(permissionModel);
    }

    /** @return the firewall rules, if set */
    public Optional<NetworkRuleSet> networkAcls() {
        return Optional.ofNullable(networkAcls);
    }

    /** @return public network access, if set */
    public Optional<PublicNetworkAccess> publicNetworkAccess() {
        return Optional.ofNullable(publicNetworkAccess);
    }

    /** @return enabledForDeployment, if set */
    public Optional<Boolean> enabledForDeployment() {
        return Optional.ofNullable(enabledForDeployment);
    }

    /** @return enabledForDiskEncryption, if set */
    public Optional<Boolean> enabledForDiskEncryption() {
        return Optional.ofNullable(enabledForDiskEncryption);
    }

    /** @return enabledForTemplateDeployment, if set */
    public Optional<Boolean> enabledForTemplateDeployment() {
        return Optional.ofNullable(enabledForTemplateDeployment);
    }
}
