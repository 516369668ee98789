package org.cortexlit.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.accounts.PasswordCheck;
import org.cortexlit.accounts.SessionRequest;
import org.cortexlit.accounts.Sessions;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Sign-in for the pages: the login form posts {@code j_username} and {@code j_password} to
 * {@value #POST_LOCATION}; a right password opens a server-side session ({@link Sessions}) whose random token
 * goes into the {@value #COOKIE} cookie (HttpOnly, SameSite=Strict), and every later request is signed in by
 * that token. A sign-in posted from another site (login CSRF) is refused. The API keeps HTTP Basic.
 */
@ApplicationScoped
public class SessionLogin implements HttpAuthenticationMechanism {

    public static final String COOKIE = "cortexlit-session";
    static final String POST_LOCATION = "/j_security_check";
    /** Where a stranger was going, so signing in brings them back there (a path of this site, never a full URL). */
    static final String LOCATION_COOKIE = "cortexlit-location";

    private final Sessions sessions;

    public SessionLogin(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
        if (isSignIn(rc)) {
            return signIn(rc, identities);
        }
        Cookie cookie = rc.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        SessionRequest request = new SessionRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, rc);
        return identities.authenticate(request).onFailure().recoverWithUni(() -> {
            // signed out, expired or unknown: the visitor is a stranger again, and the stale cookie goes
            rc.response().addCookie(expired(rc));
            return Uni.createFrom().nullItem();
        });
    }

    private static boolean isSignIn(RoutingContext rc) {
        return rc.request().method() == HttpMethod.POST && POST_LOCATION.equals(rc.normalizedPath());
    }

    private Uni<SecurityIdentity> signIn(RoutingContext rc, IdentityProviderManager identities) {
        if (!OriginCheck.sameOrigin(rc.request())) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end("This sign-in came from another site and was refused. Sign in on CortexLit's own login page.");
            return Uni.createFrom().nullItem();
        }
        rc.request().setExpectMultipart(true);
        return Uni.createFrom().<MultiMap>emitter(e -> {
            rc.request().endHandler(v -> e.complete(rc.request().formAttributes()));
            rc.request().exceptionHandler(e::fail);
            rc.request().resume();
        }).onItem().transformToUni(form -> {
            String user = form.get("j_username");
            String password = form.get("j_password");
            if (user == null || password == null || user.length() > 200 || password.length() > 1000) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            AuthenticationRequest request = new UsernamePasswordAuthenticationRequest(user,
                    new PasswordCredential(password.toCharArray()));
            HttpSecurityUtils.setRoutingContextAttribute(request, rc);
            return identities.authenticate(request);
        }).onItem().transformToUni(identity -> Uni.createFrom()
                .item(() -> sessions.open(identity.getPrincipal().getName()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onItem().transform(opened -> {
                    String wanted = wanted(rc); // before the cookie is expired: Vert.x keeps one jar for both sides
                    rc.response().addCookie(sessionCookie(rc, opened.token()));
                    rc.response().addCookie(expiredLocation(rc));
                    rc.response().setStatusCode(302).putHeader("Location", wanted).end();
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext rc) {
        if (isSignIn(rc)) {
            Object wait = rc.get(PasswordCheck.RETRY_AFTER);
            return Uni.createFrom().item(new ChallengeData(302, "Location", "/login?error=true" + (wait == null ? "" : "&wait=" + wait)));
        }
        if (rc.request().method() == HttpMethod.GET) {
            String uri = rc.request().uri();
            if (uri.startsWith("/") && !uri.startsWith("//") && uri.length() <= 2000) {
                rc.response().addCookie(Cookie.cookie(LOCATION_COOKIE, URLEncoder.encode(uri, StandardCharsets.UTF_8))
                        .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(secure(rc)));
            }
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionRequest.class);
    }

    /** The scheme name the permissions of application.properties select pages by ({@code auth-mechanism=form}). */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext rc) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.POST, POST_LOCATION, "form"));
    }

    /** The page the stranger wanted, when it is a path of this site; the home page otherwise. */
    static String wanted(RoutingContext rc) {
        Cookie c = rc.request().getCookie(LOCATION_COOKIE);
        if (c == null) {
            return "/";
        }
        String path = URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
        return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.startsWith(POST_LOCATION)
                ? path : "/";
    }

    static Cookie sessionCookie(RoutingContext rc, String token) {
        return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure(rc));
    }

    static Cookie expired(RoutingContext rc) {
        return sessionCookie(rc, "").setMaxAge(0);
    }

    private static Cookie expiredLocation(RoutingContext rc) {
        return Cookie.cookie(LOCATION_COOKIE, "").setPath("/").setMaxAge(0);
    }

    private static boolean secure(RoutingContext rc) {
        return "https".equals(rc.request().scheme());
    }
}
