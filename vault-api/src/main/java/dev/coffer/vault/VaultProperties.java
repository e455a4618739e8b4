package dev.coffer.vault;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a vault's management-plane properties, as ARM reports them. Immutable.
 *
 * @param id                           the vault's resource ID
 * @param name                         the vault name, globally unique
 * @param vaultUri                     {@code https://{name}.vault.azure.net/}
 * @param tenantId                     the tenant that authenticates its callers
 * @param location                     the region
 * @param sku                          the pricing tier
 * @param softDeleteRetentionInDays    7..90, fixed at creation
 * @param purgeProtectionEnabled       once true, true forever
 * @param permissionModel              how the data plane is authorized
 * @param tags                         resource tags
 * @param networkAcls                  firewall rules
 * @param publicNetworkAccess          public network access
 * @param enabledForDeployment         VMs may retrieve certificates stored as secrets
 * @param enabledForDiskEncryption     Azure Disk Encryption may retrieve secrets and unwrap keys
 * @param enabledForTemplateDeployment ARM may retrieve secrets
 * @param createdOn                    creation time
 * @param updatedOn                    time of the last change
 */
public record VaultProperties(
        Scope id,
        String name,
        String vaultUri,
        String tenantId,
        Location location,
        SkuName sku,
        int softDeleteRetentionInDays,
        boolean purgeProtectionEnabled,
        PermissionModel permissionModel,
        Map<String, String> tags,
        NetworkRuleSet networkAcls,
        PublicNetworkAccess publicNetworkAccess,
        boolean enabledForDeployment,
        boolean enabledForDiskEncryption,
        boolean enabledForTemplateDeployment,
        Instant createdOn,
        Instant updatedOn) {

    /** Validates and copies the components. */
    public VaultProperties {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        tags = Map.copyOf(tags);
    }

    /** @return always true: soft delete cannot be turned off in Azure any more */
    public boolean softDeleteEnabled() {
        return true;
    }

    /** @return the subscription id */
    public String subscriptionId() {
        return id.subscriptionId().orElseThrow();
    }

    /** @return the resource group name */
    public String resourceGroup() {
        return id.resourceGroupName().orElseThrow();
    }
}
