package dev.coffer.vault.hsm.internal;

import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ServiceUnavailableException;
import dev.coffer.vault.UnauthorizedException;
import dev.coffer.vault.hsm.LatencyModel;
import dev.coffer.vault.hsm.OperationClass;
import dev.coffer.vault.hsm.OperationCounters;
import dev.coffer.vault.hsm.Sleeper;
import dev.coffer.vault.keys.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one simulated device: its life cycle (uninitialized, initialized, active, tampered), the
 * online switch, the security domain and the partitions' master keys derived from it, the PIN, the
 * partitions' capacity and counters, and the attestation authority. {@code SimulatedHsm} is its public face.
 *
 * <p>Thread-safe: the life-cycle fields are guarded by {@code this}; the hot path ({@link #enter}) reads
 * volatile fields only.
 */
public final class Device {

    private static final Logger LOG = LoggerFactory.getLogger("dev.coffer.vault.hsm.SimulatedHsm");
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Pattern PARTITION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
    private static final int MIN_PIN_LENGTH = 4;
    /** As PKCS#11 tokens do (CKF_USER_PIN_LOCKED), a run of wrong PINs locks activation. */
    static final int MAX_PIN_FAILURES = 5;

    /** The life cycle. A closed, internal set. */
    public enum State {
        /** No security domain yet: {@code initialize} first. */
        UNINITIALIZED,
        /** Initialized, not logged in: {@code activate} with the PIN. */
        INACTIVE,
        /** Logged in: operations run. */
        ACTIVE,
        /** Tampered: every partition zeroized until {@code initialize} restores a security domain. */
        TAMPERED
    }

    private final SecureRandom random;
    private final Clock clock;
    private final LatencyModel latency;
    private final Sleeper sleeper;
    private final int maxKeysPerPartition;
    private final boolean fips;
    private final boolean acceptSoftwareNames;
    private final String deviceId;

    private volatile State state = State.UNINITIALIZED;
    private volatile boolean offline;
    private byte[] domainKey;
    private volatile String domainFingerprint;
    private byte[] pinSalt;
    private byte[] pinHash;
    private int pinFailures;
    private volatile byte[] keyExchangeKey;
    private volatile AttestationAuthority authority;

    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final Map<String, HsmCryptoProvider> providers = new ConcurrentHashMap<>();

    /**
     * @param random              the device's random source
     * @param clock               the clock for attestation times and certificate validity
     * @param latency             the latency model
     * @param sleeper             how latency is waited out
     * @param maxKeysPerPartition the capacity of each partition, 0 for unlimited
     * @param fips                the FIPS-like mode
     * @param acceptSoftwareNames accept RSA, EC and oct as aliases of the -HSM types
     */
    public Device(SecureRandom random, Clock clock, LatencyModel latency, Sleeper sleeper, int maxKeysPerPartition,
                  boolean fips, boolean acceptSoftwareNames) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.maxKeysPerPartition = maxKeysPerPartition;
        this.fips = fips;
        this.acceptSoftwareNames = acceptSoftwareNames;
        byte[] id = new byte[8];
        random.nextBytes(id);
        this.deviceId = "sim-" + HexFormat.of().formatHex(id);
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("Coffer's HSM is a SIMULATOR (hsmPlatform \"coffer-sim\"): its keys live in JVM memory, "
                    + "not in certified hardware. Use it for development and tests only.");
        }
    }

    // ------------------------------------------------------------------ life cycle

    /**
     * Installs a security domain and the PIN, leaving the device initialized but not active. On a
     * tampered device this is the recovery: with the same domain every earlier reference works again.
     */
    public synchronized void initialize(byte[] domainSecret, char[] pin) {
        Objects.requireNonNull(domainSecret, "domainSecret");
        Objects.requireNonNull(pin, "pin");
        if (pin.length < MIN_PIN_LENGTH) {
            throw new IllegalArgumentException("the PIN needs at least " + MIN_PIN_LENGTH + " characters");
        }
        if (state == State.INACTIVE || state == State.ACTIVE) {
            throw new IllegalStateException("the simulated HSM is already initialized; tamper() or a new device "
                    + "is needed to install another security domain");
        }
        zeroize();
        domainKey = Hkdf.derive(domainSecret, null, ascii("coffer/hsm-sim/domain/v1"), 32);
        domainFingerprint = fingerprintOf(domainSecret);
        pinSalt = new byte[16];
        random.nextBytes(pinSalt);
        pinHash = pinHash(pinSalt, pin);
        pinFailures = 0;
        state = State.INACTIVE;
    }

    /** Logs in with the PIN. */
    public synchronized void activate(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        if (state == State.UNINITIALIZED || state == State.TAMPERED) {
            throw unavailable("HsmNotInitialized", "The simulated HSM " + deviceId + " is " + describe(state)
                    + "; initialize it with its security domain and a PIN before activating it.");
        }
        if (pinFailures >= MAX_PIN_FAILURES) {
            throw new UnauthorizedException("Unauthorized", "HsmPinLocked", "The simulated HSM's PIN is locked after "
                    + MAX_PIN_FAILURES + " wrong attempts; re-initialize the device with its security domain.");
        }
        byte[] given = pinHash(pinSalt, pin);
        if (!MessageDigest.isEqual(given, pinHash)) {
            pinFailures++;
            throw new UnauthorizedException("Unauthorized", "HsmLoginFailed",
                    "The PIN is not the simulated HSM's PIN (" + (MAX_PIN_FAILURES - pinFailures)
                            + " attempts left before it locks).");
        }
        pinFailures = 0;
        state = State.ACTIVE;
    }

    /** Logs out; nothing is lost. */
    public synchronized void deactivate() {
        if (state == State.ACTIVE) {
            state = State.INACTIVE;
        }
    }

    /** Takes the device off line (503 on every operation) without losing anything. */
    public void takeOffline() {
        offline = true;
    }

    /** Brings the device back on line. */
    public void bringOnline() {
        offline = false;
    }

    /**
     * Simulates a tamper event: the device zeroizes its security domain, every partition's master key and
     * the attestation keys. Stored references survive but fail until the domain is restored.
     */
    public synchronized void tamper() {
        zeroize();
        state = State.TAMPERED;
        LOG.warn("Simulated HSM {} was tampered with and zeroized every partition.", deviceId);
    }

    private void zeroize() {
        if (domainKey != null) {
            Arrays.fill(domainKey, (byte) 0);
        }
        domainKey = null;
        byte[] kex = keyExchangeKey;
        if (kex != null) {
            Arrays.fill(kex, (byte) 0);
        }
        keyExchangeKey = null;
        for (Partition partition : partitions.values()) {
            partition.zeroize();
        }
        authority = null;
    }

    /** @return the life-cycle state */
    public State state() {
        return state;
    }

    /** @return true while off line */
    public boolean offline() {
        return offline;
    }

    /** @return the device's public identifier */
    public String deviceId() {
        return deviceId;
    }

    /** @return the fingerprint of the installed security domain, or null */
    public String domainFingerprint() {
        return domainFingerprint;
    }

    boolean fips() {
        return fips;
    }

    boolean acceptSoftwareNames() {
        return acceptSoftwareNames;
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ the gate

    /**
     * Checks that the device can serve an operation, then waits out its simulated latency.
     *
     * @throws ServiceUnavailableException when off line, not initialized, not active or tampered
     */
    void enter(OperationClass operation, KeyType keyType, int keySize) {
        if (offline) {
            throw unavailable("HsmOffline", "The simulated HSM " + deviceId + " is offline; the operation was not "
                    + "run and nothing was lost. Bring it online to continue.");
        }
        State current = state;
        if (current != State.ACTIVE) {
            throw unavailable(current == State.TAMPERED ? "HsmTampered" : "HsmNotActive", "The simulated HSM "
                    + deviceId + " is " + describe(current) + "; the operation was not run.");
        }
        Duration wait = latency.latency(operation, keyType, keySize);
        if (wait != null && !wait.isZero() && !wait.isNegative()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("HsmInterrupted", "The operation was interrupted while the simulated HSM was busy.");
            }
        }
    }

    private static String describe(State state) {
        switch (state) {
            case UNINITIALIZED:
                return "not initialized (no security domain)";
            case INACTIVE:
                return "not activated: call activate(pin) first";
            case TAMPERED:
                return "tampered and has zeroized every partition; its keys cannot be used until it is "
                        + "re-initialized with its security domain";
            default:
                return "active";
        }
    }

    static ServiceUnavailableException unavailable(String inner, String message) {
        return new ServiceUnavailableException("ServiceUnavailable", inner, message);
    }

    // ------------------------------------------------------------------ keys of the domain

    /** The partition's master wrapping key, derived from the domain at first use. */
    byte[] partitionKey(String partitionId) {
        Partition partition = partition(partitionId);
        byte[] key = partition.masterKey;
        if (key != null) {
            return key;
        }
        synchronized (this) {
            if (partition.masterKey == null) {
                partition.masterKey = Hkdf.derive(requireDomain(), null,
                        ascii("coffer/hsm-sim/partition/v1\0" + partitionId), 32);
            }
            return partition.masterKey;
        }
    }

    /** The key-exchange key that protects backups between devices of the same domain. */
    byte[] keyExchangeKey() {
        byte[] key = keyExchangeKey;
        if (key != null) {
            return key;
        }
        synchronized (this) {
            if (keyExchangeKey == null) {
                keyExchangeKey = Hkdf.derive(requireDomain(), null, ascii("coffer/hsm-sim/key-exchange/v1"), 32);
            }
            return keyExchangeKey;
        }
    }

    private byte[] requireDomain() {
        if (domainKey == null) {
            throw unavailable(state == State.TAMPERED ? "HsmTampered" : "HsmNotInitialized",
                    "The simulated HSM " + deviceId + " is " + describe(state) + ".");
        }
        return domainKey;
    }

    /** The attestation authority, made at first use. */
    AttestationAuthority authority() {
        AttestationAuthority current = authority;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            requireDomain();
            if (authority == null) {
                authority = AttestationAuthority.create(deviceId, random, clock);
            }
            return authority;
        }
    }

    /** @return the public fingerprint of a domain secret: HKDF-derived, so it reveals nothing of the secret */
    public static String fingerprintOf(byte[] domainSecret) {
        return HexFormat.of().formatHex(Hkdf.derive(domainSecret, null,
                ascii("coffer/hsm-sim/domain-fingerprint/v1"), 8));
    }

    // ------------------------------------------------------------------ partitions

    /** @return the provider for a partition; one instance per partition */
    public HsmCryptoProvider provider(String partitionId) {
        requirePartitionId(partitionId);
        return providers.computeIfAbsent(partitionId, id -> new HsmCryptoProvider(this, new PartitionEngine(this, id)));
    }

    static void requirePartitionId(String partitionId) {
        Objects.requireNonNull(partitionId, "partitionId");
        if (!PARTITION_ID.matcher(partitionId).matches()) {
            throw new IllegalArgumentException("a partition id is 1-63 letters, digits and '-', starting with a "
                    + "letter or digit; was '" + partitionId + "'");
        }
    }

    Partition partition(String partitionId) {
        return partitions.computeIfAbsent(partitionId, Partition::new);
    }

    /** Records a new key object in its partition, refusing it when the partition is full. */
    void reserve(String partitionId, String objectId) {
        Partition partition = partition(partitionId);
        synchronized (partition) {
            if (maxKeysPerPartition > 0 && partition.liveKeys.size() >= maxKeysPerPartition) {
                throw new ConflictException("Conflict", "HsmPartitionFull", "Partition '" + partitionId
                        + "' of the simulated HSM holds its maximum of " + maxKeysPerPartition
                        + " keys; destroy (purge) a key before creating or importing another.");
            }
            partition.liveKeys.add(objectId);
        }
    }

    void release(String partitionId, String objectId) {
        Partition partition = partition(partitionId);
        synchronized (partition) {
            partition.liveKeys.remove(objectId);
        }
    }

    /** @return how many keys the device instance holds in a partition */
    public int keyCount(String partitionId) {
        Partition partition = partitions.get(partitionId);
        if (partition == null) {
            return 0;
        }
        synchronized (partition) {
            return partition.liveKeys.size();
        }
    }

    void count(String partitionId, String objectId, OperationClass operation) {
        Partition partition = partition(partitionId);
        partition.counters.computeIfAbsent(operation, o -> new LongAdder()).increment();
        if (objectId != null) {
            partition.keyCounters.computeIfAbsent(objectId, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(operation, o -> new LongAdder()).increment();
        }
    }

    /** @return a snapshot of a partition's counters */
    public OperationCounters counters(String partitionId) {
        Partition partition = partitions.get(partitionId);
        return partition == null ? new OperationCounters(Map.of()) : snapshot(partition.counters);
    }

    /** @return a snapshot of one key's counters */
    public OperationCounters keyCounters(String partitionId, String objectId) {
        Partition partition = partitions.get(partitionId);
        Map<OperationClass, LongAdder> counters = partition == null ? null : partition.keyCounters.get(objectId);
        return counters == null ? new OperationCounters(Map.of()) : snapshot(counters);
    }

    private static OperationCounters snapshot(Map<OperationClass, LongAdder> counters) {
        Map<OperationClass, Long> copy = new EnumMap<>(OperationClass.class);
        counters.forEach((operation, adder) -> copy.put(operation, adder.sum()));
        return new OperationCounters(copy);
    }

    /** @return the ids of the partitions used so far */
    public Set<String> partitionIds() {
        return Set.copyOf(partitions.keySet());
    }

    // ------------------------------------------------------------------ attestation

    /**
     * Attests a key of any partition of this device: authenticates the reference, then signs a statement of
     * its origin, attributes and public key with the device's attestation key.
     */
    public dev.coffer.vault.hsm.KeyAttestation attest(dev.coffer.vault.spi.KeyReference key) {
        Objects.requireNonNull(key, "key");
        enter(OperationClass.ATTEST, key.keyType(), key.keySize());
        String partitionId = HsmCryptoProvider.partitionOf(key);
        if (partitionId == null || !PARTITION_ID.matcher(partitionId).matches()) {
            throw CryptoEngine.bad("The key reference is not a reference of the simulated HSM.");
        }
        PartitionEngine engine = provider(partitionId).engine();
        dev.coffer.vault.hsm.HsmKeyAttributes attributes = engine.attributes(key);
        dev.coffer.vault.keys.JsonWebKey jwk = engine.publicKey(key);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        StringBuilder json = new StringBuilder(512).append('{');
        member(json, "format", dev.coffer.vault.hsm.KeyAttestation.FORMAT).append(',');
        json.append("\"simulated\":true,");
        member(json, "hsmPlatform", attributes.hsmPlatform()).append(',');
        member(json, "deviceId", deviceId).append(',');
        member(json, "securityDomain", domainFingerprint).append(',');
        member(json, "partition", partitionId).append(',');
        member(json, "keyId", attributes.keyId()).append(',');
        member(json, "providerId", key.providerId()).append(',');
        member(json, "kty", key.keyType().toString()).append(',');
        json.append("\"keySize\":").append(key.keySize()).append(',');
        if (key.curve() != null) {
            member(json, "crv", key.curve().toString()).append(',');
        }
        member(json, "origin", attributes.origin()).append(',');
        json.append("\"exportable\":false,");
        json.append("\"attributes\":{\"sensitive\":").append(attributes.sensitive())
                .append(",\"extractable\":").append(attributes.extractable())
                .append(",\"neverExtractable\":").append(attributes.neverExtractable())
                .append(",\"alwaysSensitive\":").append(attributes.alwaysSensitive())
                .append(",\"local\":").append(attributes.local()).append("},");
        json.append("\"publicKey\":{");
        member(json, "kty", jwk.getKeyType().toString());
        if (jwk.getN() != null) {
            json.append(',');
            member(json, "n", b64.encodeToString(jwk.getN())).append(',');
            member(json, "e", b64.encodeToString(jwk.getE()));
        }
        if (jwk.getX() != null) {
            json.append(',');
            member(json, "crv", jwk.getCurveName().toString()).append(',');
            member(json, "x", b64.encodeToString(jwk.getX())).append(',');
            member(json, "y", b64.encodeToString(jwk.getY()));
        }
        json.append("},");
        member(json, "issuedAt", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        json.append('}');
        dev.coffer.vault.hsm.KeyAttestation attestation = authority().sign(json.toString());
        count(partitionId, attributes.keyId(), OperationClass.ATTEST);
        return attestation;
    }

    /** @return the device's simulated root CA certificate, made at first use */
    public java.security.cert.X509Certificate attestationRoot() {
        enter(OperationClass.ATTEST, null, 0);
        return authority().root();
    }

    private static StringBuilder member(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    private static byte[] pinHash(byte[] salt, char[] pin) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            // Encode from the char[] directly: a String copy of the PIN could not be cleared.
            java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pin));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            digest.update(array);
            Arrays.fill(array, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One partition: its master key (derived lazily), its key objects and its counters. */
    static final class Partition {
        final String id;
        volatile byte[] masterKey;
        final Set<String> liveKeys = new java.util.HashSet<>();
        final Map<OperationClass, LongAdder> counters = new ConcurrentHashMap<>();
        final Map<String, Map<OperationClass, LongAdder>> keyCounters = new ConcurrentHashMap<>();

        Partition(String id) {
            this.id = id;
        }

        void zeroize() {
            byte[] key = masterKey;
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            masterKey = null;
        }
    }
}
