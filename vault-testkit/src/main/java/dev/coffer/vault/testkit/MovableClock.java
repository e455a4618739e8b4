package dev.coffer.vault.testkit;

import dev.coffer.vault.CofferPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a test moves by hand. It starts at {@link #DEFAULT_START} (or a chosen instant), in
 * UTC, and stands still until {@link #advance(Duration)} or {@link #set(Instant)} moves it. Give it
 * to one platform with {@code Coffer.inMemory().clock(clock)}, then {@link #bindTo(CofferPlatform)
 * bind} it to that platform: from then on every move runs the platform's sweep, so soft-deleted
 * vaults and objects whose scheduled purge date has passed are purged (and the purge audited) as
 * the clock passes it, the way time passing in Azure purges them.
 *
 * <p>Thread-safe: the instant is held atomically, and a move made while another thread reads the
 * clock is seen whole or not at all. The extension and {@link CofferFixture} create and bind the
 * clock for you.
 *
 * <pre>{@code
 * MovableClock clock = new MovableClock();
 * CofferPlatform platform = Coffer.inMemory().clock(clock).build();
 * clock.bindTo(platform);
 * clock.advance(Duration.ofDays(91));   // deleted vaults with 90 days of retention are purged now
 * }</pre>
 */
public final class MovableClock extends Clock {

    /** Where a clock starts unless told otherwise: 2030-01-01T00:00:00Z, a fixed, readable instant. */
    public static final Instant DEFAULT_START = Instant.parse("2030-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final AtomicReference<CofferPlatform> platform = new AtomicReference<>();

    /** Creates a clock standing at {@link #DEFAULT_START}. */
    public MovableClock() {
        this(DEFAULT_START);
    }

    /**
     * Creates a clock standing at a chosen instant.
     *
     * @param start where the clock stands until moved
     */
    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Links this clock to the platform that reads it, so that each move runs that platform's sweep.
     * A clock belongs to one platform: a platform built with another clock, or a second platform,
     * is refused, because sweeping a platform that reads another time would purge on the wrong
     * dates. Binding the same platform again does nothing.
     *
     * @param target a platform built with {@code .clock(this)}
     * @return this clock
     * @throws IllegalArgumentException if {@code target} does not read this clock
     * @throws IllegalStateException    if this clock is already bound to another platform
     */
    public MovableClock bindTo(CofferPlatform target) {
        Objects.requireNonNull(target, "target");
        if (target.clock() != this) {
            throw new IllegalArgumentException("The platform " + target + " reads another clock (" + target.clock()
                    + "); build it with Coffer.inMemory().clock(thisClock) before binding.");
        }
        if (!platform.compareAndSet(null, target) && platform.get() != target) {
            throw new IllegalStateException("This clock already belongs to " + platform.get()
                    + "; a clock drives one platform. Create another MovableClock for " + target + ".");
        }
        return this;
    }

    /**
     * Moves the clock forward, then runs the bound platform's sweep.
     *
     * @param amount how far; zero is allowed (it just sweeps)
     * @return the new instant
     * @throws IllegalArgumentException if {@code amount} is negative: use {@link #set(Instant)} to go back
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance(" + amount + ") would move the clock back; use set(Instant) for that");
        }
        Instant moved = now.updateAndGet(t -> t.plus(amount));
        sweep();
        return moved;
    }

    /**
     * Puts the clock at an instant, then runs the bound platform's sweep. Going back is allowed
     * (to test not-yet-valid objects, for example) but undoes nothing: what was purged stays purged.
     *
     * @param instant the new time
     * @return the new instant
     */
    public Instant set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        sweep();
        return instant;
    }

    private void sweep() {
        // Outside any lock: the sweep reads this clock and may run while other threads read it too.
        CofferPlatform p = platform.get();
        if (p != null) {
            p.sweep();
        }
    }

    /** @return the platform this clock drives, or null before {@link #bindTo(CofferPlatform)} */
    public CofferPlatform boundPlatform() {
        return platform.get();
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    /** @return UTC, always */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * A view of this clock in another zone: it reads the same (movable) instant. The view cannot
     * move the clock.
     *
     * @param zone the zone
     * @return this clock if the zone is UTC, else a view
     */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        MovableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public String toString() {
                return source + " in " + zone;
            }
        };
    }

    @Override
    public String toString() {
        return "MovableClock[" + now.get() + "]";
    }
}
