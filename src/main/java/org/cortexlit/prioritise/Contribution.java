package org.cortexlit.prioritise;

/**
 * One word's (or word pair's) share of a record's score: its weight in the model times its weight in the record.
 *
 * @param term  the feature, as the tokenizer makes it (a stem such as "random" where the model stems)
 * @param words the feature as the review's records most often spell it ("randomized"), for display
 */
public record Contribution(String term, String words, double value) {
}
