package org.cortexlit.prioritise;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A {@link Prioritiser} made of TF-IDF features and a linear classifier. */
public final class LinearPrioritiser implements Prioritiser {

    private final String name;
    private final TextFeatures features;
    private final Classifier classifier;

    public LinearPrioritiser(String name, TextFeatures features, Classifier classifier) {
        this.name = name;
        this.features = features;
        this.classifier = classifier;
    }

    @Override
    public String name() {
        return name;
    }

    /** Features and classifier spelled out, for the documentation of a comparison. */
    public String describe() {
        return features.describe() + " / " + classifier.describe();
    }

    @Override
    public Corpus corpus(List<RecordText> records) {
        return Corpus.build(records, features);
    }

    @Override
    public Ranking train(Corpus corpus, Map<Long, Label> labels) {
        return train(corpus, labels, null);
    }

    @Override
    public Ranking train(Corpus corpus, Map<Long, Label> labels, Ranking previous) {
        if (corpus.features() != features) {
            throw new IllegalArgumentException("This corpus was built by another prioritiser's features ("
                    + corpus.features().describe() + "); build it with " + name + "'s corpus().");
        }
        if (!Prioritiser.canTrain(labels)) {
            long relevant = labels.values().stream().filter(Label::relevant).count();
            throw new IllegalArgumentException("Training needs at least one relevant and one irrelevant record; "
                    + "the labels hold " + relevant + " relevant and " + (labels.size() - relevant) + " irrelevant.");
        }
        int[] rows = new int[labels.size()];
        boolean[] relevant = new boolean[labels.size()];
        int k = 0;
        for (Map.Entry<Long, Label> e : labels.entrySet()) {
            rows[k] = corpus.row(e.getKey());
            relevant[k] = e.getValue().relevant();
            k++;
        }
        sortByRow(rows, relevant);
        LinearWeights start = previous != null && previous.corpus() == corpus ? previous.model() : null;
        return new Ranking(corpus, classifier.fit(corpus, rows, relevant, start), name);
    }

    /** The classifier sees rows in corpus order whatever map the labels came in, so equal labels give equal models. */
    private static void sortByRow(int[] rows, boolean[] relevant) {
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(rows[a], rows[b]));
        int[] r = rows.clone();
        boolean[] y = relevant.clone();
        for (int i = 0; i < order.length; i++) {
            rows[i] = r[order[i]];
            relevant[i] = y[order[i]];
        }
    }
}
