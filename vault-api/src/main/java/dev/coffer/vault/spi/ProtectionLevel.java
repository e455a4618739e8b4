package dev.coffer.vault.spi;

/**
 * Where a provider keeps private key material. A closed set, so a real enum.
 */
public enum ProtectionLevel {
    /** Key material is protected in software, under a key-encryption key held by the JVM. */
    SOFTWARE,
    /** Key material is protected by a hardware security module (real or simulated; a simulation says so). */
    HSM
}
