package org.cortexlit.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE, on pages and the API alike) whose
 * {@code Origin} header names another site: another scheme, host or port, or the opaque {@code null} origin a
 * sandboxed frame sends. Requests without the header (scripts, curl) go on to their own checks: the session's
 * CSRF token on pages ({@link CsrfFilter}), HTTP Basic on the API.
 */
@ApplicationScoped
public class OriginCheck {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            if (SAFE.contains(rc.request().method()) || sameOrigin(rc.request())) {
                rc.next();
            } else {
                rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("This request came from another site (" + printable(rc.request().getHeader("Origin"))
                                + ") and was refused; nothing was changed.");
            }
        });
    }

    /** True without an {@code Origin} header, or when it names this request's own scheme, host and port. */
    static boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        return sameOrigin(origin, request.getHeader("Host"));
    }

    /**
     * Whether {@code origin} ({@code scheme://host[:port]}) is the site the browser sent {@code host} (the Host
     * header, {@code host[:port]}) to. A port left out is the scheme's default, on both sides; behind a proxy
     * that keeps the Host header this holds whatever scheme the proxy speaks to the app.
     */
    static boolean sameOrigin(String origin, String hostHeader) {
        if (hostHeader == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null || o.getScheme() == null) {
                return false;
            }
            URI h = URI.create(o.getScheme() + "://" + hostHeader);
            if (h.getHost() == null) {
                return false;
            }
            return o.getHost().equalsIgnoreCase(h.getHost()) && port(o) == port(h);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }

    /** The header as a person can read it in a message: printable ASCII, at most 200 characters. */
    private static String printable(String s) {
        String t = s == null ? "" : s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
