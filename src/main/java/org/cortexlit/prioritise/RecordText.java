package org.cortexlit.prioritise;

import java.util.List;
import java.util.Objects;

/**
 * The text of one record of a review as the model sees it: title, abstract, and MeSH headings or author keywords when
 * the record has them. {@code id} is the caller's identifier (the app's review record id, a row number in a simulation).
 */
public record RecordText(long id, String title, String abstractText, List<String> keywords) {

    public RecordText {
        title = Objects.requireNonNullElse(title, "");
        abstractText = Objects.requireNonNullElse(abstractText, "");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public RecordText(long id, String title, String abstractText) {
        this(id, title, abstractText, List.of());
    }
}
