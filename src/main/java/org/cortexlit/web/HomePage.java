package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.importing.ImportHistory;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.library.Corpus;

import java.util.List;

/** The front page: what the corpus holds, the latest imports, a search box. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    Corpus corpus;
    @Inject
    ImportHistory history;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(long articles, long withdrawn, List<ImportRun> imports);
    }

    @GET
    public TemplateInstance home() {
        Corpus.Figures f = corpus.figures();
        return Templates.home(f.visible(), f.withdrawn(), history.recent(5));
    }
}
