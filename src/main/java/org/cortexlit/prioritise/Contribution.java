package org.cortexlit.prioritise;

/** One word's (or word pair's) share of a record's score: its weight in the model times its weight in the record. */
public record Contribution(String term, double value) {
}
