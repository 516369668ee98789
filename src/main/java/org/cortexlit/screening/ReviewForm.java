package org.cortexlit.screening;

/**
 * What the review settings form (and the API) sends; every field may be null. {@code order} is the queue's order,
 * {@code relevance} or {@code import}; null leaves it as it is (relevance for a new review).
 */
public record ReviewForm(String name, String question, String inclusionCriteria, String exclusionCriteria,
                         String includeWords, String excludeWords, String exclusionReasons, String tagVocabulary,
                         String mode, String query, String order) {

    public ReviewForm(String name, String question, String inclusionCriteria, String exclusionCriteria,
                      String includeWords, String excludeWords, String exclusionReasons, String tagVocabulary,
                      String mode, String query) {
        this(name, question, inclusionCriteria, exclusionCriteria, includeWords, excludeWords, exclusionReasons,
                tagVocabulary, mode, query, null);
    }
}
