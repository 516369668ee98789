package org.cortexlit.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.ReviewExport;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.QueryMatches;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    /**
     * A download's file name, without its extension, that says what it holds and when it was taken: the words of
     * {@code label} (a review's name, a query) in lower case joined by hyphens, at most 50 characters, and the date
     * ({@code rtms-ti-and-2019-dp-2026-12-05}). Plain ASCII, so every browser and file system takes it as it is.
     */
    public static String fileName(String prefix, String label, LocalDate date) {
        String words = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (words.length() > 50) {
            words = words.substring(0, 50);
            int cut = words.lastIndexOf('-');
            words = cut > 20 ? words.substring(0, cut) : words;
        }
        return prefix + (words.isEmpty() ? "" : "-" + words) + "-" + date;
    }

    /** Errors (bad format, status or query) are ScreeningExceptions, mapped to a message with its status. */
    public static Response reviewExport(Reviews reviews, QueryMatches matches, long id, String formatName, String status,
                                        String q, Actor viewer) {
        ReviewExport.Format format = ReviewExport.parse(formatName == null ? "csv" : formatName);
        RecordFilter filter = RecordFilter.of(id, status, q, matches);
        List<Long> ids = reviews.recordIds(id, filter, MAX_REVIEW_EXPORT);
        StreamingOutput body = out -> ReviewExport.write(id, ids, format, viewer,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        String name = fileName("review", reviews.review(id).name + (filter.statusName().isEmpty() ? ""
                : " " + filter.statusName()), LocalDate.now(ZoneOffset.UTC));
        return Response.ok(body, format == ReviewExport.Format.CSV ? "text/csv; charset=UTF-8" : "application/x-research-info-systems")
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.name().toLowerCase(Locale.ROOT) + "\"")
                .header("X-Total-Count", ids.size())
                .build();
    }
}
