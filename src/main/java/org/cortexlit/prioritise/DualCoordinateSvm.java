package org.cortexlit.prioritise;

import java.util.Random;

/**
 * A linear SVM with the squared hinge loss and L2 regularisation ({@code LinearSVC}'s problem, liblinear's
 * {@code L2R_L2LOSS_SVC_DUAL}), solved by dual coordinate descent (Hsieh et al., "A Dual Coordinate Descent Method for
 * Large-scale Linear SVM", ICML 2008), the bias a regularised weight of a constant feature 1 as liblinear has it.
 * Balanced class weights: each class's cost is {@code C * n / (2 * n_class)}.
 *
 * <p>Unlike liblinear's solver it can start from the previous training's dual variables. The queue retrains after every
 * decision, so each training differs from the last by one record, and a warm start needs a few passes over the
 * labelled records instead of dozens. Stops as liblinear does: when the projected gradients' spread is at most
 * {@code eps} (0.1), or after 1,000 passes.
 */
public final class DualCoordinateSvm implements Classifier {

    private static final double EPS = 0.1;
    private static final int MAX_PASSES = 1000;

    private final double cost;

    public DualCoordinateSvm(double cost) {
        if (!(cost > 0)) {
            throw new IllegalArgumentException("The cost C must be positive, not " + cost + ".");
        }
        this.cost = cost;
    }

    @Override
    public String describe() {
        return "linear SVM (squared hinge, C " + cost + ", balanced, dual coordinate descent, warm-started)";
    }

    @Override
    public LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant) {
        return fit(corpus, rows, relevant, null);
    }

    @Override
    public LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant, LinearWeights previous) {
        int l = rows.length;
        double[] classWeight = Classifier.balancedClassWeights(relevant);
        double[] w = new double[corpus.terms()];
        double b = 0;
        double[] alpha = new double[l];
        double[] y = new double[l];
        double[] diag = new double[l];
        double[] qd = new double[l];
        double[] start = previous == null ? null : previous.dual();
        for (int k = 0; k < l; k++) {
            int row = rows[k];
            y[k] = relevant[k] ? 1 : -1;
            diag[k] = 0.5 / (cost * (relevant[k] ? classWeight[0] : classWeight[1]));
            double norm = 1.0; // the bias feature
            for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
                norm += corpus.value(i) * corpus.value(i);
            }
            qd[k] = norm + diag[k];
            // a row keeps its dual variable only if its label is unchanged (the sign of alpha * y says which it was)
            if (start != null && start.length == corpus.size() && start[row] * y[k] > 0) {
                alpha[k] = Math.abs(start[row]);
                b += alpha[k] * y[k];
                for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
                    w[corpus.column(i)] += alpha[k] * y[k] * corpus.value(i);
                }
            }
        }
        int[] order = new int[l];
        for (int k = 0; k < l; k++) {
            order[k] = k;
        }
        // a fixed seed for the visiting order makes every training reproducible
        Random random = new Random(17);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            for (int k = l - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            double maxPg = Double.NEGATIVE_INFINITY;
            double minPg = Double.POSITIVE_INFINITY;
            for (int k : order) {
                int row = rows[k];
                double wx = b;
                for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
                    wx += w[corpus.column(i)] * corpus.value(i);
                }
                double g = y[k] * wx - 1 + diag[k] * alpha[k];
                double pg = alpha[k] == 0 ? Math.min(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (pg != 0) {
                    double old = alpha[k];
                    alpha[k] = Math.max(old - g / qd[k], 0);
                    double d = (alpha[k] - old) * y[k];
                    b += d;
                    for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
                        w[corpus.column(i)] += d * corpus.value(i);
                    }
                }
            }
            if (maxPg - minPg <= EPS) {
                break;
            }
        }
        double[] dual = new double[corpus.size()];
        for (int k = 0; k < l; k++) {
            dual[rows[k]] = alpha[k] * y[k];
        }
        return new LinearWeights(w, b, dual);
    }
}
