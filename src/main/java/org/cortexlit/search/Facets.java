package org.cortexlit.search;

import org.apache.lucene.facet.FacetsConfig;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.query.QueryTranslator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            return new Narrowing(query).narrow(this, value);
        }

        /** {@code value} as a person reads it: a language code ({@code eng}, as PubMed writes it) by its name. */
        public String display(String value) {
            return name.equals("language") ? languageName(value) : value;
        }

        /** Whether {@code query} is already narrowed to {@code value} (an AND-ed clause at its top level). */
        public boolean active(String query, String value) {
            return new Narrowing(query).active(this, value);
        }

        /** {@code query} without its narrowing to {@code value}: the facet taken back. */
        public String widen(String query, String value) {
            return new Narrowing(query).widen(this, value);
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

    /** The English name of a language code, ISO 639-2 as PubMed writes it ({@code eng} English, {@code ger} German);
     * a code the JDK does not know stays as it is. */
    public static String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code.strip()).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code.strip()) ? code.strip() : name;
    }

    /**
     * A query with its facet clauses read once, to narrow or widen it by many values: a page of results links every
     * facet value so, and reading the query for each of them cost more than the search.
     */
    public static final class Narrowing {
        private final String query;
        private final List<ActiveFilter> active;

        public Narrowing(String query) {
            this.query = query == null ? "" : query.trim();
            this.active = List.copyOf(activeFilters(query));
        }

        /** The facet clauses that narrow the query, as {@link #activeFilters} reads them. */
        public List<ActiveFilter> filters() {
            return active;
        }

        /** The query narrowed to {@code value} of {@code d}, or as it is when it already is. */
        public String narrow(Dimension d, String value) {
            if (query.isEmpty()) {
                return d.clause(value);
            }
            return active(d, value) ? query : query + " AND " + d.clause(value);
        }

        /** Whether the query is narrowed to {@code value} of {@code d} (an AND-ed clause at its top level). */
        public boolean active(Dimension d, String value) {
            return filter(d, value) != null;
        }

        /** The query without its narrowing to {@code value} of {@code d}, or as it is when not narrowed so. */
        public String widen(Dimension d, String value) {
            ActiveFilter f = filter(d, value);
            return f == null ? query : f.without();
        }

        private ActiveFilter filter(Dimension d, String value) {
            for (ActiveFilter f : active) {
                if (f.dimension().equals(d) && f.value().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A facet clause that narrows a query ({@code pain AND 2019[dp]}), and the query without it. */
    public record ActiveFilter(Dimension dimension, String value, String without) {
    }

    private static final Pattern CLAUSE = Pattern.compile("(?:\"([^\"]*)\"|([^\\s\"()\\[\\]]+))\\[([A-Za-z-]+)]");

    /**
     * The facet clauses that narrow {@code query}: its top-level parts that are a facet's {@code value[tag]} and are
     * AND-ed with the rest (PubMed reads operators left to right, so {@code a OR b AND 2019[dp]} is narrowed to 2019,
     * {@code 2019[dp] OR a} is not), each with the query as it reads without it.
     */
    public static List<ActiveFilter> activeFilters(String query) {
        List<String> parts = topLevelParts(query == null ? "" : query);
        List<ActiveFilter> active = new ArrayList<>();
        int n = (parts.size() + 1) / 2;
        for (int i = 0; i < n; i++) {
            boolean anded = i > 0 ? parts.get(2 * i - 1).equals("AND") : n == 1 || parts.get(1).equals("AND");
            Matcher m = CLAUSE.matcher(parts.get(2 * i));
            if (!anded || !m.matches()) {
                continue;
            }
            String value = m.group(1) != null ? m.group(1) : m.group(2);
            String tag = m.group(3);
            Dimension d = ALL.stream().filter(x -> x.tag().equalsIgnoreCase(tag)).findFirst().orElse(null);
            if (d == null || value.isBlank()) {
                continue;
            }
            List<String> rest = new ArrayList<>(parts);
            if (i > 0) {
                rest.subList(2 * i - 1, 2 * i + 1).clear();
            } else {
                rest.subList(0, Math.min(2, rest.size())).clear();
            }
            active.add(new ActiveFilter(d, value, String.join(" ", rest)));
        }
        return active;
    }

    /** {@code query} cut at its top-level operators: part, operator, part, ... (outside quotes and parentheses). */
    private static List<String> topLevelParts(String query) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        String[] words = query.trim().split("(?<=\\s)|(?=\\s)");
        for (String w : words) {
            if (depth == 0 && !quoted && (w.equals("AND") || w.equals("OR") || w.equals("NOT")) && !part.toString().isBlank()) {
                parts.add(part.toString().trim());
                parts.add(w);
                part.setLength(0);
                continue;
            }
            for (char c : w.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth = Math.max(0, depth - 1);
                }
            }
            part.append(w);
        }
        if (!part.toString().isBlank() || parts.isEmpty()) {
            parts.add(part.toString().trim());
        } else {
            parts.remove(parts.size() - 1); // a trailing operator names nothing
        }
        return parts;
    }
}
