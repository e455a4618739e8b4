package dev.coffer.vault;

import dev.coffer.vault.authorization.AccessPolicyEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create a vault with. A mutable builder; {@link VaultManager#createVault} copies it on
 * entry, so changing it afterwards changes nothing. Defaults follow Azure: Standard tier, 90 days
 * of soft-delete retention, purge protection off, public access enabled, RBAC permission model
 * (the default for new vaults from ARM api-version 2026-02-01), location of the resource group.
 *
 * <pre>{@code
 * Vault vault = mgmt.createVault(VaultOptions.named("kv-billing")
 *         .resourceGroup(subscription, "rg-billing")
 *         .sku(SkuName.PREMIUM)
 *         .softDeleteRetentionDays(30)
 *         .purgeProtection(true));
 * }</pre>
 */
public final class VaultOptions {
    private final String name;
    private String subscriptionId;
    private String resourceGroup;
    private String location;
    private SkuName sku = SkuName.STANDARD;
    private int softDeleteRetentionDays = 90;
    private boolean purgeProtection;
    private PermissionModel permissionModel = PermissionModel.RBAC;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private NetworkRuleSet networkAcls = NetworkRuleSet.ALLOW_ALL;
    private PublicNetworkAccess publicNetworkAccess = PublicNetworkAccess.ENABLED;
    private boolean enabledForDeployment;
    private boolean enabledForDiskEncryption;
    private boolean enabledForTemplateDeployment;
    private final List<AccessPolicyEntry> accessPolicies = new ArrayList<>();

    private VaultOptions(String name) {
        this.name = name;
    }

    /**
     * @param name the vault name: 3–24 letters, digits and hyphens, starting with a letter, ending
     *             with a letter or digit, no consecutive hyphens; checked when the vault is created
     * @return new options
     */
    public static VaultOptions named(String name) {
        return new VaultOptions(name);
    }

    /**
     * @param subscription  the subscription
     * @param resourceGroup an existing resource group of it
     * @return this
     */
    public VaultOptions resourceGroup(Subscription subscription, String resourceGroup) {
        return resourceGroup(subscription.id(), resourceGroup);
    }

    /**
     * @param subscriptionId the subscription id
     * @param resourceGroup  an existing resource group of it
     * @return this
     */
    public VaultOptions resourceGroup(String subscriptionId, String resourceGroup) {
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.resourceGroup = Objects.requireNonNull(resourceGroup, "resourceGroup");
        return this;
    }

    /**
     * @param location a region name; defaults to the resource group's
     * @return this
     */
    public VaultOptions location(String location) {
        this.location = location;
        return this;
    }

    /**
     * @param sku the tier
     * @return this
     */
    public VaultOptions sku(SkuName sku) {
        this.sku = Objects.requireNonNull(sku, "sku");
        return this;
    }

    /**
     * @param days 7..90; fixed once the vault exists
     * @return this
     */
    public VaultOptions softDeleteRetentionDays(int days) {
        this.softDeleteRetentionDays = days;
        return this;
    }

    /**
     * @param enabled true to refuse purges until the retention has passed; irreversible once set
     * @return this
     */
    public VaultOptions purgeProtection(boolean enabled) {
        this.purgeProtection = enabled;
        return this;
    }

    /**
     * @param model how the data plane is authorized
     * @return this
     */
    public VaultOptions permissionModel(PermissionModel model) {
        this.permissionModel = Objects.requireNonNull(model, "model");
        return this;
    }

    /**
     * @param key   tag name
     * @param value tag value
     * @return this
     */
    public VaultOptions tag(String key, String value) {
        tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param acls firewall rules
     * @return this
     */
    public VaultOptions networkAcls(NetworkRuleSet acls) {
        this.networkAcls = Objects.requireNonNull(acls, "acls");
        return this;
    }

    /**
     * @param access public network access
     * @return this
     */
    public VaultOptions publicNetworkAccess(PublicNetworkAccess access) {
        this.publicNetworkAccess = Objects.requireNonNull(access, "access");
        return this;
    }

    /**
     * @param enabled whether VMs may retrieve certificates stored as secrets
     * @return this
     */
    public VaultOptions enabledForDeployment(boolean enabled) {
        this.enabledForDeployment = enabled;
        return this;
    }

    /**
     * @param enabled whether Azure Disk Encryption may use the vault
     * @return this
     */
    public VaultOptions enabledForDiskEncryption(boolean enabled) {
        this.enabledForDiskEncryption = enabled;
        return this;
    }

    /**
     * @param enabled whether ARM template deployments may retrieve secrets
     * @return this
     */
    public VaultOptions enabledForTemplateDeployment(boolean enabled) {
        this.enabledForTemplateDeployment = enabled;
        return this;
    }

    /**
     * Adds an access-policy entry (in force when the permission model is {@code ACCESS_POLICY}).
     *
     * @param entry the entry
     * @return this
     */
    public VaultOptions accessPolicy(AccessPolicyEntry entry) {
        accessPolicies.add(Objects.requireNonNull(entry, "entry"));
        return this;
    }

    /** @return a copy of the access-policy entries */
    public List<AccessPolicyEntry> accessPolicies() {
        return List.copyOf(accessPolicies);
    }

    /** @return the vault name */
    public String name() {
        return name;
    }

    /** @return the subscription id, or null if not set */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** @return the resource group, or null if not set */
    public String resourceGroup() {
        return resourceGroup;
    }

    /** @return the location, or null for the resource group's */
    public String location() {
        return location;
    }

    /** @return the tier */
    public SkuName sku() {
        return sku;
    }

    /** @return the retention in days */
    public int softDeleteRetentionDays() {
        return softDeleteRetentionDays;
    }

    /** @return whether purge protection is requested */
    public boolean purgeProtection() {
        return purgeProtection;
    }

    /** @return the permission model */
    public PermissionModel permissionModel() {
        return permissionModel;
    }

    /** @return a copy of the tags */
    public Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    /** @return the firewall rules */
    public NetworkRuleSet networkAcls() {
        return networkAcls;
    }

    /** @return public network access */
    public PublicNetworkAccess publicNetworkAccess() {
        return publicNetworkAccess;
    }

    /** @return enabledForDeployment */
    public boolean enabledForDeployment() {
        return enabledForDeployment;
    }

    /** @return enabledForDiskEncryption */
    public boolean enabledForDiskEncryption() {
        return enabledForDiskEncryption;
    }

    /** @return enabledForTemplateDeployment */
    public boolean enabledForTemplateDeployment() {
        return enabledForTemplateDeployment;
    }
}
