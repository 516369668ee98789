package org.cortexlit.search;

import org.apache.lucene.facet.FacetsConfig;

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

        /** The query clause that narrows a search to {@code value}, e.g. {@code "Review"[pt]}. */
        public String clause(String value) {
            return (quoted ? "\"" + value.replace("\"", "") + "\"" : value) + "[" + tag + "]";
        }
    }

    public static final Dimension YEAR = new Dimension("year", "Year", "dp", false);
    public static final Dimension PUBLICATION_TYPE = new Dimension("publicationType", "Publication type", "pt", true);
    public static final Dimension JOURNAL = new Dimension("journal", "Journal", "ta", true);
    public static final Dimension LANGUAGE = new Dimension("language", "Language", "la", false);

    public static final List<Dimension> ALL = List.of(YEAR, PUBLICATION_TYPE, JOURNAL, LANGUAGE);

    /** How facets are indexed: publication types and languages can hold several values per article. */
    public static final FacetsConfig CONFIG = config();

    private static FacetsConfig config() {
        FacetsConfig c = new FacetsConfig();
        c.setMultiValued(PUBLICATION_TYPE.name(), true);
        c.setMultiValued(LANGUAGE.name(), true);
        return c;
    }
}
