package org.cortexlit.screening;

/** What the review settings form (and the API) sends; every field may be null. */
public record ReviewForm(String name, String question, String inclusionCriteria, String exclusionCriteria,
                         String includeWords, String excludeWords, String exclusionReasons, String tagVocabulary,
                         String mode, String query) {
}
