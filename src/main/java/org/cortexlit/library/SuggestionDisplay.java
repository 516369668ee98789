package org.cortexlit.library;

import org.cortexlit.suggest.Evidence;
import org.cortexlit.suggest.SuggestInput;
import org.cortexlit.suggest.Suggestion;
import org.cortexlit.suggest.Suggestions;
import org.cortexlit.text.Marks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a page shows of an article's suggested tags: one row per dimension with a suggestion (its values as the
 * dimension stores them, the confidence, the words that justify it) and the evidence spans to mark in the title
 * and in each abstract section, in a colour per dimension ({@code ev ev-design}, {@code ev ev-target}...).
 */
public final class SuggestionDisplay {

    /** One dimension's suggestion: {@code values} as accepting it would store them. */
    public record Row(TagDimension dimension, List<String> values, int confidencePercent, List<String> quotes) {
        public String valueText() {
            return String.join(", ", values);
        }
    }

    private final List<Row> rows;
    private final List<Marks.Span> titleSpans = new ArrayList<>();
    private final List<List<Marks.Span>> sectionSpans = new ArrayList<>();

    private SuggestionDisplay(Suggestions s, SuggestInput input) {
        for (int i = 0; i < input.sections().size(); i++) {
            sectionSpans.add(new ArrayList<>());
        }
        Map<TagDimension, List<Suggestion>> byDimension = new LinkedHashMap<>();
        byDimension.put(TagDimension.DESIGN, s.design() == null ? List.of() : List.of(s.design()));
        byDimension.put(TagDimension.TARGET, s.targets());
        byDimension.put(TagDimension.MODALITY, s.modalities());
        byDimension.put(TagDimension.FREQUENCY, s.frequency() == null ? List.of() : List.of(s.frequency()));
        byDimension.put(TagDimension.SESSIONS, s.sessions() == null ? List.of() : List.of(s.sessions()));
        byDimension.put(TagDimension.INTENSITY, s.intensity() == null ? List.of() : List.of(s.intensity()));
        byDimension.put(TagDimension.CONDITION, s.condition() == null ? List.of() : List.of(s.condition()));
        List<Row> out = new ArrayList<>();
        byDimension.forEach((dim, suggestions) -> {
            List<String> values = new ArrayList<>();
            List<String> quotes = new ArrayList<>();
            double confidence = 0;
            for (Suggestion x : suggestions) {
                String value;
                try {
                    value = dim.normalise(x.value());
                } catch (IllegalArgumentException e) {
                    continue; // not a value of this dimension: not offered
                }
                values.add(value);
                confidence = Math.max(confidence, x.confidence());
                String title = dim.label + ": " + value;
                for (Evidence e : x.evidence()) {
                    String css = "ev ev-" + dim.key;
                    switch (e.field()) {
                        case Evidence.TITLE -> titleSpans.add(new Marks.Span(e.start(), e.end(), css, title));
                        case Evidence.ABSTRACT -> addAbstractSpan(input, e, css, title);
                        default -> quotes.add(fieldName(e.field()) + ": " + e.text());
                    }
                    if (Evidence.TITLE.equals(e.field()) || Evidence.ABSTRACT.equals(e.field())) {
                        quotes.add("“" + e.text() + "”");
                    }
                }
            }
            if (!values.isEmpty()) {
                out.add(new Row(dim, List.copyOf(values), (int) Math.round(confidence * 100),
                        List.copyOf(new LinkedHashSet<>(quotes)))); // a word quoted once however often it counted
            }
        });
        this.rows = List.copyOf(out);
    }

    /** The display of {@code a}'s suggestions by the current rules. */
    public static SuggestionDisplay of(Article a) {
        return new SuggestionDisplay(a.currentSuggestions(), a.suggestInput());
    }

    private void addAbstractSpan(SuggestInput input, Evidence e, String css, String title) {
        if (input.sections().isEmpty()) {
            return;
        }
        SuggestInput.SectionOffset from = input.sectionOffset(e.start());
        SuggestInput.SectionOffset to = input.sectionOffset(Math.max(e.start(), e.end() - 1));
        int end = from.section() == to.section() ? to.offset() + 1
                : input.sections().get(from.section()).text().length(); // a span is shown within its section
        sectionSpans.get(from.section()).add(new Marks.Span(from.offset(), end, css, title));
    }

    private static String fieldName(String field) {
        return switch (field) {
            case Evidence.PUBLICATION_TYPE -> "publication type";
            case Evidence.MESH -> "MeSH";
            default -> field.toLowerCase(Locale.ROOT);
        };
    }

    /** The dimensions with a suggestion, in the order of {@link TagDimension}. */
    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The suggestion of one dimension, or null. */
    public Row row(TagDimension dimension) {
        return rows.stream().filter(r -> r.dimension() == dimension).findFirst().orElse(null);
    }

    /** The title's HTML (made of the plain title) with the evidence marked. */
    public String markTitle(String titleHtml) {
        return Marks.mark(titleHtml, titleSpans);
    }

    /** Section {@code index}'s HTML (made of its plain text) with the evidence marked. */
    public String markSection(int index, String sectionHtml) {
        return index < sectionSpans.size() ? Marks.mark(sectionHtml, sectionSpans.get(index)) : sectionHtml;
    }
}
