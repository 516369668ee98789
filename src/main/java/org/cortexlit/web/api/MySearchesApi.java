package org.cortexlit.web.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.search.UserSearch;
import org.cortexlit.search.UserSearches;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** The caller's own saved searches with their "new since you last looked" counts. */
@Path("/api/my-searches")
@Produces(MediaType.APPLICATION_JSON)
public class MySearchesApi {

    public record NewSearch(String name, String query) {
    }

    private final UserSearches searches;
    private final SecurityIdentity identity;

    public MySearchesApi(UserSearches searches, SecurityIdentity identity) {
        this.searches = searches;
        this.identity = identity;
    }

    @GET
    public List<UserSearches.Entry> list() throws IOException {
        return searches.list(identity.getPrincipal().getName());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(NewSearch body) {
        if (body == null) {
            return ImportsApi.error(400, "Send JSON: {\"name\", \"query\"}.");
        }
        try {
            UserSearch s = searches.save(identity.getPrincipal().getName(), body.name(), body.query());
            return Response.created(URI.create("/api/my-searches/" + s.id))
                    .entity(new UserSearches.Entry(s.id, s.name, s.query, s.lastLookedAt, 0, 0)).build();
        } catch (IllegalArgumentException e) {
            return ImportsApi.error(400, e.getMessage());
        }
    }

    /** Marks the search as looked at now (the count of new matches goes back to 0). */
    @POST
    @Path("/{id}/seen")
    public Response seen(@PathParam("id") long id) {
        return searches.open(identity.getPrincipal().getName(), id).isPresent() ? Response.noContent().build()
                : ImportsApi.error(404, "You have no saved search " + id + ".");
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        return searches.delete(identity.getPrincipal().getName(), id) ? Response.noContent().build()
                : ImportsApi.error(404, "You have no saved search " + id + ".");
    }
}
