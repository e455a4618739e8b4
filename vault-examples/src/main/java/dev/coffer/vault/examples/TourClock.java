package dev.coffer.vault.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the tour moves by hand, so it can show what happens when retention periods pass without
 * waiting for them. (Tests use the testkit's MovableClock, which also runs the sweep.)
 */
final class TourClock extends Clock {
    private volatile Instant now;

    TourClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tour clock is UTC only");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
