package org.cortexlit.prioritise;

/**
 * A trained linear scorer over a corpus's columns: {@code score(x) = bias + weights . x}. Every classifier here is one,
 * so a record's score splits into one contribution per word, which is what its explanation shows.
 */
public record LinearWeights(double[] weights, double bias) {
}
