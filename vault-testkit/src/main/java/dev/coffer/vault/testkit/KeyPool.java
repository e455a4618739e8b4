package dev.coffer.vault.testkit;

import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyPairSource;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The testkit's pool of software key pairs generated ahead of use, so that creating an RSA key in a
 * test costs microseconds instead of a hundred milliseconds. It holds RSA 2048 and 3072 (public
 * exponent 65537) and every EC curve; RSA 4096 only after {@link #request(int)}. A low-priority
 * daemon thread keeps each kind topped up to a small bound.
 *
 * <p>This is the one documented exception to the testkit's "no shared mutable state": one pool per
 * JVM, because generating keys is what is expensive. It cannot couple tests: every pair is handed out
 * once ({@link BlockingQueue#poll()}), to one platform's provider, which wraps it under its own key like
 * a key it generated; no test can observe another's key. Fixtures use it by default, not in
 * deterministic mode (keys then follow the seed), and not when a test asks for fresh keys
 * ({@code @CofferTest(freshKeys = true)}).
 *
 * <p>HSM keys never come from here: the simulated HSM generates its keys inside the device.
 */
public final class KeyPool implements KeyPairSource {
    private static final KeyPool SHARED = new KeyPool(8, 4);

    private final Map<String, BlockingQueue<KeyPair>> ready = new ConcurrentHashMap<>();
    private final Map<String, KeyGenerationSpec> specs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final BouncyCastleProvider bc = new BouncyCastleProvider();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final int rsa3072Capacity;
    private final Object signal = new Object();
    private volatile Thread filler;

    private KeyPool(int capacity, int rsa3072Capacity) {
        this.rsa3072Capacity = rsa3072Capacity;
        add(KeyGenerationSpec.rsa(KeyType.RSA, 2048), capacity);
        add(KeyGenerationSpec.rsa(KeyType.RSA, 3072), rsa3072Capacity);
        for (KeyCurveName curve : KeyCurveName.values()) {
            add(KeyGenerationSpec.ec(KeyType.EC, curve), capacity);
        }
    }

    /** @return the JVM-wide pool; its filler thread starts on first use */
    public static KeyPool shared() {
        SHARED.start();
        return SHARED;
    }

    private synchronized void add(KeyGenerationSpec spec, int capacity) {
        String k = key(spec);
        if (!ready.containsKey(k)) {
            specs.put(k, spec);
            ready.put(k, new ArrayBlockingQueue<>(capacity));
        }
    }

    /**
     * Asks the pool to keep RSA keys of a size it does not keep by default (4096 is expensive, so only on request).
     *
     * @param rsaBits 2048, 3072 or 4096
     * @return this
     */
    public KeyPool request(int rsaBits) {
        add(KeyGenerationSpec.rsa(KeyType.RSA, rsaBits), rsa3072Capacity);
        wake();
        return this;
    }

    private static String key(KeyGenerationSpec spec) {
        String base = spec.keyType().toString().replace("-HSM", "");
        if (base.equals("EC")) {
            return "EC:" + spec.curve();
        }
        return base + ":" + spec.keySize() + ":" + spec.effectivePublicExponent();
    }

    @Override
    public Optional<KeyPair> take(KeyGenerationSpec spec) {
        BlockingQueue<KeyPair> q = ready.get(key(spec));
        KeyPair pair = q == null ? null : q.poll();
        if (pair == null) {
            misses.incrementAndGet();
        } else {
            hits.incrementAndGet();
        }
        wake();
        return Optional.ofNullable(pair);
    }

    /**
     * Waits until the pool has a pair of a kind, for tests of the pool itself.
     *
     * @param spec    the kind
     * @param timeout how long to wait
     * @return the pair, handed out to this caller only, or empty if none came in time
     * @throws InterruptedException if interrupted
     */
    public Optional<KeyPair> takeWaiting(KeyGenerationSpec spec, Duration timeout) throws InterruptedException {
        BlockingQueue<KeyPair> q = ready.get(key(spec));
        if (q == null) {
            return Optional.empty();
        }
        wake();
        KeyPair pair = q.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (pair != null) {
            hits.incrementAndGet();
        }
        return Optional.ofNullable(pair);
    }

    /** @return how many requests found a pair ready */
    public long hits() {
        return hits.get();
    }

    /** @return how many requests found none, so the provider generated the key itself */
    public long misses() {
        return misses.get();
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private synchronized void start() {
        if (filler != null) {
            return;
        }
        Thread t = new Thread(this::fill, "coffer-testkit-key-pool");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        filler = t;
        t.start();
    }

    private void fill() {
        while (true) {
            boolean generated = false;
            Map<String, KeyGenerationSpec> snapshot;
            synchronized (this) {
                snapshot = new LinkedHashMap<>(specs);
            }
            for (Map.Entry<String, KeyGenerationSpec> e : snapshot.entrySet()) {
                BlockingQueue<KeyPair> q = ready.get(e.getKey());
                if (q.remainingCapacity() > 0) {
                    q.offer(generate(e.getValue()));
                    generated = true;
                }
            }
            if (!generated) {
                synchronized (signal) {
                    try {
                        signal.wait(1_000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    private KeyPair generate(KeyGenerationSpec spec) {
        try {
            if (spec.curve() != null) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
                String name = switch (spec.curve().toString()) {
                    case "P-256" -> "secp256r1";
                    case "P-384" -> "secp384r1";
                    case "P-521" -> "secp521r1";
                    default -> "secp256k1";
                };
                g.initialize(new ECGenParameterSpec(name), random);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(spec.keySize(), spec.effectivePublicExponent()), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key pool could not generate " + key(spec), e);
        }
    }

    @Override
    public String toString() {
        return "KeyPool(hits=" + hits + ", misses=" + misses + ")";
    }
}
