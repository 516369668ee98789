package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.simulate.SimulationRefused;
import org.cortexlit.simulate.SimulationRun;
import org.cortexlit.simulate.Simulations;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/** Simulations of prioritised screening: the upload form, the recent ones, and one simulation's figures and curve. */
@Path("/simulations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "reviewer"})
public class SimulationsPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance simulations(List<Shown> runs, String notice, String error, String model,
                                                   long defaultSeed, int maxRecords);

        static native TemplateInstance result(Shown shown, RecallChart chart);

        /** The part of the result that refreshes itself while the simulation runs (htmx). */
        static native TemplateInstance result$status(Shown shown, RecallChart chart);
    }

    /** A simulation with its figures written for people: fractions as percentages. */
    public record Shown(SimulationRun run, String wss95, String wss100, String rrf10, String recall95) {

        static Shown of(SimulationRun r) {
            return new Shown(r, percent(r.wss95), percent(r.wss100), percent(r.rrf10),
                    (int) Math.ceil(0.95 * r.relevant) + " of " + r.relevant);
        }

        private static String percent(Double fraction) {
            return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
        }
    }

    private final Simulations simulations;
    private final CortexLitConfig config;
    private final SecurityIdentity identity;

    public SimulationsPage(Simulations simulations, CortexLitConfig config, SecurityIdentity identity) {
        this.simulations = simulations;
        this.config = config;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list() {
        return Templates.simulations(simulations.recent(50).stream().map(Shown::of).toList(), flash.notice(),
                flash.error(), simulations.model().name(), Simulations.DEFAULT_SEED,
                config.simulations().maxRecords());
    }

    /** Post/Redirect/Get: a readable file lands on its simulation's page, a bad one back on the form with why. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestForm("file") FileUpload file, @RestForm("seed") String seedField) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Redirects.error("/simulations", "Choose a labelled CSV file first.");
        }
        Simulations.Handle handle;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            handle = simulations.submit(file.fileName(), in, Simulations.seed(seedField),
                    identity.getPrincipal().getName());
        } catch (SimulationRefused e) {
            return Redirects.error("/simulations", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handle.await(config.simulations().syncWait()); // small files: land on the finished result
        return Redirects.to("/simulations/" + handle.id());
    }

    /** The simulation's page; to htmx (while it runs) only the part that changes. */
    @GET
    @Path("/{id}")
    public TemplateInstance result(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        SimulationRun run = simulations.find(id);
        if (run == null) {
            throw new NotThere("No simulation with id " + id + ".");
        }
        Shown shown = Shown.of(run);
        RecallChart chart = run.succeeded() ? RecallChart.of("recall-" + run.id,
                "Relevant records found against records screened: " + run.dataset + ", " + run.model + ", seed " + run.seed,
                run.fullCurve(), run.records, run.relevant, run.screenedAt95,
                "95% recall (" + shown.recall95() + ") at " + run.screenedAt95) : null;
        return htmx != null ? Templates.result$status(shown, chart) : Templates.result(shown, chart);
    }
}
