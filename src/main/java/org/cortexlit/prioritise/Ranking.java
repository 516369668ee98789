package org.cortexlit.prioritise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A trained model's scores for every record of its corpus (higher: more likely relevant), with the reasons. Immutable:
 * a background thread can build the next one while the queue keeps reading this one.
 */
public final class Ranking {

    private final Corpus corpus;
    private final LinearWeights model;
    private final double[] scores;
    private final String modelName;

    Ranking(Corpus corpus, LinearWeights model, String modelName) {
        this.corpus = corpus;
        this.model = model;
        this.modelName = modelName;
        this.scores = new double[corpus.size()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = corpus.dot(r, model.weights(), model.bias());
        }
    }

    public String modelName() {
        return modelName;
    }

    LinearWeights model() {
        return model;
    }

    public Corpus corpus() {
        return corpus;
    }

    public double score(long id) {
        return scores[corpus.row(id)];
    }

    double scoreOfRow(int row) {
        return scores[row];
    }

    /**
     * The words that pushed this record's score up the most, largest first: only words present in the record and
     * weighing towards relevant, at most {@code limit}.
     */
    public List<Contribution> explain(long id, int limit) {
        int row = corpus.row(id);
        List<Contribution> out = new ArrayList<>();
        for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
            double value = model.weights()[corpus.column(i)] * corpus.value(i);
            if (value > 0) {
                out.add(new Contribution(corpus.term(corpus.column(i)), corpus.display(corpus.column(i)), value));
            }
        }
        out.sort(Comparator.comparingDouble(Contribution::value).reversed().thenComparing(Contribution::term));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The highest-scoring record not in {@code screened}, as {@link MaxRelevance} picks it; empty when none is left. */
    public OptionalLong next(Set<Long> screened) {
        return new MaxRelevance().next(this, screened);
    }
}
