package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.cortexlit.library.Article;
import org.cortexlit.library.SuggestionDisplay;
import org.cortexlit.library.TagChange;
import org.cortexlit.library.TagDimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag panel of the screening and article pages ({@code templates/tags/tagPanel.html}): one form for every
 * dimension, saved at once, each dimension with the suggester's proposal beside it and a button that accepts it.
 *
 * @param action   where the form posts (see {@link TagForm})
 * @param version  the article version the form was made from; a save against another is refused
 * @param rows     the dimensions as the form shows them
 * @param saved    the dimensions as stored (the same as {@code rows} unless a refused save keeps the reviewer's choices)
 * @param editable whether the viewer may tag (readers see the tags and the suggestions only)
 * @param history  the article's tag history, or null where the page does not show it
 */
public record TagPanel(String action, int version, List<Row> rows, List<Row> saved, boolean editable,
                       List<TagChange> history, String notice, String error) {

    /** The panel alone, as htmx swaps it in after a save. */
    @CheckedTemplate(basePath = "tags")
    static class Templates {
        static native TemplateInstance tagPanel(TagPanel panel);
    }

    TemplateInstance render() {
        return Templates.tagPanel(this);
    }

    /** One dimension: the values offered, the ones set, free text for values outside the offer, the suggestion. */
    public record Row(TagDimension dimension, List<String> offered, List<String> set, String free,
                      SuggestionDisplay.Row suggestion) {
        public String key() {
            return dimension.key;
        }

        public boolean has(String value) {
            return set.contains(value);
        }

        /** Whether {@code value} is one the suggester proposes. */
        public boolean suggests(String value) {
            return suggestion != null && suggestion.values().contains(value);
        }

        /** Whether the tags already say what the suggestion says. */
        public boolean agrees() {
            return suggestion != null && set.equals(suggestion.values());
        }

        /** Whether the panel offers a text field: for dimensions with several values or no fixed list. */
        public boolean freeText() {
            return dimension.multiple || offered.isEmpty();
        }
    }

    /**
     * The panel of {@code a}, offering {@code vocabulary}'s values (values set outside it show as free text), with
     * {@code suggestions} beside each dimension.
     */
    public static TagPanel of(Article a, Map<TagDimension, List<String>> vocabulary, SuggestionDisplay suggestions,
                              String action, boolean editable, List<TagChange> history) {
        List<Row> rows = new ArrayList<>();
        vocabulary.forEach((dim, offered) -> {
            List<String> set = a.tagValues(dim.key);
            rows.add(row(dim, offered, set, suggestions.row(dim)));
        });
        return new TagPanel(action, a.version, List.copyOf(rows), List.copyOf(rows), editable, history, null, null);
    }

    private static Row row(TagDimension dim, List<String> offered, List<String> set, SuggestionDisplay.Row suggestion) {
        List<String> extra = set.stream().filter(v -> !offered.contains(v)).toList();
        return new Row(dim, offered, List.copyOf(set), String.join(", ", extra), suggestion);
    }

    /** Every dimension of the defaults, as the article page offers them. */
    public static Map<TagDimension, List<String>> defaultVocabulary() {
        Map<TagDimension, List<String>> defaults = new LinkedHashMap<>();
        for (TagDimension d : TagDimension.values()) {
            defaults.put(d, d.defaults);
        }
        return defaults;
    }

    public TagPanel withNotice(String message) {
        return withMessages(message, null);
    }

    /** The panel showing what the last save said (a flash message after a redirect). */
    public TagPanel withMessages(String notice, String error) {
        return new TagPanel(action, version, rows, saved, editable, history, notice, error);
    }

    /**
     * The panel after a save was refused: showing {@code error} and the reviewer's own choices from {@code form}
     * (so nothing they ticked or typed is lost), at {@code version} (the article's version now).
     */
    public TagPanel refused(String error, TagForm form, int version) {
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) {
            List<String> chosen = form.carries(r.key()) ? form.values(r.key()) : r.set();
            List<String> set = chosen.stream().filter(r.offered()::contains).toList();
            String free = form.carries(r.key()) ? form.free(r.key()) : r.free();
            kept.add(new Row(r.dimension(), r.offered(), set, free == null ? "" : free, r.suggestion()));
        }
        return new TagPanel(action, version, List.copyOf(kept), saved, editable, history, null,
                error + " What you chose is still in the form.");
    }

    /** Whether some dimension has a suggestion the tags do not follow yet (the "accept all" button shows then). */
    public boolean suggestionsPending() {
        return rows.stream().anyMatch(r -> r.suggestion() != null && !r.agrees());
    }

    public boolean anySuggestion() {
        return rows.stream().anyMatch(r -> r.suggestion() != null);
    }

    /** The dimensions with stored values, for the summary line. */
    public List<Row> tagged() {
        return saved.stream().filter(r -> !r.set().isEmpty()).toList();
    }
}
