package dev.coffer.vault.keys;

import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.SyncPoller;
import dev.coffer.vault.keys.cryptography.CryptographyClient;

/**
 * The keys of one vault, as one caller, with the Azure SDK's method names. Every call is authorized
 * (RBAC data actions, or access-policy key permissions, by the vault's permission model) and audited
 * once. Thread-safe and immutable.
 *
 * <pre>{@code
 * KeyClient keys = vault.keyClient(officer);
 * KeyVaultKey key = keys.createEcKey(new CreateEcKeyOptions("signing-key"));
 * CryptographyClient crypto = vault.keyClient(app).getCryptographyClient("signing-key");
 * SignResult signed = crypto.signData(SignatureAlgorithm.ES256, data);
 * }</pre>
 *
 * <p>Keys never leave the vault: every method returns the public JSON Web Key only. Vaults hold
 * {@code RSA} (2048, 3072, 4096 bits) and {@code EC} (P-256, P-384, P-521, P-256K) keys; Premium vaults
 * also {@code RSA-HSM} and {@code EC-HSM}, kept by the HSM provider the platform was built with.
 * {@code oct} keys are Managed HSM only and refused. Names are 1–127 letters, digits and hyphens,
 * case-insensitive (the case of the first version is kept).
 *
 * <p>Permissions below are RBAC data actions under {@code Microsoft.KeyVault/vaults/}, with the
 * access-policy key permission in parentheses.
 */
public interface KeyClient {

    /** @return the vault's URL, {@code https://{name}.vault.azure.net/} */
    String getVaultUrl();

    /**
     * Creates a key with the type's defaults, or a new version of it. Requires {@code keys/create/action}
     * ({@code create}). Audited as {@code KeyCreate}.
     *
     * @param name    the name
     * @param keyType RSA or EC (the -HSM forms in Premium vaults)
     * @return the new version
     * @throws dev.coffer.vault.BadParameterException for {@code oct} types, an -HSM type in a Standard
     *                                                vault, or a bad name
     * @throws dev.coffer.vault.ConflictException     ({@code ObjectIsDeletedButRecoverable}) if the name
     *                                                belongs to a deleted key
     */
    KeyVaultKey createKey(String name, KeyType keyType);

    /**
     * Creates a key, or a new version of it. Requires {@code keys/create/action} ({@code create}).
     * Audited as {@code KeyCreate}.
     *
     * @param options the name, type and attributes; copied when the call starts
     * @return the new version
     */
    KeyVaultKey createKey(CreateKeyOptions options);

    /**
     * Creates an RSA key (2048 bits unless set; e = 65537 always). Requires {@code keys/create/action}
     * ({@code create}). Audited as {@code KeyCreate}.
     *
     * @param options the options
     * @return the new version
     */
    KeyVaultKey createRsaKey(CreateRsaKeyOptions options);

    /**
     * Creates an EC key (P-256 unless set). Requires {@code keys/create/action} ({@code create}).
     * Audited as {@code KeyCreate}.
     *
     * @param options the options
     * @return the new version
     */
    KeyVaultKey createEcKey(CreateEcKeyOptions options);

    /**
     * Imports a private key as a new key or version. Requires {@code keys/import/action}
     * ({@code import}). Audited as {@code KeyImport}.
     *
     * @param name        the name
     * @param keyMaterial the private JWK; its {@code key_ops} become the key's operations
     * @return the new version (public part only)
     */
    KeyVaultKey importKey(String name, JsonWebKey keyMaterial);

    /**
     * Imports a private key with attributes. Requires {@code keys/import/action} ({@code import}).
     * Audited as {@code KeyImport}.
     *
     * @param options the name, key and attributes; copied when the call starts
     * @return the new version (public part only)
     */
    KeyVaultKey importKey(ImportKeyOptions options);

