package dev.coffer.vault.hsm;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The secret that a family of simulated HSMs shares, as a Managed HSM's security domain: every partition's
 * master wrapping key and the key-exchange key for backups derive from it. Devices initialized with the same
 * domain open each other's references and restore each other's backups; any other device refuses them.
 *
 * <p>Immutable. {@link #toString()} shows only the public {@link #fingerprint()}.
 */
public final class SecurityDomain {

    /** The minimum secret length in bytes. */
    public static final int MIN_LENGTH = 32;

    private final byte[] secret;
    private final String fingerprint;

    private SecurityDomain(byte[] secret) {
        this.secret = secret;
        this.fingerprint = dev.coffer.vault.hsm.internal.Device.fingerprintOf(secret);
    }

    /**
     * A new random domain.
     *
     * @param random the random source
     * @return the domain
     */
    public static SecurityDomain generate(SecureRandom random) {
        byte[] secret = new byte[MIN_LENGTH];
        random.nextBytes(secret);
        return new SecurityDomain(secret);
    }

    /**
     * A domain from a secret the caller keeps (to recreate the same domain after a restart, or in another
     * JVM).
     *
     * @param secret at least 32 bytes; copied, so the caller may clear its array
     * @return the domain
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes
     */
    public static SecurityDomain of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a security domain secret needs at least " + MIN_LENGTH
                    + " bytes, was " + secret.length);
        }
        return new SecurityDomain(secret.clone());
    }

    /** @return a public identifier of the domain (16 hex digits), safe to log and compare */
    public String fingerprint() {
        return fingerprint;
    }

    /** The secret, for the device only; package-private so no caller outside reads it. */
    byte[] copySecret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityDomain that && java.security.MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "SecurityDomain[fingerprint=" + fingerprint + "]";
    }
}
