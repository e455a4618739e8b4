package dev.coffer.vault.secrets;

import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.SyncPoller;

/**
 * The secrets of one vault, as one caller, with the Azure SDK's method names. Every call is
 * authorized (RBAC data actions or access-policy permissions, by the vault's permission model) and
 * audited. Thread-safe and immutable.
 *
 * <pre>{@code
 * SecretClient secrets = vault.secretClient(app);
 * secrets.setSecret("db-password", "s3cr3t");
 * String value = secrets.getSecret("db-password").getValue();
 * }</pre>
 *
 * <p>Names are 1–127 letters, digits and hyphens, case-insensitive (the case of the first
 * version is kept). Values are at most {@value #MAX_VALUE_BYTES} bytes in UTF-8.
 */
public interface SecretClient {

    /** The largest secret value, in UTF-8 bytes: 25 KiB. */
    int MAX_VALUE_BYTES = 25 * 1024;

    /** @return the vault's URL, {@code https://{name}.vault.azure.net/} */
    String getVaultUrl();

    /**
     * Creates the secret, or a new version of it. Requires {@code secrets/setSecret/action}
     * (access policy: {@code set}). Audited as {@code SecretSet}.
     *
     * @param name  the name
     * @param value the value
     * @return the new version
     * @throws dev.coffer.vault.ConflictException ({@code ObjectIsDeletedButRecoverable}) if the name belongs to a deleted secret
     */
    KeyVaultSecret setSecret(String name, String value);

    /**
     * Creates the secret, or a new version, with attributes, tags and content type.
     *
     * @param secret the name, value and properties
     * @return the new version
     */
    KeyVaultSecret setSecret(KeyVaultSecret secret);

    /**
     * Gets the latest version. Requires {@code secrets/getSecret/action} ({@code get}). A disabled
     * version is refused (403, inner {@code SecretDisabled}); expired or not-yet-valid versions are
     * returned, as Azure documents. Audited as {@code SecretGet}.
     *
     * @param name the name
     * @return the latest version
     */
    KeyVaultSecret getSecret(String name);

    /**
     * Gets one version.
     *
     * @param name    the name
     * @param version the version id; null or empty for the latest
     * @return that version
     */
    KeyVaultSecret getSecret(String name, String version);

    /**
     * Updates a version's attributes, content type and tags; null fields stay unchanged, the value
     * never changes. Requires {@code secrets/update/action} ({@code set}). Audited as {@code SecretUpdate}.
     *
     * @param properties the name, the version (null for latest) and the new values
     * @return the updated properties
     */
    SecretProperties updateSecretProperties(SecretProperties properties);

    /**
     * Lists the latest version of every secret, without values, in lazy pages. Requires
     * {@code secrets/readMetadata/action} ({@code list}). Audited as {@code SecretList} per page.
     *
     * @return the secrets' properties
     */
    PagedIterable<SecretProperties> listPropertiesOfSecrets();

    /**
     * Lists every version of one secret, without values, oldest first. Audited as {@code SecretListVersions}.
     *
     * @param name the name
     * @return the versions' properties (empty if the secret does not exist)
     */
    PagedIterable<SecretProperties> listPropertiesOfSecretVersions(String name);

    /**
     * Soft-deletes the secret with all its versions. Requires {@code secrets/delete} ({@code delete}).
     * Audited as {@code SecretDelete}.
     *
     * @param name the name
     * @return a poller, already complete, whose value is the deleted secret
     */
    SyncPoller<DeletedSecret, Void> beginDeleteSecret(String name);

    /**
     * Soft-deletes the secret: the plain form of {@link #beginDeleteSecret}.
     *
     * @param name the name
     * @return the deleted secret
     */
    DeletedSecret deleteSecret(String name);

    /**
     * Gets a deleted secret. Requires {@code secrets/readMetadata/action} ({@code get}). Audited as {@code SecretGetDeleted}.
     *
     * @param name the name
     * @return the deleted secret
     */
    DeletedSecret getDeletedSecret(String name);

    /**
     * Lists deleted secrets. Requires {@code secrets/readMetadata/action} ({@code list}). Audited as {@code SecretListDeleted}.
     *
     * @return the deleted secrets
     */
    PagedIterable<DeletedSecret> listDeletedSecrets();

    /**
     * Recovers a deleted secret with all its versions. Requires {@code secrets/recover/action}
     * ({@code recover}). Audited as {@code SecretRecover}.
     *
     * @param name the name
     * @return a poller, already complete, whose value is the recovered latest version's properties (no value:
     * recovering does not need the right to read values)
     */
    SyncPoller<KeyVaultSecret, Void> beginRecoverDeletedSecret(String name);

    /**
     * Recovers a deleted secret: the plain form of {@link #beginRecoverDeletedSecret}.
     *
     * @param name the name
     * @return the recovered latest version, without its value
     */
    KeyVaultSecret recoverDeletedSecret(String name);

    /**
     * Purges a deleted secret irreversibly. Requires {@code secrets/purge/action} ({@code purge},
     * which an access policy's {@code all} does not include). Refused under purge protection.
     * Audited as {@code SecretPurge}.
     *
     * @param name the name
     */
    void purgeDeletedSecret(String name);

    /**
     * Backs up every version as a sealed blob that restores only in this subscription and
     * geography. Requires {@code secrets/backup/action} ({@code backup}). Audited as {@code SecretBackup}.
     *
     * @param name the name
     * @return the blob
     */
    byte[] backupSecret(String name);

    /**
     * Restores a backup, every version with its id. Requires {@code secrets/restore/action}
     * ({@code restore}). Audited as {@code SecretRestore}.
     *
     * @param backup a blob from {@link #backupSecret}
     * @return the latest restored version, without its value
     * @throws dev.coffer.vault.BadParameterException if the blob is from another subscription or geography, altered, truncated or not a secret
     * @throws dev.coffer.vault.ConflictException     if the name exists, active or deleted
     */
    KeyVaultSecret restoreSecretBackup(byte[] backup);
}
