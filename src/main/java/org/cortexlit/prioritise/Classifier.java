package org.cortexlit.prioritise;

/** Learns a {@link LinearWeights} from labelled rows of a corpus; higher scores mean more likely relevant. */
public interface Classifier {

    String describe();

    /**
     * @param rows     the labelled rows of {@code corpus}
     * @param relevant for each of {@code rows}, whether it is relevant; both classes are present
     */
    LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant);

    /**
     * As {@link #fit(Corpus, int[], boolean[])}, starting from {@code previous}, a model trained on the same corpus with
     * fewer or other labels, where the classifier can use it (after one more decision the optimum moves little, so a
     * solver that starts from the last one needs a few passes instead of many). The result is the same optimum, within
     * the solver's tolerance.
     */
    default LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant, LinearWeights previous) {
        return fit(corpus, rows, relevant);
    }

    /**
     * scikit-learn's {@code compute_sample_weight("balanced")}: each class weighs {@code n / (2 * n_class)}, so the few
     * relevant records count as much, in total, as the many irrelevant ones.
     */
    static double[] balancedClassWeights(boolean[] relevant) {
        int positives = 0;
        for (boolean r : relevant) {
            if (r) {
                positives++;
            }
        }
        int n = relevant.length;
        return new double[]{n / (2.0 * positives), n / (2.0 * (n - positives))};
    }
}
