package org.cortexlit.prioritise;

import java.util.List;
import java.util.Map;

/**
 * The screening prioritisation model: the one entry point the review queue and the {@link Simulation} both go through.
 * Build the {@link Corpus} once per set of records (rebuild it when records are added), then {@link #train} after every
 * decision or every few; each training returns an immutable {@link Ranking}.
 */
public interface Prioritiser {

    /** Names the features and the classifier, for reports and logs. */
    String name();

    /** Vectorises a review's records; the slow step, done once. Record ids must be unique. */
    Corpus corpus(List<RecordText> records);

    /**
     * Trains on the decisions so far and scores every record of {@code corpus}.
     *
     * @param labels the screened records by id; there must be at least one relevant and one irrelevant
     *               ({@link #canTrain}); every id must be in the corpus
     */
    Ranking train(Corpus corpus, Map<Long, Label> labels);

    /**
     * As {@link #train(Corpus, Map)}, letting the classifier start from {@code previous} (the ranking the queue is
     * showing, trained on the same corpus; null for none) where it can: what makes retraining after every decision cheap.
     */
    default Ranking train(Corpus corpus, Map<Long, Label> labels, Ranking previous) {
        return train(corpus, labels);
    }

    /** Whether {@code labels} hold both classes, the least a classifier can learn from. */
    static boolean canTrain(Map<Long, Label> labels) {
        return labels.containsValue(Label.RELEVANT) && labels.containsValue(Label.IRRELEVANT);
    }
}
