package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.importing.ImportError;
import org.cortexlit.importing.ImportHistory;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.importing.ImportService;
import org.cortexlit.search.SearchIndex;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The upload form, the history of import runs, and one run's counts and errors. */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportsPage {

    @Inject
    ImportHistory history;

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(List<ImportRun> runs, String notice, String error, int indexed);

        static native TemplateInstance run(ImportRun run, List<ImportError> errors);
    }

    private final ImportRunner runner;
    private final ImportService imports;
    private final SearchIndex index;
    private final CortexLitConfig config;

    public ImportsPage(ImportRunner runner, ImportService imports, SearchIndex index,
                       CortexLitConfig config) {
        this.runner = runner;
        this.imports = imports;
        this.index = index;
        this.config = config;
    }

    @GET
    public TemplateInstance list() {
        String notice = flash.notice();
        String error = flash.error();
        List<ImportRun> runs = history.recent(100);
        return Templates.imports(runs, notice, error, index.numDocs());
    }

    /** Post/Redirect/Get: the upload starts a run and the browser lands on the run's page. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "reviewer"})
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Redirects.error("/imports", "Choose a file to import first.");
        }
        ImportRunner.Handle handle = runner.submit(file.uploadedFile(), file.fileName(), ImportRun.Trigger.UPLOAD);
        handle.await(Duration.ofSeconds(5)); // small files: land on a finished run
        return Response.seeOther(URI.create("/imports/" + handle.runId())).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance run(@PathParam("id") long id) {
        ImportHistory.RunDetail d = history.run(id)
                .orElseThrow(() -> new NotThere("No import run with id " + id + "."));
        return Templates.run(d.run(), d.errors());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"admin", "reviewer"})
    public Response cancel(@PathParam("id") long id) {
        imports.cancel(id); // a run that has just finished needs no cancelling: show it either way
        return Response.seeOther(URI.create("/imports/" + id)).build();
    }

    @POST
    @Path("/reindex")
    @RolesAllowed("admin")
    public Response reindex() {
        SearchIndex.RebuildRequest request = index.requestRebuild("requested from the imports page",
                config.index().rebuildWait());
        return switch (request.outcome()) {
            case ALREADY_RUNNING -> Redirects.error("/imports", "A rebuild of the search index is already under way; the "
                    + "search page shows its progress.");
            case DONE -> Redirects.notice("/imports", "Search index rebuilt from the database: " + index.numDocs() + " articles.");
            case STILL_RUNNING -> Redirects.notice("/imports", "The search index is being rebuilt in the background; "
                    + "searches answer from the current index until it ends, and the search page shows its progress.");
            case FAILED -> Redirects.error("/imports", "Rebuilding the search index failed: " + request.failure()
                    + ". The index keeps its last commit; the server log has the details. Try the button again.");
        };
    }
}
