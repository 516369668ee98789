package org.cortexlit.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cortexlit.config.CortexLitConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Server-side sessions of the pages. A session is a random 256-bit token in an HttpOnly cookie and a row keyed
 * by the token's hash: nothing in the cookie can be decrypted, edited or forged, signing out ends the session
 * for good, and every node of a team that shares the database knows every session.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    /** How often a session's last use is written back: often enough for the idle timeout, rarely enough to be free. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final Clock clock;

    @Inject
    public Sessions(CortexLitConfig config) {
        this(config.sessions().idleTimeout(), config.sessions().lifetime(), Clock.systemUTC());
    }

    Sessions(Duration idleTimeout, Duration lifetime, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new session: the token for the cookie and the CSRF token of its forms. */
    public record Opened(String token, String csrfToken) {
    }

    /** A live session and who it belongs to (the role is read fresh, so a changed role takes effect at once). */
    public record Active(String username, String role, String csrfToken) {
    }

    public Opened open(String username) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = now();
        QuarkusTransaction.requiringNew().run(() -> {
            UserSession s = new UserSession();
            s.tokenHash = hash(token);
            s.username = username;
            s.csrfToken = csrf;
            s.createdAt = now;
            s.lastSeenAt = now;
            s.persist();
        });
        return new Opened(token, csrf);
    }

    /**
     * The session of {@code token}, if it exists, has not idled out or outlived its lifetime, and its user exists and
     * is not disabled.
     */
    public Optional<Active> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = UserSession.getEntityManager().createQuery("select s, u.role from UserSession s, User u "
                    + "where s.tokenHash = :h and u.username = s.username and u.disabled = false", Object[].class).setParameter("h", hash).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Active>empty();
            }
            UserSession s = (UserSession) rows.get(0)[0];
            if (s.lastSeenAt.plus(idleTimeout).isBefore(now) || s.createdAt.plus(lifetime).isBefore(now)) {
                s.delete();
                return Optional.<Active>empty();
            }
            if (s.lastSeenAt.plus(TOUCH_EVERY).isBefore(now)) {
                s.lastSeenAt = now;
            }
            return Optional.of(new Active(s.username, (String) rows.get(0)[1], s.csrfToken));
        });
    }

    /** Ends the session of {@code token} (signing out); nothing happens when there is none. */
    public void close(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            QuarkusTransaction.requiringNew().run(() -> UserSession.deleteById(hash(token)));
        }
    }

    /** Ends every session of {@code username} (a password change, a reset, a disabled account); returns how many. */
    public long closeAll(String username) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.delete("username", username));
    }

    /** Sessions that idled out or outlived their lifetime are deleted, so the table holds only live ones. */
    @Scheduled(every = "10m", delayed = "1m", identity = "session-purge")
    void purge() {
        Instant now = now();
        long n = QuarkusTransaction.requiringNew().call(() -> UserSession.delete("lastSeenAt < ?1 or createdAt < ?2",
                now.minus(idleTimeout), now.minus(lifetime)));
        if (n > 0) {
            LOG.debugf("Deleted %d expired session(s)", n);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
