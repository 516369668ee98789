package org.cortexlit.importing.eutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final FakeTime time = new FakeTime();

    private List<Instant> starts(RateLimiter limiter, int n) throws InterruptedException {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            limiter.acquire();
            starts.add(time.instant());
        }
        return starts;
    }

    @Test
    void threePerSecondSpacesStartsByAtLeastAThirdOfASecond() throws InterruptedException {
        List<Instant> starts = starts(new RateLimiter(3, time, time), 7);

        for (int i = 1; i < starts.size(); i++) {
            Duration gap = Duration.between(starts.get(i - 1), starts.get(i));
            assertTrue(gap.toNanos() * 3 >= 1_000_000_000L, "gap " + gap);
        }
        assertTrue(Duration.between(starts.get(0), starts.get(3)).compareTo(Duration.ofSeconds(1)) >= 0,
                "four starts span a full second");
    }

    @Test
    void tenPerSecondWithAKeySpacesStartsByATenth() throws InterruptedException {
        List<Instant> starts = starts(new RateLimiter(10, time, time), 11);

        assertEquals(Duration.ofSeconds(1), Duration.between(starts.get(0), starts.get(10)));
    }

    @Test
    void theFirstRequestAndOneAfterAPauseDoNotWait() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(3, time, time);
        limiter.acquire();
        time.advance(Duration.ofSeconds(2));
        limiter.acquire();

        assertTrue(time.sleeps().isEmpty(), "no waiting when the slot is already free: " + time.sleeps());
    }

    @Test
    void timeSpentOnTheRequestCountsTowardsTheGap() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(3, time, time);
        limiter.acquire();
        time.advance(Duration.ofMillis(300));
        limiter.acquire();

        assertEquals(List.of(Duration.ofNanos(33_333_334)), time.sleeps());
    }

    @Test
    void aPauseEarnsNoBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(3, time, time);
        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        List<Instant> starts = starts(limiter, 3);

        assertTrue(Duration.between(starts.get(0), starts.get(2)).toNanos() * 3 >= 2_000_000_000L,
                "NCBI counts per second, so idle time must not be saved up");
    }

    @Test
    void aRateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, time, time));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.NaN, time, time));
    }
}
