package dev.coffer.vault;

import dev.coffer.vault.authorization.AccessExplanation;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import dev.coffer.vault.authorization.EffectiveAccess;
import dev.coffer.vault.authorization.RoleAssignmentClient;
import dev.coffer.vault.authorization.RoleDefinitionClient;
import java.util.List;

/**
 * The management plane (Azure Resource Manager for {@code Microsoft.KeyVault}), acting as one
 * caller. Every method is authorized with Azure RBAC actions (never data actions, never access
 * policies) and audited. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * VaultManager mgmt = platform.management(alice);
 * mgmt.createResourceGroup(sub.id(), "rg-billing", "westeurope");
 * Vault vault = mgmt.createVault(VaultOptions.named("kv-billing").resourceGroup(sub, "rg-billing"));
 * }</pre>
 */
public interface VaultManager {

    /** @return the context calls are made in */
    RequestContext context();

    /**
     * Creates a resource group, or returns the existing one of that name.
     * Requires {@code Microsoft.Resources/subscriptions/resourceGroups/write}.
     *
     * @param subscriptionId the subscription
     * @param name           1–90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period
     * @param location       a region name
     * @return the resource group
     */
    ResourceGroup createResourceGroup(String subscriptionId, String name, String location);

    /**
     * Creates a vault. Requires {@code Microsoft.KeyVault/vaults/write} on the vault's scope.
     * Audited as {@code VaultPut}.
     *
     * @param options what to create; copied on entry
     * @return the new vault
     * @throws BadParameterException     ({@code VaultNameNotValid}, ...) for bad options; nothing is created
     * @throws ConflictException         ({@code VaultAlreadyExists}) if the name is taken, by an active or a soft-deleted vault
     * @throws ResourceNotFoundException ({@code ResourceGroupNotFound}) if the resource group does not exist
     */
    Vault createVault(VaultOptions options);

    /**
     * Gets a vault by its globally unique name. Requires {@code Microsoft.KeyVault/vaults/read}.
     * Audited as {@code VaultGet}.
     *
     * @param name the vault name
     * @return a handle with current properties
     * @throws ResourceNotFoundException ({@code ResourceNotFound}) if there is no such active vault
     */
    Vault getVault(String name);

    /**
     * Lists the vaults of a subscription that the caller may read ({@code vaults/read}), lazily,
     * ordered by name. Each page is one {@code VaultList} call.
     *
     * @param subscriptionId the subscription
     * @return the vaults
     */
    PagedIterable<VaultProperties> listVaults(String subscriptionId);

    /**
     * Lists the vaults of one resource group that the caller may read, lazily, ordered by name.
     *
     * @param subscriptionId the subscription
     * @param resourceGroup  the resource group
     * @return the vaults
     */
    PagedIterable<VaultProperties> listVaults(String subscriptionId, String resourceGroup);

    /**
     * Updates a vault. Requires {@code Microsoft.KeyVault/vaults/write}; switching the permission
     * model also requires an unconditional {@code Microsoft.Authorization/roleAssignments/write}.
     * Audited as {@code VaultPatch}.
     *
     * @param name   the vault name
     * @param update what to change; copied on entry
     * @return the updated properties
     * @throws BadParameterException if the update turns purge protection off or changes the retention
     */
    VaultProperties updateVault(String name, VaultUpdate update);

    /**
     * Soft-deletes a vault with its contents. Requires {@code Microsoft.KeyVault/vaults/delete}.
     * Role assignments at or below the vault are removed and are not restored by recovery.
     * Audited as {@code VaultDelete}.
     *
     * @param name the vault name
     * @return the deleted vault
     */
    DeletedVault deleteVault(String name);

    /**
     * Lists the soft-deleted vaults of a subscription. Requires
     * {@code Microsoft.KeyVault/deletedVaults/read} on the subscription. Audited as {@code VaultListDeleted}.
     *
     * @param subscriptionId the subscription
     * @return the deleted vaults, ordered by name
     */
    PagedIterable<DeletedVault> listDeletedVaults(String subscriptionId);

