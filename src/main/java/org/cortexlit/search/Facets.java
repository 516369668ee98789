package org.cortexlit.search;

import org.apache.lucene.facet.FacetsConfig;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.query.QueryTranslator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The facet dimensions of the index (SortedSetDocValues facets) and how each one narrows a query. */
public final class Facets {

    private Facets() {
    }

    /** A facet dimension: its name in the index and the API, and the PubMed tag that selects a value. */
    public record Dimension(String name, String label, String tag, boolean quoted) {

        /**
         * {@code query} narrowed to {@code value}. PubMed reads operators left to right, so an AND appended at
         * the end applies to the whole query without parentheses.
         */
        public String narrow(String query, String value) {
            return query == null || query.isBlank() ? clause(value) : query.trim() + " AND " + clause(value);
        }

        /** The query clause that narrows a search to {@code value}, e.g. {@code "Review"[pt]}, {@code M1[target]},
         * {@code "deep TMS"[modality]}: quoted always for dimensions that say so, else when the value would not
         * read back as one term. A query cannot hold a double quote, so one inside a value is dropped. */
        public String clause(String value) {
            boolean quote = quoted || QueryTranslator.needsQuotes(value);
            return (quote ? "\"" + value.replace("\"", "") + "\"" : value) + "[" + tag + "]";
        }
    }

    public static final Dimension YEAR = new Dimension("year", "Year", "dp", false);
    public static final Dimension PUBLICATION_TYPE = new Dimension("publicationType", "Publication type", "pt", true);
    public static final Dimension JOURNAL = new Dimension("journal", "Journal", "ta", true);
    public static final Dimension LANGUAGE = new Dimension("language", "Language", "la", false);

    /** One facet per tag dimension, named by its key, which is also its field tag: {@code M1[target]}. */
    public static final List<Dimension> TAGS = Arrays.stream(TagDimension.values())
            .map(d -> new Dimension(d.key, d.label, d.key, false)).toList();

    /** One facet per tag dimension of the suggested values: {@code controlled[design-suggested]}. */
    public static final List<Dimension> SUGGESTED = Arrays.stream(TagDimension.values())
            .map(d -> new Dimension(d.suggestedKey(), d.label + " (suggested)", d.suggestedKey(), false)).toList();

    public static final List<Dimension> ALL = all();

    private static List<Dimension> all() {
        List<Dimension> all = new ArrayList<>(List.of(YEAR, PUBLICATION_TYPE, JOURNAL, LANGUAGE));
        all.addAll(TAGS);
        all.addAll(SUGGESTED);
        return List.copyOf(all);
    }

    /** How facets are indexed: publication types, languages and tags can hold several values per article
     * (a single-valued tag dimension too, should the database ever hold two). */
    public static final FacetsConfig CONFIG = config();

    private static FacetsConfig config() {
        FacetsConfig c = new FacetsConfig();
        c.setMultiValued(PUBLICATION_TYPE.name(), true);
        c.setMultiValued(LANGUAGE.name(), true);
        TAGS.forEach(d -> c.setMultiValued(d.name(), true));
        SUGGESTED.forEach(d -> c.setMultiValued(d.name(), true));
        return c;
    }
}
