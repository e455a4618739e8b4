package dev.coffer.vault.hsm;

import dev.coffer.vault.hsm.internal.Device;
import dev.coffer.vault.hsm.internal.HsmCryptoProvider;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyReference;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated hardware security module: partitions (one {@link CryptoProvider} each) whose keys are
 * sensitive and never extractable, a {@link SecurityDomain} that their master keys derive from, login with a
 * PIN, key attestation, and switches for faults (off line, tamper), latency and capacity.
 *
 * <p><b>A simulator, not a security boundary.</b> Its keys live in JVM memory; it logs a warning once, and
 * every key says {@code hsmPlatform} {@value HsmKeyAttributes#PLATFORM}. It models what code above an HSM
 * has to handle, so that code can be tested without hardware.
 *
 * <pre>{@code
 * SimulatedHsm hsm = SimulatedHsm.builder().build();
 * hsm.initialize(SecurityDomain.generate(new SecureRandom()), pin);
 * hsm.activate(pin);
 * CryptoProvider provider = hsm.provider();   // the "default" partition, which Premium vaults share
 * }</pre>
 *
 * <p>Until {@link #activate(char[])} succeeds, after {@link #deactivate()}, while {@link #takeOffline() off
 * line} and after {@link #tamper()}, every provider operation throws
 * {@link dev.coffer.vault.ServiceUnavailableException} (503) and changes nothing. Thread-safe.
 */
public final class SimulatedHsm {

    /** The partition {@link #provider()} serves. */
    public static final String DEFAULT_PARTITION = "default";

    /** The provider id recorded in every reference the simulator makes. */
    public static final String PROVIDER_ID = "coffer-hsm-sim";

    private final Device device;

    private SimulatedHsm(Device device) {
        this.device = device;
    }

    /** @return a builder with every option off: no latency, no capacity limit, no FIPS mode */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ life cycle

    /**
     * Installs the security domain and the PIN (PKCS#11's C_InitToken). The device is then initialized but
     * not active. On a {@link #tamper() tampered} device this is the recovery: with the same domain every
     * earlier reference works again.
     *
     * @param domain the security domain
     * @param pin    the PIN that {@link #activate(char[])} will need, at least 4 characters; not kept
     * @throws IllegalStateException    if the device is already initialized and not tampered
     * @throws IllegalArgumentException if the PIN is too short
     */
    public void initialize(SecurityDomain domain, char[] pin) {
        Objects.requireNonNull(domain, "domain");
        byte[] secret = domain.copySecret();
        try {
            device.initialize(secret, pin);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Logs in (PKCS#11's C_Login): operations run afterwards. Five wrong PINs in a row lock the device until
     * it is initialized again.
     *
     * @param pin the PIN given to {@link #initialize}
     * @throws dev.coffer.vault.UnauthorizedException       (401) for a wrong or locked PIN
     * @throws dev.coffer.vault.ServiceUnavailableException (503) if the device is not initialized
     */
    public void activate(char[] pin) {
        device.activate(pin);
    }

    /** Logs out: operations fail with 503 until the next {@link #activate(char[])}; nothing is lost. */
    public void deactivate() {
        device.deactivate();
    }

    /** Takes the device off line: operations fail with 503, nothing is lost. */
    public void takeOffline() {
        device.takeOffline();
    }

    /** Brings the device back on line. */
    public void bringOnline() {
        device.bringOnline();
    }

    /**
     * Simulates a tamper response: the device zeroizes its security domain, every partition's master key
     * and its attestation keys. References stored elsewhere survive, but every operation fails (503, saying
     * the device was tampered and zeroized) until {@link #initialize} installs the domain again.
     */
    public void tamper() {
        device.tamper();
    }

    /** @return true between {@link #activate} and {@link #deactivate}, and not tampered */
    public boolean isActive() {
        return device.state() == Device.State.ACTIVE;
    }

    /** @return true after {@link #tamper()} until the next {@link #initialize} */
    public boolean isTampered() {
        return device.state() == Device.State.TAMPERED;
    }

    /** @return true while off line */
    public boolean isOffline() {
        return device.offline();
    }

    /** @return the device's public identifier, as in its attestation certificates */
    public String deviceId() {
        return device.deviceId();
    }

    /** @return the installed security domain's fingerprint, or null before initialization */
    public String securityDomainFingerprint() {
        return device.domainFingerprint();
    }

    // ------------------------------------------------------------------ partitions and providers

    /** @return the provider of the {@value #DEFAULT_PARTITION} partition */
    public CryptoProvider provider() {
        return provider(DEFAULT_PARTITION);
    }

    /**
     * The provider of a partition, made at first use (its master key is derived at its first key operation).
     * A provider refuses references of other partitions (400), as a PKCS#11 session sees only its slot.
     *
     * @param partitionId 1 to 63 letters, digits and '-', such as a vault name
     * @return the partition's provider; the same instance on every call
     * @throws IllegalArgumentException if the id is malformed
     */
    public CryptoProvider provider(String partitionId) {
        return device.provider(partitionId);
    }

    /** @return the ids of the partitions used so far */
    public Set<String> partitions() {
        return device.partitionIds();
    }

    // ------------------------------------------------------------------ keys

    /**
     * Reads a key's PKCS#11-style attributes (a GET operation: gated and counted).
     *
     * @param key a reference of any partition of this device
     * @return the attributes, with {@code hsmPlatform} {@value HsmKeyAttributes#PLATFORM}
     * @throws dev.coffer.vault.BadParameterException if the reference is not authentic
     */
    public HsmKeyAttributes attributes(KeyReference key) {
        return partitionProvider(key).attributes(key);
    }

    /**
     * Attests a key: a statement of its origin, attributes and public key, signed by the device's
     * attestation key, with the certificate chain up to the device's simulated root CA.
     *
     * @param key a reference of any partition of this device
     * @return the attestation
     * @throws dev.coffer.vault.BadParameterException       if the reference is not authentic
     * @throws dev.coffer.vault.ServiceUnavailableException if the device cannot serve
     */
    public KeyAttestation attest(KeyReference key) {
        return device.attest(key);
    }

    /**
     * The device's simulated root CA certificate, to pin as the trust anchor of its attestations. Made at
     * first use; a tamper discards it.
     *
     * @return the root certificate
     */
    public X509Certificate attestationRoot() {
        return device.attestationRoot();
    }

    /**
     * What an operation on a key costs against Key Vault's key-transaction budget.
     *
     * @param operation the operation
     * @param key       the key
     * @return the weight
     */
    public ThrottleWeight weightClass(OperationClass operation, KeyReference key) {
        Objects.requireNonNull(key, "key");
        return ThrottleWeight.of(operation, key.keyType(), key.keySize());
    }

    // ------------------------------------------------------------------ counters

    /**
     * @param partitionId a partition
     * @return how many operations of each class succeeded in it
     */
    public OperationCounters counters(String partitionId) {
        return device.counters(partitionId);
    }

    /**
     * @param key a key
     * @return how many operations of each class succeeded with it
     */
    public OperationCounters counters(KeyReference key) {
        Objects.requireNonNull(key, "key");
        String partition = HsmCryptoProvider.partitionOf(key);
        String objectId = HsmCryptoProvider.objectId(key);
        return partition == null ? new OperationCounters(java.util.Map.of()) : device.keyCounters(partition, objectId);
    }

    /**
     * @param partitionId a partition
     * @return how many keys this device instance created, imported or restored there and has not destroyed
     */
    public int keyCount(String partitionId) {
        return device.keyCount(partitionId);
    }

    private HsmCryptoProvider partitionProvider(KeyReference key) {
        Objects.requireNonNull(key, "key");
        String partition = HsmCryptoProvider.partitionOf(key);
        if (partition == null) {
            throw new dev.coffer.vault.BadParameterException("BadParameter", null,
                    "The key reference is not a reference of the simulated HSM.");
        }
        try {
            return device.provider(partition);
        } catch (IllegalArgumentException e) {
            throw new dev.coffer.vault.BadParameterException("BadParameter", null,
                    "The key reference names no valid partition of the simulated HSM.");
        }
    }

    @Override
    public String toString() {
        return "SimulatedHsm[" + device.deviceId() + ", " + device.state() + (device.offline() ? ", offline" : "")
                + "]";
    }

    /**
     * Options of a device. Every option is off by default; each setter may be called once.
     */
    public static final class Builder {
        private SecureRandom random;
        private Clock clock;
        private LatencyModel latency;
        private Sleeper sleeper;
        private Integer maxKeysPerPartition;
        private boolean fips;
        private boolean acceptSoftwareNames;

        private Builder() {
        }

        /**
         * @param random the source of every random value; default a new {@link SecureRandom}
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = once(this.random, Objects.requireNonNull(random, "random"), "random");
            return this;
        }

        /**
         * @param clock the clock for attestation times and certificate validity; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, Objects.requireNonNull(clock, "clock"), "clock");
            return this;
        }

        /**
         * @param latency the simulated duration of each operation; default {@link LatencyModel#none()}
         * @return this builder
         */
        public Builder latency(LatencyModel latency) {
            this.latency = once(this.latency, Objects.requireNonNull(latency, "latency"), "latency");
            return this;
        }

        /**
         * @param sleeper how latency is waited out; default {@link Sleeper#THREAD_SLEEP}
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = once(this.sleeper, Objects.requireNonNull(sleeper, "sleeper"), "sleeper");
            return this;
        }

        /**
         * Limits how many keys each partition holds; a create, import or restore beyond it fails with 409.
         *
         * @param max a positive limit
         * @return this builder
         */
        public Builder maxKeysPerPartition(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxKeysPerPartition must be positive, was " + max);
            }
            this.maxKeysPerPartition = once(this.maxKeysPerPartition, max, "maxKeysPerPartition");
            return this;
        }

        /**
         * The FIPS-like mode: refuses RSA1_5 encryption and wrap, RSA public exponents below 65537, and the
         * P-256K curve (see docs/HSM.md), and declares only what remains.
         *
         * @return this builder
         */
        public Builder fipsMode() {
            this.fips = true;
            return this;
        }

        /**
         * Also accepts the software type names {@code RSA}, {@code EC} and {@code oct} as aliases of the
         * {@code -HSM} types (the keys are still held by the device, at protection level HSM). Off by
         * default: a Premium vault routes only {@code -HSM} keys here. The Wycheproof runner needs it,
         * because its vectors name the software types.
         *
         * @return this builder
         */
        public Builder acceptSoftwareKeyTypeNames() {
            this.acceptSoftwareNames = true;
            return this;
        }

        /** @return a new device, not yet initialized */
        public SimulatedHsm build() {
            return new SimulatedHsm(new Device(random == null ? new SecureRandom() : random,
                    clock == null ? Clock.systemUTC() : clock, latency == null ? LatencyModel.none() : latency,
                    sleeper == null ? Sleeper.THREAD_SLEEP : sleeper,
                    maxKeysPerPartition == null ? 0 : maxKeysPerPartition, fips, acceptSoftwareNames));
        }

        private static <T> T once(T current, T value, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
            return value;
        }
    }
}
