package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ResourceNotFoundException;

/**
 * The three object types of a vault, with the URL segments, error codes and messages that differ
 * between them. Everything else about their lifecycle is shared.
 */
public enum ObjectKind {
    /** Secrets. */
    SECRET("secrets", "deletedsecrets", "Secret", "secret", "SecretNotFound"),
    /** Keys. */
    KEY("keys", "deletedkeys", "Key", "key", "KeyNotFound"),
    /** Certificates. */
    CERTIFICATE("certificates", "deletedcertificates", "Certificate", "certificate", "CertificateNotFound");

    private final String collection;
    private final String deletedCollection;
    private final String title;
    private final String noun;
    private final String notFoundCode;

    ObjectKind(String collection, String deletedCollection, String title, String noun, String notFoundCode) {
        this.collection = collection;
        this.deletedCollection = deletedCollection;
        this.title = title;
        this.noun = noun;
        this.notFoundCode = notFoundCode;
    }

    /** @return the URL and scope segment, such as {@code secrets} */
    public String collection() {
        return collection;
    }

    /** @return the deleted objects' URL segment, such as {@code deletedsecrets} */
    public String deletedCollection() {
        return deletedCollection;
    }

    /** @return the capitalized noun, such as {@code Secret} */
    public String title() {
        return title;
    }

    /**
     * @param name the object name
     * @return Key Vault's 404 for a missing object
     */
    public ResourceNotFoundException notFound(String name) {
        if (this == CERTIFICATE) {
            return new ResourceNotFoundException(notFoundCode, null, "Certificate not found: " + name);
        }
        return new ResourceNotFoundException(notFoundCode, null, "A " + noun + " with (name/id) " + name
                + " was not found in this key vault. If you recently deleted this " + noun + " you may be able to recover "
                + "it using the correct recovery command. For help resolving this issue, please see "
                + "https://go.microsoft.com/fwlink/?linkid=2125182");
    }

    /**
     * @param name    the object name
     * @param version the version asked for
     * @return Key Vault's 404 for a missing version
     */
    public ResourceNotFoundException versionNotFound(String name, String version) {
        return notFound(name + "/" + version);
    }

    /**
     * @param name the object name
     * @return Key Vault's 404 for a missing deleted object
     */
    public ResourceNotFoundException deletedNotFound(String name) {
        return new ResourceNotFoundException(notFoundCode, null, "Deleted " + title + " not found: " + name);
    }

    /**
     * @param name the object name
     * @return Key Vault's 409 for a name held by a deleted object
     */
    public ConflictException deletedButRecoverable(String name) {
        return new ConflictException("Conflict", "ObjectIsDeletedButRecoverable", title + " " + name
                + " is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the "
                + noun + " can only be recovered or purged.");
    }

    /**
     * @param name the object name
     * @return Key Vault's 409 for a name whose object is being recovered
     */
    public ConflictException beingRecovered(String name) {
        return new ConflictException("Conflict", "ObjectIsBeingRecovered", title + " " + name
                + " is currently being recovered and cannot be re-created; retry later.");
    }

    /**
     * @param name the object name
     * @return Key Vault's 409 for concurrent recovers
     */
    public ConflictException recoverConflict(String name) {
        return new ConflictException("Conflict", null, "There was a conflict while recovering the soft-deleted " + noun
                + " '" + name + "'. This can happen when multiple operations are performed in parallel against the "
                + "soft-deleted " + noun + "; retry the operation.");
    }

    /**
     * @return Key Vault's 409 for a restore onto a name in use
     */
    public ConflictException restoreConflict() {
        return new ConflictException("Conflict", null, "There was a conflict restoring the " + noun + ". This can happen if "
                + "a " + noun + " with the same name already exists, or was deleted and is still recoverable, in the target "
                + "vault: recover or purge it, or restore into another vault.");
    }

    /** @return the lower-case noun, such as {@code secret} */
    public String noun() {
        return noun;
    }
}
