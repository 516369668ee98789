package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.search.SearchIndex;

import java.time.Instant;

/** The search index's state, and a rebuild from the database (an admin action). */
@Path("/api/admin/index")
@Produces(MediaType.APPLICATION_JSON)
public class IndexApi {

    /** {@code checking}: the start-up check is still running; {@code rebuilding}: the rebuild under way, or null. */
    public record Status(int documents, String schemaVersion, String staleReason, Instant lastRebuild,
                         String lastRebuildReason, boolean checking, SearchIndex.RebuildProgress rebuilding) {
    }

    private final SearchIndex index;

    public IndexApi(SearchIndex index) {
        this.index = index;
    }

    @GET
    public Status status() {
        return new Status(index.numDocs(), SearchIndex.SCHEMA_VERSION, index.staleReason(), index.lastRebuild(),
                index.lastRebuildReason(), index.checking(), index.rebuildProgress());
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("admin")
    public Status rebuild() {
        index.rebuild("requested through the API");
        return status();
    }
}
