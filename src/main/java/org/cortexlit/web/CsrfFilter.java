package org.cortexlit.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses forged requests to pages before any resource runs: an unsafe request (POST, PUT, PATCH, DELETE) must
 * carry the signed-in session's {@link Csrf} token, in the {@value Csrf#FIELD} form field or the
 * {@value Csrf#HEADER} header (htmx). The JSON API under {@code /api/} is exempt from the token: it accepts HTTP
 * Basic only, never the session cookie, so a browser cannot be tricked into using it. Requests from another
 * site were already refused by {@link OriginCheck}.
 */
@ApplicationScoped
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Csrf csrf;
    private final SecurityIdentity identity;

    public CsrfFilter(Csrf csrf, SecurityIdentity identity) {
        this.csrf = csrf;
        this.identity = identity;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext ctx) {
        if (SAFE.contains(ctx.getMethod().toUpperCase(Locale.ROOT))) {
            return null;
        }
        String path = ctx.getUriInfo().getPath();
        if (path.startsWith("/api/") || identity.isAnonymous()) {
            return null; // the API takes Basic only; anonymous requests never reach a page's action
        }
        String presented = ctx.getHeaderString(Csrf.HEADER);
        if (presented == null && isForm(ctx.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) ctx.getServerRequestContext())
                    .getFormParameter(Csrf.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (!csrf.matches(identity, presented)) {
            return refuse("This form has expired or did not come from CortexLit: nothing was changed. "
                    + "Go back, reload the page and try again.");
        }
        return null;
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || (type.getType().equals("multipart") && type.getSubtype().equals("form-data")));
    }

    private static Response refuse(String message) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(message).build();
    }
}
