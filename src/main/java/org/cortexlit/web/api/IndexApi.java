package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.search.SearchIndex;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.cortexlit.config.CortexLitConfig;

import java.net.URI;
import java.time.Duration;
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
    private final CortexLitConfig config;

    public IndexApi(SearchIndex index, CortexLitConfig config) {
        this.index = index;
        this.config = config;
    }

    @GET
    public Status status() {
        return new Status(index.numDocs(), SearchIndex.SCHEMA_VERSION, index.staleReason(), index.lastRebuild(),
                index.lastRebuildReason(), index.checking(), index.rebuildProgress());
    }

    /**
     * Rebuilds the index from the database on a background thread. 200 with the new state when it ends within
     * {@code wait} seconds (default {@code cortexlit.index.rebuild-wait}); else 202 at once, with
     * {@code rebuilding} showing progress and {@code Location} naming where to follow it. 409 when a rebuild is
     * already under way.
     */
    @POST
    @Path("/rebuild")
    @RolesAllowed("admin")
    public Response rebuild(@QueryParam("wait") Integer waitSeconds) {
        if (waitSeconds != null && waitSeconds < 0) {
            return Response.status(400).entity(new ApiJson.Error("wait must be a number of seconds, 0 or more")).build();
        }
        Duration wait = waitSeconds == null ? config.index().rebuildWait() : Duration.ofSeconds(waitSeconds);
        SearchIndex.RebuildRequest request = index.requestRebuild("requested through the API", wait);
        return switch (request.outcome()) {
            case ALREADY_RUNNING -> {
                SearchIndex.RebuildProgress p = index.rebuildProgress();
                yield Response.status(409).entity(new ApiJson.Error("A rebuild of the search index is already under way"
                        + (p == null ? "" : " (" + p.reason() + ": " + p.done() + " of " + p.total() + " articles)")
                        + "; GET /api/admin/index shows its progress.")).build();
            }
            case DONE -> Response.ok(status()).build();
            case STILL_RUNNING -> Response.accepted(status()).location(URI.create("/api/admin/index")).build();
            case FAILED -> Response.status(500).entity(new ApiJson.Error("Rebuilding the search index failed: "
                    + request.failure() + ". The index keeps its last commit; the server log has the details; "
                    + "POST again to retry.")).build();
        };
    }
}
