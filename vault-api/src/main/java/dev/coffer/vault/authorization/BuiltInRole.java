package dev.coffer.vault.authorization;

import dev.coffer.vault.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Azure's built-in roles that matter to Key Vault, with Azure's exact ids, actions and data
 * actions: the eight Key Vault data roles, Key Vault Contributor, Data Access Administrator and
 * Purge Operator, the Crypto Service roles, and the general Owner, Contributor, Reader and User
 * Access Administrator.
 */
public final class BuiltInRole {
    private BuiltInRole() {
    }

    private static final String KV = "Microsoft.KeyVault/";

    /** The management actions every Key Vault data-plane role (but the "User" roles) carries. */
    private static final List<String> KV_STANDARD_ACTIONS = List.of(
            "Microsoft.Authorization/*/read",
            "Microsoft.Insights/alertRules/*",
            "Microsoft.Resources/deployments/*",
            "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Support/*",
            KV + "checkNameAvailability/read",
            KV + "deletedVaults/read",
            KV + "locations/*/read",
            KV + "vaults/*/read",
            KV + "operations/read");

    private static RoleDefinition role(String id, String name, String description, List<String> actions,
                                       List<String> notActions, List<String> dataActions) {
        return new RoleDefinition(id, name, description, RoleDefinition.BUILT_IN,
                new Permission(actions, notActions, dataActions, List.of()), List.of(Scope.ROOT), null);
    }

    /** Full access to the management and data planes of RBAC vaults. */
    public static final RoleDefinition KEY_VAULT_ADMINISTRATOR = role("00482a5a-887f-4fb3-b363-3b7fe8e74483",
            "Key Vault Administrator", "Every data-plane operation on a vault's keys, secrets and certificates.",
            KV_STANDARD_ACTIONS, List.of(), List.of(KV + "vaults/*"));

    /** Reads metadata of keys, secrets and certificates; never a secret value. */
    public static final RoleDefinition KEY_VAULT_READER = role("21090545-7ca7-4776-b22c-e363652d74d2",
            "Key Vault Reader", "Reads vault and object metadata; cannot read secret values or key material.",
            KV_STANDARD_ACTIONS, List.of(),
            List.of(KV + "vaults/*/read", KV + "vaults/secrets/readMetadata/action"));

    /** Everything on secrets, purge included. */
    public static final RoleDefinition KEY_VAULT_SECRETS_OFFICER = role("b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
            "Key Vault Secrets Officer", "Every operation on secrets, purge included.",
            KV_STANDARD_ACTIONS, List.of(), List.of(KV + "vaults/secrets/*"));

    /** Reads secret values and metadata. */
    public static final RoleDefinition KEY_VAULT_SECRETS_USER = role("4633458b-17de-408a-b874-0445c86b69e6",
            "Key Vault Secrets User", "Reads secret values and their metadata.",
            List.of(), List.of(),
            List.of(KV + "vaults/secrets/getSecret/action", KV + "vaults/secrets/readMetadata/action"));

    /** Everything on certificates, issuers and contacts. */
    public static final RoleDefinition KEY_VAULT_CERTIFICATES_OFFICER = role("a4417e6f-fecd-4de8-b567-7b0420556985",
            "Key Vault Certificates Officer", "Every operation on certificates, their issuers and contacts.",
            KV_STANDARD_ACTIONS, List.of(),
            List.of(KV + "vaults/certificatecas/*", KV + "vaults/certificates/*", KV + "vaults/certificatecontacts/write"));

    /** Reads certificates, including the private key through the managed secret. */
    public static final RoleDefinition KEY_VAULT_CERTIFICATE_USER = role("db79e9a7-68ee-4b58-9aeb-b90e7c24fcba",
            "Key Vault Certificate User", "Reads whole certificates, their keys and managed secrets.",
            List.of(), List.of(),
            List.of(KV + "vaults/certificates/read", KV + "vaults/secrets/getSecret/action",
                    KV + "vaults/secrets/readMetadata/action", KV + "vaults/keys/read"));

    /** Everything on keys and rotation policies, purge included. */
    public static final RoleDefinition KEY_VAULT_CRYPTO_OFFICER = role("14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
            "Key Vault Crypto Officer", "Every operation on keys and their rotation policies, purge included.",
            KV_STANDARD_ACTIONS, List.of(), List.of(KV + "vaults/keys/*", KV + "vaults/keyrotationpolicies/*"));

    /** Cryptographic operations with keys, and reading them. */
    public static final RoleDefinition KEY_VAULT_CRYPTO_USER = role("12338af0-0e69-4776-bea7-57ae8d297424",
            "Key Vault Crypto User", "Cryptographic operations with keys; reads, updates and backs them up.",
            List.of(), List.of(),
            List.of(KV + "vaults/keys/read", KV + "vaults/keys/update/action", KV + "vaults/keys/backup/action",
                    KV + "vaults/keys/encrypt/action", KV + "vaults/keys/decrypt/action",
                    KV + "vaults/keys/wrap/action", KV + "vaults/keys/unwrap/action",
                    KV + "vaults/keys/sign/action", KV + "vaults/keys/verify/action"));

    /** Reads keys and wraps and unwraps with them: for services encrypting at rest. */
    public static final RoleDefinition KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = role("e147488a-f6f5-4113-8e2d-b22465e65bf6",
            "Key Vault Crypto Service Encryption User", "Reads keys and wraps and unwraps with them.",
            List.of("Microsoft.EventGrid/eventSubscriptions/write", "Microsoft.EventGrid/eventSubscriptions/read",
                    "Microsoft.EventGrid/eventSubscriptions/delete"), List.of(),
            List.of(KV + "vaults/keys/read", KV + "vaults/keys/wrap/action", KV + "vaults/keys/unwrap/action"));

