package org.cortexlit.importing.eutils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Spaces request starts at least {@code 1/rate} seconds apart. NCBI counts requests per second per key or
 * address and answers 429 (or blocks the tool) beyond that, so the spacing is strict, never a burst
 * allowance. Thread-safe: each caller reserves the next free slot, then waits for it outside the lock.
 */
public final class RateLimiter {

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextSlot;

    public RateLimiter(double requestsPerSecond, Clock clock, Sleeper sleeper) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + requestsPerSecond);
        }
        // Rounded up, so that spacing is never below 1/rate however the nanoseconds fall.
        this.interval = Duration.ofNanos((long) Math.ceil(1_000_000_000d / requestsPerSecond));
        this.clock = Objects.requireNonNull(clock);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    public Duration interval() {
        return interval;
    }

    /** Returns when the caller may start its request. */
    public void acquire() throws InterruptedException {
        Instant slot;
        synchronized (this) {
            Instant now = clock.instant();
            slot = nextSlot == null || now.isAfter(nextSlot) ? now : nextSlot;
            nextSlot = slot.plus(interval);
        }
        // A loop, because a real sleep may end a little early and a clock may be coarse.
        for (Duration wait = Duration.between(clock.instant(), slot); wait.compareTo(Duration.ZERO) > 0;
                wait = Duration.between(clock.instant(), slot)) {
            sleeper.sleep(wait);
        }
    }
}