    /**
     * Gets the latest version's public key and properties. Requires {@code keys/read} ({@code get}).
     * Disabled, expired and not-yet-valid keys are returned: their state restricts crypto operations,
     * not reads. Audited as {@code KeyGet}.
     *
     * @param name the name
     * @return the latest version
     * @throws dev.coffer.vault.ResourceNotFoundException ({@code KeyNotFound}) if there is no such key
     */
    KeyVaultKey getKey(String name);

    /**
     * Gets one version. Requires {@code keys/read} ({@code get}). Audited as {@code KeyGet}.
     *
     * @param name    the name
     * @param version the version id; null or empty for the latest
     * @return that version
     */
    KeyVaultKey getKey(String name, String version);

    /**
     * Updates a version's attributes, tags and (when given) permitted operations; null fields stay
     * unchanged, the key material never changes. Requires {@code keys/update/action} ({@code update}).
     * Audited as {@code KeyUpdate}.
     *
     * @param properties    the name, the version (null for latest) and the new values
     * @param keyOperations the new permitted operations; none to keep them
     * @return the updated key
     */
    KeyVaultKey updateKeyProperties(KeyProperties properties, KeyOperation... keyOperations);

    /**
     * Lists the latest version of every key, in lazy pages. Requires {@code keys/read} ({@code list}).
     * Audited as {@code KeyList} per page.
     *
     * @return the keys' properties
     */
    PagedIterable<KeyProperties> listPropertiesOfKeys();

    /**
     * Lists one key's versions, oldest first, in lazy pages; empty if the key does not exist. Requires
     * {@code keys/read} ({@code list}). Audited as {@code KeyListVersions} per page.
     *
     * @param name the name
     * @return the versions' properties
     */
    PagedIterable<KeyProperties> listPropertiesOfKeyVersions(String name);

    /**
     * Soft-deletes a key with all its versions. Requires {@code keys/delete} ({@code delete}). Audited as
     * {@code KeyDelete}.
     *
     * @param name the name
     * @return a poller that is already complete
     */
    SyncPoller<DeletedKey, Void> beginDeleteKey(String name);

    /**
     * As {@link #beginDeleteKey(String)}, returning the deleted key directly.
     *
     * @param name the name
     * @return the deleted key
     */
    DeletedKey deleteKey(String name);

    /**
     * Gets a deleted key. Requires {@code keys/read} ({@code get}). Audited as {@code KeyGetDeleted}.
     *
     * @param name the name
     * @return the deleted key
     */
    DeletedKey getDeletedKey(String name);

    /**
     * Lists deleted keys in lazy pages. Requires {@code keys/read} ({@code list}). Audited as
     * {@code KeyListDeleted} per page.
     *
     * @return the deleted keys
     */
    PagedIterable<DeletedKey> listDeletedKeys();

    /**
     * Recovers a deleted key with all its versions. Requires {@code keys/recover/action}
     * ({@code recover}). Audited as {@code KeyRecover}.
     *
     * @param name the name
     * @return a poller that is already complete
     */
    SyncPoller<KeyVaultKey, Void> beginRecoverDeletedKey(String name);

    /**
     * As {@link #beginRecoverDeletedKey(String)}, returning the recovered key directly.
     *
     * @param name the name
     * @return the latest version
     */
    KeyVaultKey recoverDeletedKey(String name);

    /**
     * Purges a deleted key for good, destroying its material in the provider. Requires
     * {@code keys/purge/action} ({@code purge}); refused (403) under purge protection until the
     * scheduled purge date. Audited as {@code KeyPurge}.
     *
     * @param name the name
     */
    void purgeDeletedKey(String name);

    /**
     * Backs up every version (and the rotation policy) as an opaque blob sealed to this subscription.
     * Requires {@code keys/backup/action} ({@code backup}). Audited as {@code KeyBackup}.
     *
     * @param name the name
     * @return the blob
     */
    byte[] backupKey(String name);

