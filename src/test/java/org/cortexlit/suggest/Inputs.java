package org.cortexlit.suggest;

import java.util.Arrays;
import java.util.List;

/** Small hand-written inputs for the rule tests. */
final class Inputs {

    private Inputs() {
    }

    static SuggestInput text(String title, String abstractText) {
        return new SuggestInput("t", title, List.of(new SuggestInput.Section(null, abstractText)), List.of(),
                List.of(), List.of());
    }

    static SuggestInput typed(String title, String abstractText, String... publicationTypes) {
        return new SuggestInput("t", title, List.of(new SuggestInput.Section(null, abstractText)),
                Arrays.asList(publicationTypes), List.of(), List.of());
    }

    static String value(Suggestion s) {
        return s == null ? "-" : s.value();
    }

    static String values(List<Suggestion> list) {
        return list.isEmpty() ? "-" : String.join(";", list.stream().map(Suggestion::value).sorted().toList());
    }
}
