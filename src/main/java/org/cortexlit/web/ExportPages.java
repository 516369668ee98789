package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.Response;
import org.cortexlit.library.ArticleExport;
import org.cortexlit.screening.QueryMatches;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.Screening;
import org.cortexlit.web.api.ExportApi;

import java.util.List;

/**
 * A review's records as CSV, RIS or MEDLINE text, for the page ({@code /reviews/{id}/export}, session cookie)
 * and the API ({@code /api/reviews/{id}/export}, HTTP Basic).
 */
public final class ExportPages {

    /** Most records one review export holds. */
    public static final int MAX_REVIEW_EXPORT = 100_000;

    private ExportPages() {
    }

    /** A review's records (filtered like its record list) as a file; errors as JSON {"error"}. */
    public static Response reviewExport(Screening screening, QueryMatches matches, long id, String formatName, String status,
                                        String q) {
        ArticleExport.Format format = ArticleExport.Format.parse(formatName);
        if (format == null) {
            return Response.status(400).type("application/json")
                    .entity(java.util.Map.of("error", "format must be csv, ris or medline, not '" + formatName + "'.")).build();
        }
        RecordFilter filter = RecordFilter.of(id, status, q, matches);
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> {
            screening.review(id);
            return filter.keys(MAX_REVIEW_EXPORT);
        });
        return ExportApi.stream(keys, format, "review-" + id + (filter.statusName().isEmpty() ? "" : "-" + filter.statusName().toLowerCase()));
    }
}