    /**
     * Restores a blob made by {@link #backupKey(String)} in a vault of the same subscription. A software
     * key restores into Standard or Premium vaults; an HSM key only into Premium. Requires
     * {@code keys/restore/action} ({@code restore}). Audited as {@code KeyRestore}.
     *
     * @param backup the blob
     * @return the latest version
     * @throws dev.coffer.vault.ConflictException if the name is in use, active or deleted
     */
    KeyVaultKey restoreKeyBackup(byte[] backup);

    /**
     * Creates a new version with new material of the same type and size or curve, the same operations and
     * tags; its expiry follows the rotation policy's {@code expiresIn}. Requires {@code keys/rotate/action}
     * ({@code rotate}). Audited as {@code KeyRotate}.
     *
     * @param name the name
     * @return the new version
     */
    KeyVaultKey rotateKey(String name);

    /**
     * Gets the rotation policy, or Azure's default policy if none was set. Requires
     * {@code keyrotationpolicies/read} ({@code getrotationpolicy}). Audited as {@code KeyRotationPolicyGet}.
     *
     * @param keyName the key name
     * @return a fresh copy of the policy
     */
    KeyRotationPolicy getKeyRotationPolicy(String keyName);

    /**
     * Sets the rotation policy. Requires {@code keyrotationpolicies/write} ({@code setrotationpolicy}).
     * Refused with 400 {@code BadParameter}, changing nothing, when: more than one Rotate or Notify action;
     * a Rotate action without exactly one trigger; a Notify action with {@code timeAfterCreate}; a duration
     * that is not ISO-8601; a rotation less than 7 days after creation or before expiry; an
     * {@code expiresIn} under 28 days; a {@code timeBeforeExpiry} trigger without {@code expiresIn}.
     * Audited as {@code KeyRotationPolicySet}.
     *
     * @param keyName the key name
     * @param policy  the policy; copied
     * @return the policy as stored
     */
    KeyRotationPolicy updateKeyRotationPolicy(String keyName, KeyRotationPolicy policy);

    /**
     * Random bytes come from a Managed HSM; a vault refuses the call. Always throws 400
     * {@code BadParameter} after authentication and audit (as {@code GetRandomBytes}).
     *
     * @param count the number of bytes
     * @return never returns
     * @throws dev.coffer.vault.BadParameterException always
     */
    byte[] getRandomBytes(int count);

    /**
     * The HSM's attestation of a key version: a statement, signed inside the HSM, that the key was generated
     * there (or imported), cannot be exported, and has this public key. Needs {@code keys/read} ({@code get});
     * audited as {@code KeyGetAttestation}. Key Vault offers key attestation for HSM keys, but the operation
     * name it logs is not confirmed by the sources this emulator follows, so that name is ours.
     *
     * @param name    the key name
     * @param version the version, or null for the latest
     * @return the attestation
     * @throws dev.coffer.vault.BadParameterException       (400) for a software key ("attestation is available
     *                                                      for HSM-protected keys only"), or if the HSM provider
     *                                                      cannot attest
     * @throws dev.coffer.vault.ResourceNotFoundException   (404) if the key or version does not exist
     * @throws dev.coffer.vault.ServiceUnavailableException (503) if the HSM cannot serve
     */
    KeyVaultKeyAttestation getKeyAttestation(String name, String version);

    /**
     * As {@link #getKeyAttestation(String, String)} for the latest version.
     *
     * @param name the key name
     * @return the attestation
     */
    default KeyVaultKeyAttestation getKeyAttestation(String name) {
        return getKeyAttestation(name, null);
    }

    /**
     * A client for the latest version of a key, whichever it is at each call. Makes no call itself.
     *
     * @param keyName the key name
     * @return the client, acting as this client's caller
     */
    CryptographyClient getCryptographyClient(String keyName);

    /**
     * A client for one version of a key. Makes no call itself.
     *
     * @param keyName    the key name
     * @param keyVersion the version id, or null for the latest
     * @return the client, acting as this client's caller
     */
    CryptographyClient getCryptographyClient(String keyName, String keyVersion);
}
