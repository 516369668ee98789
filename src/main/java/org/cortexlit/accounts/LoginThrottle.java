package org.cortexlit.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. Failed sign-ins are counted per account name (whether or not the account exists, so
 * the answer never tells which names do) and per client address. Past a few free failures each key must wait
 * before its next attempt is even checked: 1 s, then 2, 4, 8 ... up to {@code maxDelay}. An attempt during the
 * wait is refused like a wrong password, without counting. A success clears the account's count; an address's
 * count fades once it has been quiet for {@code maxDelay}.
 */
public final class LoginThrottle {

    /** Bounds the memory a spray of made-up names can take; the keys still throttling are kept when it is full. */
    static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int freePerAccount;
    private final int freePerAddress;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(int freePerAccount, int freePerAddress, Duration maxDelay, Clock clock) {
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long the attempt must still wait before it may be checked; zero when it may go ahead now. */
    public Duration waitFor(String username, String address) {
        Duration a = waitFor(accountKey(username), freePerAccount);
        Duration b = address == null ? Duration.ZERO : waitFor(addressKey(address), freePerAddress);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            evict(now);
        }
        count(accountKey(username), now);
        if (address != null) {
            count(addressKey(address), now);
        }
    }

    public void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    /** The delay owed after {@code count} failures with {@code free} of them free: 0, then 1 s doubling to the cap. */
    Duration delay(int count, int free) {
        if (count < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free, 30);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (faded(f, now)) {
            failures.remove(key, f);
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(delay(f.count(), free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void count(String key, Instant now) {
        failures.merge(key, new Failures(1, now), (old, one) -> faded(old, now) ? one : new Failures(old.count() + 1, now));
    }

    private boolean faded(Failures f, Instant now) {
        return f.last().plus(maxDelay).plus(maxDelay).isBefore(now);
    }

    private void evict(Instant now) {
        failures.entrySet().removeIf(e -> faded(e.getValue(), now));
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> e.getValue().count() < Math.min(freePerAccount, freePerAddress));
        }
    }

    private static String accountKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
