package org.cortexlit.web.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.importing.Duplicates;
import org.cortexlit.screening.Actor;
import org.cortexlit.web.Paging;

/** Duplicate groups as JSON, splitting a wrong pair, and the PRISMA identification counts. */
@Path("/api/duplicates")
@Produces(MediaType.APPLICATION_JSON)
public class DuplicatesApi {

    static final int MAX_SIZE = 500;

    private final Duplicates duplicates;
    private final SecurityIdentity identity;

    public DuplicatesApi(Duplicates duplicates, SecurityIdentity identity) {
        this.duplicates = duplicates;
        this.identity = identity;
    }

    /** Groups, the newest links first; {@code page} from 1, {@code size} 1-500 (default 100). */
    @GET
    public Response groups(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("size") @DefaultValue("100") int size) {
        Paging p = Paging.of(page, size, MAX_SIZE);
        return Response.ok(ApiJson.DuplicateGroups.of(duplicates.groups(p.page(), p.size()))).build();
    }

    /** Records identified per source and duplicates removed, for the PRISMA flow diagram. */
    @GET
    @Path("/prisma")
    public Duplicates.Prisma prisma() {
        return duplicates.prisma();
    }

    /** The linked record {@code key} becomes an article of its own: 200, 404 when unknown, 409 when not linked. */
    @POST
    @Path("/{key}/split")
    @RolesAllowed({"admin", "reviewer"})
    public ApiJson.Split split(@PathParam("key") String key) {
        Duplicates.Split done = duplicates.split(key, Actor.of(identity).name());
        return new ApiJson.Split(done.key(), done.from());
    }
}
