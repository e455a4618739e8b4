package dev.coffer.vault.hsm;

/**
 * The classes of device operation that the simulator times, counts and weighs for throttling. A closed set
 * that the device itself defines, so a real enum.
 */
public enum OperationClass {
    /** Generating a key inside the device. */
    CREATE,
    /** Importing a private key into the device. */
    IMPORT,
    /** Reading a key's public part or attributes. */
    GET,
    /** Signing a digest. */
    SIGN,
    /** Verifying a signature, with a stored or a bare public key. */
    VERIFY,
    /** Encrypting, with a stored or a bare public key. */
    ENCRYPT,
    /** Decrypting. */
    DECRYPT,
    /** Wrapping key material, with a stored or a bare public key. */
    WRAP,
    /** Unwrapping key material. */
    UNWRAP,
    /** Exporting a key wrapped for backup. */
    BACKUP,
    /** Importing a key from a backup. */
    RESTORE,
    /** Destroying a key on purge. */
    DESTROY,
    /** Producing a key attestation. */
    ATTEST;

    /** @return true for the operations that put a new key into the device (Key Vault's "CREATE" row) */
    public boolean createsKey() {
        return this == CREATE || this == IMPORT || this == RESTORE;
    }
}
