package org.cortexlit.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The message a page shows once after Post/Redirect/Get ("Saved the settings.", or what went wrong): carried from
 * the POST to the page it redirects to in a short-lived cookie, never in the URL, so it neither lingers in the
 * history nor breaks a link with a {@code #fragment}. The page that shows it deletes it.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "cortexlit-flash";
    private static final int SECONDS = 60;

    private final String notice;
    private final String error;

    public Flash(HttpServerRequest request) {
        Cookie c = request.getCookie(COOKIE);
        String v = c == null ? "" : URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
        this.notice = v.startsWith("n:") ? v.substring(2) : null;
        this.error = v.startsWith("e:") ? v.substring(2) : null;
    }

    public String notice() {
        return notice;
    }

    public String error() {
        return error;
    }

    static NewCookie notice(String message) {
        return cookie("n:" + message, SECONDS);
    }

    static NewCookie error(String message) {
        return cookie("e:" + message, SECONDS);
    }

    private static NewCookie cookie(String value, int maxAge) {
        String v = value.length() > 2000 ? value.substring(0, 1997) + "..." : value;
        return new NewCookie.Builder(COOKIE).value(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"))
                .path("/").maxAge(maxAge).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** A page answered with the message shown: it is not shown again. */
    @ServerResponseFilter
    public void shown(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getCookies().containsKey(COOKIE) && response.getStatus() == 200
                && !response.getHeaders().containsKey("Set-Cookie")) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0)
                    .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }
}
