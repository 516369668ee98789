package org.cortexlit.prioritise;

/**
 * A trained linear scorer over a corpus's columns: {@code score(x) = bias + weights . x}. Every classifier here is one,
 * so a record's score splits into one contribution per word, which is what its explanation shows.
 *
 * @param dual for a classifier trained in its dual form, each corpus row's signed dual variable ({@code alpha * y}, zero
 *             for unlabelled rows), from which the next training starts; null otherwise
 */
public record LinearWeights(double[] weights, double bias, double[] dual) {

    public LinearWeights(double[] weights, double bias) {
        this(weights, bias, null);
    }
}