    /**
     * Gets a soft-deleted vault. Requires {@code Microsoft.KeyVault/locations/deletedVaults/read}.
     * Audited as {@code VaultGetDeleted}.
     *
     * @param name the vault name
     * @return the deleted vault
     * @throws ResourceNotFoundException if no deleted vault has that name
     */
    DeletedVault getDeletedVault(String name);

    /**
     * Recovers a soft-deleted vault with its contents (ARM create with {@code createMode: recover}).
     * Requires {@code Microsoft.KeyVault/vaults/write} at the vault's former scope. Audited as {@code VaultRecover}.
     *
     * @param name the vault name
     * @return the recovered vault
     */
    Vault recoverDeletedVault(String name);

    /**
     * Purges a soft-deleted vault and everything in it, irreversibly. Requires
     * {@code Microsoft.KeyVault/locations/deletedVaults/purge/action}; refused with purge protection
     * until the scheduled purge date. Audited as {@code VaultPurge}.
     *
     * @param name the vault name
     * @throws ForbiddenException if the caller lacks the action, or purge protection forbids it
     */
    void purgeDeletedVault(String name);

    /** @return role assignments, managed as this manager's caller */
    RoleAssignmentClient roleAssignments();

    /** @return role definitions (built-in and custom), managed as this manager's caller */
    RoleDefinitionClient roleDefinitions();

    /**
     * Reads a vault's access policies (kept under either permission model; in force only under
     * {@code ACCESS_POLICY}). Requires {@code Microsoft.KeyVault/vaults/read}. Audited as
     * {@code AccessPolicyList} (Administrative).
     *
     * @param vaultName the vault
     * @return its entries
     */
    List<AccessPolicyEntry> getAccessPolicies(String vaultName);

    /**
     * Adds, replaces or removes access-policy entries (ARM's {@code Vaults_UpdateAccessPolicy}).
     * Requires {@code Microsoft.KeyVault/vaults/accessPolicies/write} — which Contributor and Key
     * Vault Contributor hold, so on an access-policy vault they can grant themselves data access,
     * as in Azure. At most 1024 entries. Audited as {@code AccessPolicyAdd}, {@code AccessPolicyReplace}
     * or {@code AccessPolicyRemove} (Administrative).
     *
     * @param vaultName the vault
     * @param kind      how to combine
     * @param entries   the entries; permissions use Azure's names
     * @return the vault's entries afterwards
     * @throws BadParameterException for an unknown permission, a foreign tenant or too many entries
     */
    List<AccessPolicyEntry> updateAccessPolicies(String vaultName, AccessPolicyUpdateKind kind,
                                                 List<AccessPolicyEntry> entries);

    /**
     * Explains the decision for a principal, scope and action: the assignment (and group) or policy
     * entry that allows it, or why it is denied. Requires
     * {@code Microsoft.Authorization/roleAssignments/read} at the scope, so nobody maps access they may
     * not see. Audited as {@code AccessExplain} (Administrative).
     *
     * @param principal the principal asked about
     * @param scope     a subscription, resource group, vault or object scope
     * @param action    a management action or a data action
     * @return the explanation
     */
    AccessExplanation explain(Principal principal, Scope scope, String action);

    /**
     * As {@link #explain(Principal, Scope, String)}, for a principal calling through an application
     * (compound identities in access policies).
     *
     * @param context   the principal and its application
     * @param scope     the scope
     * @param action    the action
     * @return the explanation
     */
    AccessExplanation explain(RequestContext context, Scope scope, String action);

    /**
     * Everything a principal holds on a vault and on each object scope below it, each grant with its
     * source. Requires {@code Microsoft.Authorization/roleAssignments/read} at the vault. Audited as
     * {@code EffectiveAccessGet} (Administrative).
     *
     * @param principal the principal
     * @param vaultName the vault
     * @return the grants
     */
    EffectiveAccess effectiveAccess(Principal principal, String vaultName);
}
