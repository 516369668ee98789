package org.cortexlit.prioritise;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The average of several classifiers' scores, each first put on one scale (its scores over the whole corpus standardised
 * to mean 0 and standard deviation 1), so no member dominates because its scores happen to be larger. A sum of
 * standardised linear scorers is linear, so the ensemble's explanations are still words and their weights.
 */
public final class Ensemble implements Classifier {

    private final List<Classifier> members;

    public Ensemble(List<Classifier> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("An ensemble needs at least one classifier.");
        }
        this.members = List.copyOf(members);
    }

    @Override
    public String describe() {
        return members.stream().map(Classifier::describe).collect(Collectors.joining(" + ", "ensemble of ", ""));
    }

    @Override
    public LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant) {
        double[] weights = new double[corpus.terms()];
        double bias = 0;
        for (Classifier member : members) {
            LinearWeights m = member.fit(corpus, rows, relevant);
            double sum = 0;
            double sumSquares = 0;
            for (int r = 0; r < corpus.size(); r++) {
                double s = corpus.dot(r, m.weights(), m.bias());
                sum += s;
                sumSquares += s * s;
            }
            double mean = sum / corpus.size();
            double sd = Math.sqrt(Math.max(sumSquares / corpus.size() - mean * mean, 0));
            double scale = sd > 0 ? 1.0 / (sd * members.size()) : 0;
            for (int j = 0; j < weights.length; j++) {
                weights[j] += m.weights()[j] * scale;
            }
            bias += (m.bias() - mean) * scale;
        }
        return new LinearWeights(weights, bias);
    }
}
