package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleExport;
import org.cortexlit.library.TagDimension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A review's records with their screening: CSV with the article's columns plus status, decisions, reasons,
 * notes and one column per tag dimension; RIS with the decisions in {@code N1} and the tags in {@code KW}
 * ({@code design: controlled}), which Rayyan, Covidence and reference managers keep. Decisions the reader may
 * not see yet (blind dual screening) are left out, exactly as on the pages.
 */
public final class ReviewExport {

    public enum Format { CSV, RIS }

    private ReviewExport() {
    }

    public static Format parse(String s) {
        if (s != null) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
        }
        throw ScreeningException.invalid("format is csv or ris, not '" + s + "'.");
    }

    public static String header() {
        StringBuilder sb = new StringBuilder("key,").append(ArticleExport.CSV_COLUMNS)
                .append(",status,final_decision,final_reason,resolved_by,decisions,notes");
        for (TagDimension d : TagDimension.values()) {
            sb.append(',').append(d.key);
        }
        return sb.toString();
    }

    /** Writes the records with these ids (in this order) for {@code viewer}, 500 per transaction. */
    public static void write(long reviewId, List<Long> recordIds, Format format, Actor viewer, Writer w) throws IOException {
        if (format == Format.CSV) {
            w.write(header());
            w.write("\r\n");
        }
        for (int from = 0; from < recordIds.size(); from += 500) {
            List<Long> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + 500));
            QuarkusTransaction.requiringNew().run(() -> {
                Review review = Review.findById(reviewId);
                Map<Long, ReviewRecord> records = byId(ReviewRecord.list("id in ?1", chunk));
                Map<Long, List<ScreeningDecision>> decisions = new HashMap<>();
                for (ScreeningDecision d : ScreeningDecision.<ScreeningDecision>list("recordId in ?1 order by decidedAt, id", chunk)) {
                    decisions.computeIfAbsent(d.recordId, k -> new ArrayList<>()).add(d);
                }
                Map<Long, Article> articles = new HashMap<>();
                for (Article a : Article.<Article>list("id in ?1", records.values().stream().map(r -> r.articleId).toList())) {
                    articles.put(a.id, a);
                }
                try {
                    for (Long id : chunk) {
                        ReviewRecord rec = records.get(id);
                        Article a = articles.get(rec.articleId);
                        List<ScreeningDecision> visible = ScreeningRules.visibleDecisions(review, rec, viewer.name(),
                                decisions.getOrDefault(id, List.of()));
                        if (format == Format.CSV) {
                            csv(rec, a, visible, w);
                        } else {
                            ris(review, rec, a, visible, w);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        w.flush();
    }

    private static Map<Long, ReviewRecord> byId(Collection<ReviewRecord> records) {
        Map<Long, ReviewRecord> out = new HashMap<>();
        records.forEach(r -> out.put(r.id, r));
        return out;
    }

    private static void csv(ReviewRecord rec, Article a, List<ScreeningDecision> decisions, Writer w) throws IOException {
        List<String> cells = new ArrayList<>();
        cells.add(a.key());
        cells.addAll(ArticleExport.csvCells(a));
        cells.add(rec.status.name());
        cells.add(rec.finalDecision == null ? "" : rec.finalDecision.name());
        cells.add(rec.finalReason == null ? "" : rec.finalReason);
        cells.add(rec.resolvedBy == null ? "" : rec.resolvedBy);
        cells.add(String.join("; ", decisions.stream().map(d -> d.reviewer + ": " + d.decision.label()
                + (d.reason == null ? "" : " (" + d.reason + ")")).toList()));
        List<String> notes = new ArrayList<>();
        decisions.stream().filter(d -> d.note != null).forEach(d -> notes.add(d.reviewer + ": " + d.note));
        if (rec.resolutionNote != null) {
            notes.add(rec.resolvedBy + " (resolution): " + rec.resolutionNote);
        }
        cells.add(String.join("; ", notes));
        for (TagDimension d : TagDimension.values()) {
            cells.add(String.join("; ", a.tagValues(d.key)));
        }
        ArticleExport.csvRow(cells, w);
    }

    private static void ris(Review review, ReviewRecord rec, Article a, List<ScreeningDecision> decisions, Writer w)
            throws IOException {
        List<String> notes = new ArrayList<>();
        notes.add("CortexLit review \"" + review.name + "\": " + rec.status.name()
                + (rec.finalReason != null ? " (" + rec.finalReason + ")" : ""));
        for (ScreeningDecision d : decisions) {
            notes.add("Decision by " + d.reviewer + ": " + d.describe());
        }
        if (rec.resolvedBy != null) {
            notes.add("Resolved by " + rec.resolvedBy + ": " + rec.finalDecision.label()
                    + (rec.finalReason == null ? "" : " (" + rec.finalReason + ")")
                    + (rec.resolutionNote == null ? "" : ": " + rec.resolutionNote));
        }
        List<String> keywords = new ArrayList<>();
        for (TagDimension d : TagDimension.values()) {
            for (String v : a.tagValues(d.key)) {
                keywords.add(d.key + ": " + v);
            }
        }
        ArticleExport.ris(a, w, notes, keywords);
    }
}
