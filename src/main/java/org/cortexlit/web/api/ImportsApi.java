package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.importing.ImportHistory;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.importing.ImportService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Duration;
import java.util.List;

/** Imports over HTTP: upload a file, follow its run. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsApi {

    @Inject
    ImportHistory history;

    private final ImportRunner runner;
    private final ImportService imports;
    private final CortexLitConfig config;

    public ImportsApi(ImportRunner runner, ImportService imports, CortexLitConfig config) {
        this.runner = runner;
        this.imports = imports;
        this.config = config;
    }

    /**
     * 201 with the finished run, or 202 with its Location when it takes longer than the sync wait.
     * {@code ?wait=N} waits at most N seconds (0: answer 202 at once), never longer than the setting.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "reviewer"})
    public Response upload(@RestForm("file") FileUpload file, @QueryParam("wait") String waitParam) {
        if (file == null || file.uploadedFile() == null) {
            return error(400, "Send the file as multipart/form-data in a field named 'file'.");
        }
        Integer waitSeconds = null;
        if (waitParam != null && !waitParam.isBlank()) {
            String digits = waitParam.trim().endsWith("s") ? waitParam.trim().substring(0, waitParam.trim().length() - 1)
                    : waitParam.trim();
            if (!digits.matches("\\d{1,6}")) {
                return error(400, "wait must be a number of seconds (0 or more, like 30 or 30s), not '" + waitParam + "'.");
            }
            waitSeconds = Integer.valueOf(digits);
        }
        Duration wait = config.importing().syncWait();
        if (waitSeconds != null && Duration.ofSeconds(waitSeconds).compareTo(wait) < 0) {
            wait = Duration.ofSeconds(waitSeconds);
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
        ImportRunner.Handle handle = runner.submit(file.uploadedFile(), name, ImportRun.Trigger.UPLOAD);
        boolean done = handle.await(wait);
        // a relative Location, exactly /api/imports/{id}, as scripts expect
        return Response.status(done ? 201 : 202).header("Location", "/api/imports/" + handle.runId())
                .entity(run(handle.runId())).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        ApiJson.Run run = run(id);
        return run == null ? error(404, "No import run with id " + id + ".") : Response.ok(run).build();
    }

    /** Asks a running import to stop after its current record: 202 with the run, 409 when it is not running. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"admin", "reviewer"})
    public Response cancel(@PathParam("id") long id) {
        ApiJson.Run run = run(id);
        if (run == null) {
            return error(404, "No import run with id " + id + ".");
        }
        if (!imports.cancel(id)) {
            return error(409, "Import run " + id + " is not running (it is " + run.status() + ").");
        }
        return Response.status(202).header("Location", "/api/imports/" + id).entity(run(id)).build();
    }

    /** Runs, newest first. */
    @GET
    public List<ApiJson.Run> list(@QueryParam("limit") Integer limit) {
        int max = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        return history.recent(max).stream().map(r -> ApiJson.Run.of(r, List.of())).toList();
    }

    private ApiJson.Run run(long id) {
        return history.run(id).map(d -> ApiJson.Run.of(d.run(), d.errors())).orElse(null);
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiJson.Error(message)).build();
    }
}
