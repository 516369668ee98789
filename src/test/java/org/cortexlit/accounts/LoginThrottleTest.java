package org.cortexlit.accounts;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final Hand clock = new Hand();
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), clock);

    @Test
    void aFewFailuresAreFreeThenTheWaitDoublesUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertEquals(Duration.ZERO, throttle.waitFor("alice", "10.0.0.1"), "failure " + (i + 1) + " is free");
        }
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Duration.ofSeconds(1), throttle.waitFor("alice", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("alice", "10.0.0.1"));
        for (int i = 0; i < 20; i++) {
            clock.advance(throttle.waitFor("alice", "10.0.0.1"));
            throttle.failed("alice", "10.0.0.1");
        }
        assertEquals(Duration.ofMinutes(15), throttle.waitFor("alice", "10.0.0.1"), "capped");
    }

    @Test
    void aNameThatDoesNotExistIsThrottledExactlyLikeOneThatDoes() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("no-such-user", "10.0.0.2");
            throttle.failed("alice", "10.0.0.3");
        }
        assertEquals(throttle.waitFor("alice", null), throttle.waitFor("no-such-user", null));
        assertTrue(throttle.waitFor("ALICE", null).toSeconds() > 0, "names are compared without case");
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledToo() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertTrue(throttle.waitFor("someone-new", "192.0.2.7").toMillis() > 0);
        assertEquals(Duration.ZERO, throttle.waitFor("someone-new", "192.0.2.8"), "other addresses are not held back");
    }

    @Test
    void aSuccessClearsTheAccountAndQuietTimeClearsTheRest() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("bob", "10.0.0.9");
        }
        throttle.succeeded("bob");
        assertEquals(Duration.ZERO, throttle.waitFor("bob", null));
        for (int i = 0; i < 6; i++) {
            throttle.failed("carol", null);
        }
        clock.advance(Duration.ofMinutes(31));
        assertEquals(Duration.ZERO, throttle.waitFor("carol", null));
        throttle.failed("carol", null);
        assertEquals(Duration.ZERO, throttle.waitFor("carol", null), "the old failures faded: this one is the first again");
    }

    @Test
    void aSprayOfMadeUpNamesCannotGrowTheTableWithoutBoundNorFreeTheThrottledOnes() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("victim", null);
        }
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 10; i++) {
            throttle.failed("spray" + i, null);
        }
        assertTrue(throttle.waitFor("victim", null).toMillis() > 0, "still throttled after the spray");
    }
}
