package org.cortexlit.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import org.cortexlit.simulate.SimulationRefused;
import org.cortexlit.simulate.SimulationRun;
import org.cortexlit.simulate.Simulations;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Simulations of prioritised screening over HTTP: upload a labelled CSV, get WSS@95, WSS@100, RRF@10 and the recall
 * curve of the queue's own model on it. Field names are a contract with scripts outside this repository.
 */
@Path("/api/simulations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "reviewer"})
public class SimulationsApi {

    /**
     * One simulation. Figures are null while it runs; {@code curve} is {@code [[screened, found], ...]} for screened =
     * 1 .. records (null while it runs); WSS and RRF are fractions; {@code error} only when FAILED.
     */
    public record Result(long id, String status, String dataset, int records, int relevant, long seed, String model,
                         Integer screenedAt95, Double wss95, Double wss100, Double rrf10, List<int[]> curve,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static Result of(SimulationRun r) {
            return new Result(r.id, r.status.name(), r.dataset, r.records, r.relevant, r.seed, r.model, r.screenedAt95,
                    r.wss95, r.wss100, r.rrf10, r.status == SimulationRun.Status.SUCCEEDED ? r.fullCurve() : null,
                    r.error);
        }
    }

    /** A simulation in the list: {@link Result} without its curve, with when it was asked for. */
    public record Summary(long id, String status, String dataset, int records, int relevant, long seed, String model,
                          Integer screenedAt95, Double wss95, Double wss100, Double rrf10,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String error, Instant createdAt) {

        static Summary of(SimulationRun r) {
            return new Summary(r.id, r.status.name(), r.dataset, r.records, r.relevant, r.seed, r.model, r.screenedAt95,
                    r.wss95, r.wss100, r.rrf10, r.error, r.createdAt);
        }
    }

    private final Simulations simulations;
    private final CortexLitConfig config;
    private final SecurityIdentity identity;

    public SimulationsApi(Simulations simulations, CortexLitConfig config, SecurityIdentity identity) {
        this.simulations = simulations;
        this.config = config;
        this.identity = identity;
    }

    /**
     * 201 with the result when the simulation ends within {@code cortexlit.simulations.wait}, else 202 with the RUNNING
     * simulation; both with {@code Location: /api/simulations/{id}}. {@code ?seed=} chooses the priors (default 1);
     * {@code ?wait=N} waits at most N seconds (0: answer 202 at once), never longer than the setting.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestForm("file") FileUpload file, @QueryParam("seed") String seedParam,
                           @QueryParam("wait") String waitParam) {
        if (file == null || file.uploadedFile() == null) {
            return error(400, "Send the labelled CSV file as multipart/form-data in a field named 'file'.");
        }
        long seed = Simulations.seed(seedParam);
        Duration wait = wait(waitParam);
        Simulations.Handle handle;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            handle = simulations.submit(file.fileName(), in, seed, identity.getPrincipal().getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean done = handle.await(wait);
        SimulationRun run = done ? simulations.find(handle.id()) : handle.submitted();
        // a relative Location, exactly /api/simulations/{id}, as scripts expect
        return Response.status(done ? 201 : 202).header("Location", "/api/simulations/" + handle.id())
                .entity(Result.of(run)).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        SimulationRun run = simulations.find(id);
        return run == null ? error(404, "No simulation with id " + id + ".") : Response.ok(Result.of(run)).build();
    }

    /** The newest simulations first, without their curves; {@code ?limit=} 1-500, default 50. */
    @GET
    public List<Summary> list(@QueryParam("limit") Integer limit) {
        int max = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        return simulations.recent(max).stream().map(Summary::of).toList();
    }

    @ServerExceptionMapper
    public Response refused(SimulationRefused e) {
        return error(e.status(), e.getMessage());
    }

    private Duration wait(String param) {
        Duration wait = config.simulations().syncWait();
        if (param == null || param.isBlank()) {
            return wait;
        }
        String digits = param.strip().endsWith("s") ? param.strip().substring(0, param.strip().length() - 1) : param.strip();
        if (!digits.matches("\\d{1,6}")) {
            throw new SimulationRefused(400, "wait must be a number of seconds (0 or more, like 5 or 5s), not '"
                    + param.strip() + "'.");
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(digits));
        return asked.compareTo(wait) < 0 ? asked : wait;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiJson.Error(message)).build();
    }
}