    /** Releases exportable keys. */
    public static final RoleDefinition KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER = role("08bbd89e-9f13-488c-ac41-acfcb10c90ab",
            "Key Vault Crypto Service Release User", "Releases exportable keys.",
            List.of(), List.of(), List.of(KV + "vaults/keys/release/action"));

    /** Manages vaults, but not access to them; cannot purge vaults. */
    public static final RoleDefinition KEY_VAULT_CONTRIBUTOR = role("f25e0fa2-a7c8-4377-a976-54943a77a395",
            "Key Vault Contributor", "Manages vaults but grants no data access and cannot purge vaults.",
            List.of("Microsoft.Authorization/*/read", "Microsoft.Insights/alertRules/*", KV + "*",
                    "Microsoft.Resources/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
                    "Microsoft.Support/*"),
            List.of(KV + "locations/deletedVaults/purge/action", KV + "hsmPools/*", KV + "managedHsms/*"),
            List.of());

    /** Purges soft-deleted vaults. */
    public static final RoleDefinition KEY_VAULT_PURGE_OPERATOR = role("a68e7c17-0ab2-4c09-9a58-125dae29748c",
            "Key Vault Purge Operator", "Purges soft-deleted vaults.",
            List.of("Microsoft.Authorization/*/read", "Microsoft.Insights/alertRules/*",
                    "Microsoft.Resources/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
                    KV + "deletedVaults/read", KV + "locations/deletedVaults/read",
                    KV + "locations/deletedVaults/purge/action", KV + "locations/operationResults/read"),
            List.of(), List.of());

    /** Full management access, including role assignment; no data actions. */
    public static final RoleDefinition OWNER = role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            "Owner", "Full management access, including assigning roles.", List.of("*"), List.of(), List.of());

    /** Full management access except role assignment; no data actions. */
    public static final RoleDefinition CONTRIBUTOR = role("b24988ac-6180-42a0-ab88-20f7382dd24c",
            "Contributor", "Full management access except assigning roles.", List.of("*"),
            List.of("Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
                    "Microsoft.Authorization/elevateAccess/Action", "Microsoft.Blueprint/blueprintAssignments/write",
                    "Microsoft.Blueprint/blueprintAssignments/delete"),
            List.of());

    /** Reads every management resource; no data actions. */
    public static final RoleDefinition READER = role("acdd72a7-3385-48ef-bd42-f606fba81ae7",
            "Reader", "Reads every management resource.", List.of("*/read"), List.of(), List.of());

    /** Manages access (role assignments) and reads everything. */
    public static final RoleDefinition USER_ACCESS_ADMINISTRATOR = role("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
            "User Access Administrator", "Manages role assignments and reads management resources.",
            List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"), List.of(), List.of());

    /** The eight Key Vault data roles that Key Vault Data Access Administrator may assign or remove. */
    private static final Set<String> DATA_ACCESS_ADMIN_DELEGABLE = Set.of(
            KEY_VAULT_ADMINISTRATOR.id(), KEY_VAULT_CERTIFICATES_OFFICER.id(), KEY_VAULT_CRYPTO_OFFICER.id(),
            KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.id(), KEY_VAULT_CRYPTO_USER.id(), KEY_VAULT_READER.id(),
            KEY_VAULT_SECRETS_OFFICER.id(), KEY_VAULT_SECRETS_USER.id());

    /** Assigns and removes the Key Vault data roles only (an ABAC condition limits which). */
    public static final RoleDefinition KEY_VAULT_DATA_ACCESS_ADMINISTRATOR = new RoleDefinition(
            "8b54135c-b56d-4d72-a534-26097cfdc8d8", "Key Vault Data Access Administrator",
            "Assigns and removes the eight Key Vault data roles, and no others.", RoleDefinition.BUILT_IN,
            new Permission(List.of("Microsoft.Authorization/roleAssignments/write",
                    "Microsoft.Authorization/roleAssignments/delete", "Microsoft.Authorization/*/read",
                    "Microsoft.Resources/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
                    "Microsoft.Resources/subscriptions/read", "Microsoft.Management/managementGroups/read",
                    "Microsoft.Support/*", KV + "vaults/*/read"), List.of(), List.of(), List.of()),
            List.of(Scope.ROOT), DATA_ACCESS_ADMIN_DELEGABLE);

    private static final List<RoleDefinition> ALL = List.of(
            KEY_VAULT_ADMINISTRATOR, KEY_VAULT_READER, KEY_VAULT_SECRETS_OFFICER, KEY_VAULT_SECRETS_USER,
            KEY_VAULT_CERTIFICATES_OFFICER, KEY_VAULT_CERTIFICATE_USER, KEY_VAULT_CRYPTO_OFFICER,
            KEY_VAULT_CRYPTO_USER, KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER,
            KEY_VAULT_DATA_ACCESS_ADMINISTRATOR, KEY_VAULT_CONTRIBUTOR, KEY_VAULT_PURGE_OPERATOR,
            OWNER, CONTRIBUTOR, READER, USER_ACCESS_ADMINISTRATOR);

    private static final Map<String, RoleDefinition> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(r -> r.id().toLowerCase(Locale.ROOT), Function.identity()));

    /** @return every built-in role */
    public static List<RoleDefinition> all() {
        return ALL;
    }

    /**
     * @param id a role definition id, case-insensitive
     * @return the built-in role with that id
     */
    public static Optional<RoleDefinition> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * @param name a role name such as {@code Key Vault Secrets User}, case-insensitive
     * @return the built-in role with that name
     */
    public static Optional<RoleDefinition> byName(String name) {
        return ALL.stream().filter(r -> r.roleName().equalsIgnoreCase(name)).findFirst();
    }
}
