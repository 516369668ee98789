package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cortexlit.importing.Duplicates;
import org.cortexlit.importing.SavedSearches;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.search.SearchService;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Every error a request can meet, answered once: the JSON API with {@code {"error": message}}, pages with a page
 * of the site (its header, the message, a way on), never the browser's blank page or a stack trace.
 */
public class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    private final SecurityIdentity identity;
    private final ResourceInfo resource;

    public Errors(SecurityIdentity identity, ResourceInfo resource) {
        this.identity = identity;
        this.resource = resource;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequest e, UriInfo uri, Request request, HttpHeaders headers) {
        if (isPageForm(uri, request, headers)) {
            return Redirects.error(back(uri, headers), e.getMessage());
        }
        return answer(uri, 400, "That request cannot be answered", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidSearch(SavedSearches.InvalidSearch e, UriInfo uri,
                                  Request request, HttpHeaders headers) {
        if (isPageForm(uri, request, headers)) {
            return Redirects.error(back(uri, headers), e.getMessage());
        }
        return answer(uri, 400, "That request cannot be answered", e.getMessage());
    }

    /** A form that asked for something impossible: back to the page it came from, which says why (Post/Redirect/Get). */
    @ServerExceptionMapper
    public Response refused(IllegalArgumentException e, UriInfo uri, Request request,
                            HttpHeaders headers) {
        if (isPageForm(uri, request, headers)) {
            return Redirects.error(back(uri, headers), e.getMessage());
        }
        return answer(uri, 400, "That request cannot be answered", e.getMessage());
    }

    /** A split of a record that is not there (404) or not linked (409); a page's form goes back with the reason. */
    @ServerExceptionMapper
    public Response splitRefused(Duplicates.SplitRefused e, UriInfo uri, Request request, HttpHeaders headers) {
        if (isPageForm(uri, request, headers)) {
            return Redirects.error(back(uri, headers), e.getMessage());
        }
        return answer(uri, e.notFound ? 404 : 409, e.notFound ? "Not found" : "Nothing to split", e.getMessage());
    }

    @ServerExceptionMapper
    public Response screening(ScreeningException e, UriInfo uri, Request request,
                              HttpHeaders headers) {
        if (isPageForm(uri, request, headers) && e.kind != ScreeningException.Kind.NOT_FOUND) {
            return Redirects.error(back(uri, headers), e.getMessage());
        }
        return answer(uri, e.httpStatus(), switch (e.kind) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case CONFLICT -> "Changed meanwhile";
            case INVALID -> "That cannot be done";
        }, e.getMessage());
    }

    @ServerExceptionMapper
    public Response busy(SearchService.Busy e, UriInfo uri) {
        Response r = answer(uri, 503, "Busy", e.getMessage());
        return Response.fromResponse(r).header("Retry-After", "5").build();
    }

    /**
     * A page or record that is not there, with what its controller said ({@link NotThere}: "No article 123 in the
     * corpus.").
     * JAX-RS also answers 404 when a query parameter does not convert; {@link NumberParams} says why, and it is a 400.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidRequest invalid) {
                return answer(uri, 400, "That request cannot be answered", invalid.getMessage());
            }
        }
        return answer(uri, 404, "Not found", e instanceof NotThere ? e.getMessage() : "There is nothing at "
                + uri.getPath() + ". It may have been removed, or the address is mistyped.");
    }

    /** Any other HTTP error a request met (406, 415, ...): its status, on a page of the site or as JSON. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        if (r == null || r.getStatus() < 400 || r.hasEntity()) {
            return r;
        }
        Response.StatusType status = r.getStatusInfo();
        return answer(uri, status.getStatusCode(), status.getReasonPhrase(), "This request cannot be answered ("
                + status.getStatusCode() + " " + status.getReasonPhrase() + ").");
    }

    /**
     * A failure nobody foresaw (a bug, a lost database): logged in full with a reference, answered with a page of the
     * site (or JSON) that gives the reference and no detail.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected failure %s answering %s", reference, uri.getPath());
        return answer(uri, 500, "Something went wrong", "The request failed on the server; nothing you did caused it. "
                + "Try again in a moment; if it keeps failing, tell an admin the reference " + reference + ".");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return answer(uri, 405, "Not allowed here", "This address does not take that kind of request.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String who = identity == null || identity.isAnonymous() ? "not signed in"
                : "signed in as " + identity.getPrincipal().getName() + " (" + String.join(", ", identity.getRoles()) + ")";
        return answer(uri, 403, "Not allowed", "You are " + who + ", and this needs another role: admins manage users "
                + "and the index, reviewers and admins change the corpus and screen, readers search and read.");
    }

    /** A form posted from a page (not the API, not an htmx request, which renders its own message in place). */
    private static boolean isPageForm(UriInfo uri, Request request, HttpHeaders headers) {
        return "POST".equals(request.getMethod()) && !uri.getPath().startsWith("/api/")
                && headers.getHeaderString("HX-Request") == null;
    }

    /**
     * The page a form came from: the action's {@link BackTo}, else the {@code Referer} when it is a page of this
     * site, else the action's parent path ({@code /reviews/3/settings} came from {@code /reviews/3}).
     */
    String back(UriInfo uri, HttpHeaders headers) {
        BackTo declared = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(BackTo.class);
        if (declared != null) {
            String path = declared.value();
            for (var p : uri.getPathParameters().entrySet()) {
                path = path.replace("{" + p.getKey() + "}", Redirects.enc(p.getValue().get(0)));
            }
            return path;
        }
        String referer = headers.getHeaderString("Referer");
        String host = headers.getHeaderString("Host");
        if (referer != null && host != null) {
            try {
                URI r = URI.create(referer);
                if (host.equalsIgnoreCase(r.getRawAuthority()) && r.getRawPath() != null && r.getRawPath().startsWith("/")) {
                    return r.getRawPath() + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // an unreadable Referer: fall back to the parent path
            }
        }
        String path = uri.getPath();
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : "/";
    }

    static Response answer(UriInfo uri, int status, String title, String message) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message)).build();
    }
}
