package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.importing.ImportHistory;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.importing.SavedSearch;
import org.cortexlit.importing.SavedSearches;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Saved PubMed searches: create, list, edit, run now (for cron jobs and CI as much as for people). */
@Path("/api/searches")
@Produces(MediaType.APPLICATION_JSON)
public class SearchesApi {

    public record NewSearch(String name, String query, String schedule, Long reviewId) {
    }

    public record Search(long id, String name, String query, String schedule, Long reviewId, Instant createdAt,
                         Instant nextRunAt, Instant lastRunAt, Long lastRunId, LocalDate lastSuccessTo,
                         boolean resumePending, Long runningRunId) {

        static Search of(SavedSearch s, Long running) {
            return new Search(s.id, s.name, s.query, s.schedule, s.reviewId, s.createdAt, s.nextRunAt, s.lastRunAt,
                    s.lastRunId, s.lastSuccessTo, s.pendingTo != null, running);
        }
    }

    private final SavedSearches searches;

    private final ImportHistory history;

    public SearchesApi(SavedSearches searches, ImportHistory history) {
        this.history = history;
        this.searches = searches;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(NewSearch body) {
        if (body == null) {
            return ImportsApi.error(400, "Send JSON: {\"name\", \"query\", \"schedule\" (optional Quartz cron), \"reviewId\" (optional)}.");
        }
        try {
            SavedSearch s = searches.create(body.name(), body.query(), body.schedule(), body.reviewId());
            return Response.status(201).header("Location", "/api/searches/" + s.id).entity(Search.of(s, null)).build();
        } catch (SavedSearches.InvalidSearch e) {
            return ImportsApi.error(400, e.getMessage());
        }
    }

    @GET
    public List<Search> list() {
        return searches.all().stream().map(s -> Search.of(s, searches.runningRun(s.id).orElse(null))).toList();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return searches.find(id).map(s -> Response.ok(Search.of(s, searches.runningRun(id).orElse(null))).build())
                .orElseGet(() -> ImportsApi.error(404, "No saved search with id " + id + "."));
    }

    /**
     * Replaces the search's name, query, schedule and review (the body of POST; a field left out takes creation's
     * default) and answers as GET does. The next run follows the new schedule; a changed query's next run takes
     * everything. 409 while the search runs.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public Response update(@PathParam("id") long id, NewSearch body) {
        if (body == null) {
            return ImportsApi.error(400, "Send JSON: {\"name\", \"query\", \"schedule\" (optional Quartz cron), \"reviewId\" (optional)}.");
        }
        try {
            return searches.update(id, body.name(), body.query(), body.schedule(), body.reviewId())
                    .map(s -> Response.ok(Search.of(s, null)).build())
                    .orElseGet(() -> ImportsApi.error(404, "No saved search with id " + id + "."));
        } catch (SavedSearches.InvalidSearch e) {
            return ImportsApi.error(400, e.getMessage());
        } catch (SavedSearches.AlreadyRunning e) {
            return Response.status(409).header("Location", "/api/imports/" + e.runId)
                    .entity(new ApiJson.Error("Saved search " + id + " is running as import run " + e.runId
                            + "; edit it when the run has finished.")).type(MediaType.APPLICATION_JSON).build();
        }
    }

    /** Deletes the saved search; its past import runs and the records they brought stay. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "reviewer"})
    public Response delete(@PathParam("id") long id) {
        if (searches.runningRun(id).isPresent()) {
            return ImportsApi.error(409, "Saved search " + id + " is running; delete it when the run has finished.");
        }
        boolean deleted = searches.delete(id);
        return deleted ? Response.noContent().build() : ImportsApi.error(404, "No saved search with id " + id + ".");
    }

    /** 202 with Location /api/imports/{runId}; 409 (with the running run's Location) when it is already running. */
    @POST
    @Path("/{id}/run")
    @RolesAllowed({"admin", "reviewer"})
    public Response run(@PathParam("id") long id) {
        try {
            ImportRunner.Handle h = searches.run(id, ImportRun.Trigger.MANUAL);
            return Response.status(202).header("Location", "/api/imports/" + h.runId()).entity(runJson(h.runId())).build();
        } catch (SavedSearches.AlreadyRunning e) {
            return Response.status(409).header("Location", "/api/imports/" + e.runId)
                    .entity(new ApiJson.Error(e.getMessage())).type(MediaType.APPLICATION_JSON).build();
        } catch (SavedSearches.InvalidSearch e) {
            return ImportsApi.error(404, e.getMessage());
        }
    }

    private ApiJson.Run runJson(long runId) {
        return history.run(runId).map(d -> ApiJson.Run.of(d.run(), d.errors())).orElse(null);
    }
}
