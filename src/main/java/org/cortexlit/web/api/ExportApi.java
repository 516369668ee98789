package org.cortexlit.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.cortexlit.library.ArticleExport;
import org.cortexlit.library.Corpus;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.web.ExportPages;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A search's results as a file: CSV, RIS or MEDLINE text, in the search's order, streamed in chunks. */
@Path("/api/search/export")
public class ExportApi {

    @Inject
    Corpus corpus;

    private static final int CHUNK = 500;

    private final SearchService search;

    public ExportApi(SearchService search) {
        this.search = search;
    }

    @GET
    public Response export(@QueryParam("q") String q, @QueryParam("format") String formatName,
                           @QueryParam("sort") String sort, @QueryParam("max") Integer max) throws IOException {
        ArticleExport.Format format = ArticleExport.Format.parse(formatName);
        if (format == null) {
            return ImportsApi.error(400, "format must be csv, ris or medline, not '" + formatName + "'.");
        }
        int limit = max == null ? SearchService.MAX_EXPORT : max;
        if (limit < 1 || limit > SearchService.MAX_EXPORT) {
            return ImportsApi.error(400, "max must be between 1 and " + SearchService.MAX_EXPORT + ", not " + limit + ".");
        }
        List<String> pmids;
        try {
            pmids = search.keys(q, SearchService.Order.parse(sort), limit);
        } catch (QuerySyntaxException e) {
            return ImportsApi.error(400, e.getMessage());
        }
        return stream(corpus, pmids, format, ExportPages.fileName("cortexlit", q, LocalDate.now(ZoneOffset.UTC)));
    }

    /** The articles with these keys, in this order, as a download named {@code name.ext}. */
    public static Response stream(Corpus corpus, List<String> pmids, ArticleExport.Format format, String name) {
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ArticleExport.header(format, w);
            for (int from = 0; from < pmids.size(); from += CHUNK) {
                List<String> chunk = pmids.subList(from, Math.min(pmids.size(), from + CHUNK));
                corpus.each(chunk, a -> ArticleExport.write(format, a, w)); // the search's order, not the database's
            }
            w.flush();
        };
        return Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension + "\"")
                .header("X-Total-Count", pmids.size())
                .build();
    }
}
