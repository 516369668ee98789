package org.cortexlit.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.config.CortexLitConfig;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a user name and password (the login form and HTTP Basic). bcrypt is slow on purpose (about 100 ms
 * here), and Basic sends the password with every request, so a script making a thousand calls would spend
 * most of its time hashing: a password that matched is remembered for {@link #REMEMBER_MILLIS}, keyed by an
 * HMAC (under a key made at each start) of user, password and stored hash, never the password itself, so a
 * changed password takes effect at once. Roles are always read fresh from the database. Failed attempts are
 * throttled per account name and per client address ({@link LoginThrottle}); an attempt that must still wait is
 * refused before any password is compared, and the wait is left on the request for a {@code Retry-After} header.
 */
@ApplicationScoped
public class PasswordCheck implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final long REMEMBER_MILLIS = 10 * 60 * 1000L;
    private static final int MAX_REMEMBERED = 10_000;
    private static final Provider[] PROVIDERS = {new WildFlyElytronPasswordProvider()};

    /** The routing-context key under which a throttled attempt leaves how many seconds it must wait. */
    public static final String RETRY_AFTER = "cortexlit.retry-after";

    private final Map<String, Long> matched = new ConcurrentHashMap<>();
    private final LoginThrottle throttle;
    /** Keys the remembered digests, new at every start: a heap dump alone does not allow fast password guessing. */
    private final byte[] key = newKey();
    /**
     * Checked against when the user does not exist, so the answer takes as long as for a wrong password: a bcrypt
     * hash at the cost real ones have (10) of a password no account has. Written out rather than made at start, where
     * hashing would hold up the first request by a tenth of a second or more.
     */
    static final String DUMMY = "$2a$10$4SO5gal7OoUMo4SOIEkBruFjzycYZVKGOuVNCxhsf/0JBMinPOUfq";

    private static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    public PasswordCheck(CortexLitConfig config) {
        this.throttle = new LoginThrottle(config.login().freeAttempts(), config.login().freeAttemptsPerAddress(),
                config.login().maxDelay(), Clock.systemUTC());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? null : http.request().remoteAddress().host();
        return context.runBlocking(() -> {
            Duration wait = throttle.waitFor(request.getUsername(), address);
            if (!wait.isZero()) {
                if (http != null) {
                    http.put(RETRY_AFTER, Math.max(1, (wait.toMillis() + 999) / 1000));
                }
                throw new AuthenticationFailedException("too many failed sign-ins; wait " + wait.toSeconds() + " s");
            }
            try {
                SecurityIdentity identity = check(request.getUsername(), request.getPassword().getPassword());
                throttle.succeeded(request.getUsername());
                return identity;
            } catch (AuthenticationFailedException e) {
                throttle.failed(request.getUsername(), address);
                throw e;
            }
        });
    }

    private SecurityIdentity check(String username, char[] password) {
        User user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElse(null));
        if (user == null || user.disabled) {
            verify(DUMMY, password); // as long as a wrong password: the time taken does not tell which names exist
            throw new AuthenticationFailedException();
        }
        String key = digest(username, password, user.password);
        Long until = matched.get(key);
        long now = System.currentTimeMillis();
        if (until == null || until < now) {
            if (!verify(user.password, password)) {
                matched.remove(key);
                throw new AuthenticationFailedException();
            }
            if (matched.size() >= MAX_REMEMBERED) {
                matched.clear();
            }
            matched.put(key, now + REMEMBER_MILLIS);
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username)).addRole(user.role).build();
    }

    static boolean verify(String modularCryptHash, char[] password) {
        try {
            return new PasswordCredential(ModularCrypt.decode(modularCryptHash)).verify(() -> PROVIDERS,
                    new PasswordGuessEvidence(password.clone()));
        } catch (InvalidKeySpecException e) {
            return false;
        }
    }

    private String digest(String username, char[] password, String storedHash) {
        try {
            Mac md = Mac.getInstance("HmacSHA256");
            md.init(new SecretKeySpec(key, "HmacSHA256"));
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(storedHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
