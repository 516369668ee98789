package org.cortexlit.prioritise;

/**
 * Multinomial naive Bayes as scikit-learn's {@code MultinomialNB(alpha).fit(X, y, sample_weight=balanced)} computes it,
 * expressed as its log-odds: {@code sum_j x_j (log P(j | relevant) - log P(j | irrelevant)) + log prior ratio}. That is
 * monotone in {@code predict_proba}, so it ranks records identically. With balanced weights the two classes' weighted
 * counts are equal, so the prior ratio is zero.
 */
public final class NaiveBayes implements Classifier {

    private final double alpha;

    public NaiveBayes(double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("Naive Bayes smoothing alpha must be positive, not " + alpha + ".");
        }
        this.alpha = alpha;
    }

    @Override
    public String describe() {
        return "naive Bayes (alpha " + alpha + ", balanced)";
    }

    @Override
    public LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant) {
        double[] classWeight = Classifier.balancedClassWeights(relevant);
        int v = corpus.terms();
        double[] countRelevant = new double[v];
        double[] countIrrelevant = new double[v];
        double totalRelevant = 0;
        double totalIrrelevant = 0;
        double docsRelevant = 0;
        double docsIrrelevant = 0;
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            double w = relevant[k] ? classWeight[0] : classWeight[1];
            double[] counts = relevant[k] ? countRelevant : countIrrelevant;
            double sum = 0;
            for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
                double x = w * corpus.value(i);
                counts[corpus.column(i)] += x;
                sum += x;
            }
            if (relevant[k]) {
                totalRelevant += sum;
                docsRelevant += w;
            } else {
                totalIrrelevant += sum;
                docsIrrelevant += w;
            }
        }
        double normRelevant = Math.log(totalRelevant + alpha * v);
        double normIrrelevant = Math.log(totalIrrelevant + alpha * v);
        double[] weights = new double[v];
        for (int j = 0; j < v; j++) {
            weights[j] = (Math.log(countRelevant[j] + alpha) - normRelevant)
                    - (Math.log(countIrrelevant[j] + alpha) - normIrrelevant);
        }
        return new LinearWeights(weights, Math.log(docsRelevant) - Math.log(docsIrrelevant));
    }
}
