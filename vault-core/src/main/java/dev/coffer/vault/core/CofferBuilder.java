package dev.coffer.vault.core;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Ticker;
import dev.coffer.vault.audit.AuditSink;
import dev.coffer.vault.core.internal.pipeline.Stage;
import dev.coffer.vault.core.internal.pipeline.ThrottleStage;
import dev.coffer.vault.core.internal.platform.PlatformConfig;
import dev.coffer.vault.core.internal.platform.PlatformImpl;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.ProtectionLevel;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds a {@link CofferPlatform}. Each setting may be given once; a repeated or invalid setting
 * fails at once rather than at {@link #build()}. The strictest behaviour is the default: the only
 * loosening is fail-open auditing, which Azure itself has, and which {@link #failClosedAudit()}
 * tightens.
 */
public final class CofferBuilder {
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
    /** The default in-memory audit capacity. */
    public static final int DEFAULT_AUDIT_CAPACITY = 100_000;

    private Clock clock;
    private Ticker ticker;
    private SecureRandom random;
    private String tenantId;
    private byte[] rootKey;
    private Integer auditCapacity;
    private final List<AuditSink> sinks = new ArrayList<>();
    private boolean slf4jSink = true;
    private boolean failClosed;
    private ThrottlingPolicy throttling;
    private FaultInjector faults;
    private CryptoProvider hsmProvider;

    CofferBuilder() {
    }

    private static void once(Object current, String what) {
        if (current != null) {
            throw new IllegalStateException(what + " was already set");
        }
    }

    /**
     * @param clock the clock every timestamp and time decision reads (default: the system UTC clock)
     * @return this
     */
    public CofferBuilder clock(Clock clock) {
        once(this.clock, "clock");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param ticker the monotonic source for durations (default: {@link System#nanoTime()})
     * @return this
     */
    public CofferBuilder ticker(Ticker ticker) {
        once(this.ticker, "ticker");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    /**
     * @param random the randomness source for ids and keys (default: a new {@link SecureRandom})
     * @return this
     */
    public CofferBuilder random(SecureRandom random) {
        once(this.random, "random");
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * @param tenantId the directory's tenant id, a GUID (default: a random one)
     * @return this
     */
    public CofferBuilder tenantId(String tenantId) {
        once(this.tenantId, "tenantId");
        if (tenantId == null || !GUID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenantId must be a GUID, was '" + tenantId + "'");
        }
        this.tenantId = tenantId;
        return this;
    }

    /**
     * The platform root key that backup sealing keys and the software provider's key-encryption key
     * derive from. Two platforms with the same root key (and subscription ids) can restore each
     * other's backups. Default: a random key, so backups do not outlive the platform.
     *
     * @param key 32 bytes; copied
     * @return this
     */
    public CofferBuilder rootKey(byte[] key) {
        once(this.rootKey, "rootKey");
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the root key must be 32 bytes");
        }
        this.rootKey = key.clone();
        return this;
    }

    /**
     * @param capacity the most events the in-memory audit log keeps; older ones are dropped and
     *                 counted (default {@value #DEFAULT_AUDIT_CAPACITY})
     * @return this
     */
    public CofferBuilder auditCapacity(int capacity) {
        once(this.auditCapacity, "auditCapacity");
        if (capacity < 1) {
            throw new IllegalArgumentException("auditCapacity must be positive, was " + capacity);
        }
        this.auditCapacity = capacity;
        return this;
    }

    /**
     * Adds an audit sink. May be called several times.
     *
     * @param sink receives every event
     * @return this
     */
    public CofferBuilder auditSink(AuditSink sink) {
        sinks.add(Objects.requireNonNull(sink, "sink"));
        return this;
    }

    /**
     * Leaves out the default SLF4J sink (logger {@code dev.coffer.audit}).
     *
     * @return this
     */
    public CofferBuilder withoutSlf4jAuditSink() {
        this.slf4jSink = false;
        return this;
    }

    /**
     * Makes auditing fail-closed: before each call a request record goes to every sink, and the
     * call is refused (503, nothing changed) if any sink cannot take it.
     *
     * @return this
     */
    public CofferBuilder failClosedAudit() {
        this.failClosed = true;
        return this;
    }

    /**
     * Turns on throttling with the given limits (off by default: an in-process vault has no reason to
     * refuse work unless a test wants to see how code copes with Azure's limits).
     *
     * @param policy the limits, for example {@link ThrottlingPolicy#azure()}
     * @return this
     */
    public CofferBuilder throttling(ThrottlingPolicy policy) {
        once(this.throttling, "throttling");
        this.throttling = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Installs a fault injector, consulted by every call after it is authorized.
     *
     * @param injector the injector the test keeps to add faults
     * @return this
     */
    public CofferBuilder faultInjector(FaultInjector injector) {
        once(this.faults, "faultInjector");
        this.faults = Objects.requireNonNull(injector, "injector");
        return this;
    }

    /**
     * Names the HSM-level crypto provider that holds {@code RSA-HSM} and {@code EC-HSM} keys of Premium
     * vaults (the simulated HSM of vault-hsm-sim, or a real one). Without it such keys are refused with 400
     * {@code BadParameter}; software keys always use the built-in software provider, in either tier. A
     * provider is used only when named here, never because it is on the classpath.
     *
     * <pre>{@code
     * CofferPlatform platform = Coffer.inMemory().hsmProvider(myHsm).build();
     * }</pre>
     *
     * @param provider a provider whose {@link CryptoProvider#protectionLevel()} is {@link ProtectionLevel#HSM}
     *                 and whose id differs from the software provider's ({@code coffer-software})
     * @return this
     * @throws IllegalArgumentException if the provider reports another protection level or the software id
     */
    public CofferBuilder hsmProvider(CryptoProvider provider) {
        once(this.hsmProvider, "hsmProvider");
        Objects.requireNonNull(provider, "provider");
        if (provider.protectionLevel() != ProtectionLevel.HSM) {
            throw new IllegalArgumentException("hsmProvider must report ProtectionLevel.HSM, '" + provider.id()
                    + "' reports " + provider.protectionLevel());
        }
        if ("coffer-software".equals(provider.id())) {
            throw new IllegalArgumentException("hsmProvider needs an id of its own, not 'coffer-software'");
        }
        this.hsmProvider = provider;
        return this;
    }

    /** @return a new platform */
    public CofferPlatform build() {
        List<AuditSink> all = new ArrayList<>();
        if (slf4jSink) {
            all.add(AuditSinks.slf4j());
        }
        all.addAll(sinks);
        Clock c = clock != null ? clock : Clock.systemUTC();
        return new PlatformImpl(new PlatformConfig(
                c,
                ticker != null ? ticker : Ticker.system(),
                random != null ? random : new SecureRandom(),
                tenantId, rootKey,
                auditCapacity != null ? auditCapacity : DEFAULT_AUDIT_CAPACITY,
                all, failClosed,
                throttling != null ? new ThrottleStage(throttling, c) : Stage.PASS,
                faults != null ? new FaultStage(faults) : Stage.PASS, hsmProvider));
    }
}
