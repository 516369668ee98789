package org.cortexlit.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.cortexlit.importing.Duplicates;
import org.cortexlit.importing.ImportError;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of the API. Field names are a contract with scripts outside this repository. */
public final class ApiJson {

    private ApiJson() {
    }

    public record Error(String error) {
    }

    public record RecordError(int record, String pmid, String message) {
    }

    public record Run(long id, String status, String format, String fileName, String trigger, String source,
                      Long savedSearchId,
                      int recordsRead, Integer recordsExpected, Integer progress,
                      int created, int updated, int unchanged, int duplicates, int withdrawn,
                      int withdrawnUnknown, int failed, List<RecordError> errors, String message, Instant startedAt, Instant finishedAt,
                      long durationMs) {

        public static Run of(ImportRun r, List<ImportError> errors) {
            return new Run(r.id, r.status.name(), r.format, r.fileName, r.trigger.name(), r.source, r.savedSearchId,
                    r.recordsRead, r.recordsExpected, r.percent(),
                    r.created, r.updated, r.unchanged, r.duplicates, r.withdrawn, r.withdrawnUnknown, r.failed,
                    errors.stream().map(e -> new RecordError(e.recordNumber, e.pmid, e.message)).toList(),
                    r.message, r.startedAt, r.finishedAt, r.duration().toMillis());
        }
    }

    public record Author(String lastName, String foreName, String initials, String collectiveName,
                         List<String> affiliations) {
    }

    public record Mesh(String descriptor, boolean major, List<String> qualifiers) {
    }

    /** {@code key}: the PMID, or CL&lt;id&gt; for a record without one; {@code duplicateOf}: the key of the kept
     * article this record is linked to as a duplicate, or null. */
    public record Pubmed(String key, String pmid, String doi, String title, String vernacularTitle,
                         @JsonProperty("abstract") String abstractText,
                         String journal, String journalAbbrev, Integer year, String pubDate, String volume,
                         String issue, String pages, String language, List<String> languages, List<Author> authors,
                         List<Mesh> mesh, List<String> publicationTypes, List<String> keywords, boolean withdrawn,
                         String duplicateOf, Map<String, List<String>> tags, int version) {

        public static Pubmed of(Article a) {
            List<String> langs = a.languageList();
            Article kept = a.duplicateOf == null ? null : Article.findById(a.duplicateOf);
            return new Pubmed(a.key(), a.pmid, a.doi, a.title, a.vernacularTitle, a.abstractText(), a.journal, a.journalAbbrev,
                    a.year, a.pubDate, a.volume, a.issue, a.pages, langs.isEmpty() ? null : langs.get(0), langs,
                    a.authors.stream().map(x -> new Author(x.lastName, x.foreName, x.initials, x.collectiveName,
                            x.affiliationList())).toList(),
                    a.mesh.stream().map(m -> new Mesh(m.descriptor, m.major, m.qualifierList())).toList(),
                    List.copyOf(a.publicationTypes), List.copyOf(a.keywords), a.withdrawn,
                    kept == null ? null : kept.key(), tags(a), a.version);
        }

        /** The study's tags by dimension (only dimensions with values). */
        static Map<String, List<String>> tags(Article a) {
            Map<String, List<String>> out = new TreeMap<>();
            a.tags.forEach(t -> out.computeIfAbsent(t.dimension, k -> new ArrayList<>()).add(t.value));
            out.values().forEach(Collections::sort);
            return out;
        }
    }

    /** Matched words wrapped in {@code <mark>}, everything else HTML-escaped: safe to insert as HTML. */
    public record Highlights(String title, @JsonProperty("abstract") String abstractText) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String key, String pmid, String title, Integer year, String journal, float score, Highlights highlights) {

        static Hit of(SearchService.Hit h, boolean withHighlights) {
            return new Hit(h.key(), h.pmid(), h.title(), h.year(), h.journal(), h.score(),
                    withHighlights ? new Highlights(h.titleHtml(), h.snippetHtml()) : null);
        }
    }

    /** {@code facets}: dimension -> value -> count, values in display order (years newest first). */
    public record Search(String query, long total, int page, int size, String sort, List<Hit> hits,
                         Map<String, Map<String, Long>> facets) {

        public static Search of(SearchService.Result r) {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            for (SearchService.Facet f : r.facets()) {
                Map<String, Long> values = new LinkedHashMap<>();
                f.values().forEach(v -> values.put(v.value(), v.count()));
                facets.put(f.dimension().name(), values);
            }
            return new Search(r.normalized(), r.total(), r.page(), r.size(), r.order().param(),
                    r.hits().stream().map(h -> Hit.of(h, true)).toList(), facets);
        }
    }

    public record Similar(String pmid, int total, List<Hit> hits) {

        public static Similar of(String pmid, List<SearchService.Hit> hits) {
            return new Similar(pmid, hits.size(), hits.stream().map(h -> Hit.of(h, false)).toList());
        }
    }

    /** One record of a duplicate group; {@code rule} (DOI or TITLE) is null for the kept article. */
    public record DuplicateRecord(String key, String pmid, String doi, String title, Integer year, String firstAuthor,
                                  String rule, Long runId, String source, String format, String trigger) {

        static DuplicateRecord of(Duplicates.Member m) {
            return new DuplicateRecord(m.key(), m.pmid(), m.doi(), m.title(), m.year(), m.firstAuthor(),
                    m.rule() == null ? null : m.rule().name(), m.origin().runId(), m.origin().source(),
                    m.origin().format(), m.origin().trigger());
        }
    }

    public record DuplicateGroup(DuplicateRecord kept, List<DuplicateRecord> duplicates) {
    }

    /** {@code groups}: groups on this page; {@code groupCount}, {@code linked}: in the whole corpus. */
    public record DuplicateGroups(long groupCount, long linked, int page, int size, List<DuplicateGroup> groups) {

        public static DuplicateGroups of(Duplicates.Page p) {
            return new DuplicateGroups(p.groupCount(), p.linkedCount(), p.page(), p.size(), p.groups().stream()
                    .map(g -> new DuplicateGroup(DuplicateRecord.of(g.kept()),
                            g.duplicates().stream().map(DuplicateRecord::of).toList()))
                    .toList());
        }
    }

    /** The answer to a split: the record that now stands alone and the article it was linked to. */
    public record Split(String key, String splitFrom) {
    }
}
