package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.cortexlit.screening.Actor;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.ReviewExport;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A review's records with their decisions, reasons, notes and tags as CSV or RIS, for the page
 * ({@code /reviews/{id}/export}, session cookie) and the API ({@code /api/reviews/{id}/export}, HTTP Basic).
 */
public final class ExportPages {

    /** Most records one review export holds. */
    public static final int MAX_REVIEW_EXPORT = 100_000;

    private ExportPages() {
    }

    /** Errors (bad format, status or query) are ScreeningExceptions, mapped to a message with its status. */
    public static Response reviewExport(org.cortexlit.screening.Reviews reviews, QueryMatches matches, long id, String formatName, String status,
                                        String q, Actor viewer) {
        ReviewExport.Format format = ReviewExport.parse(formatName == null ? "csv" : formatName);
        RecordFilter filter = RecordFilter.of(id, status, q, matches);
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            reviews.review(id);
            return filter.recordIds(MAX_REVIEW_EXPORT);
        });
        StreamingOutput body = out -> ReviewExport.write(id, ids, format, viewer,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        String name = "review-" + id + (filter.statusName().isEmpty() ? "" : "-" + filter.statusName().toLowerCase(Locale.ROOT));
        return Response.ok(body, format == ReviewExport.Format.CSV ? "text/csv; charset=UTF-8" : "application/x-research-info-systems")
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.name().toLowerCase(Locale.ROOT) + "\"")
                .header("X-Total-Count", ids.size())
                .build();
    }
}
