package org.cortexlit.prioritise;

/** The prioritisers the app and the comparison use, by name. */
public final class Prioritisers {

    private Prioritisers() {
    }

    /**
     * The queue's model: Lucene words stemmed (Porter), adjacent word pairs seen in at least two records, sublinear
     * TF-IDF over title, abstract and keywords, and a linear SVM (C 0.1, balanced class weights), warm-started from the
     * last ranking. Chosen on ADHD and Triptans only; docs/prioritised-screening.md has the comparison and the results on
     * the two held-out data sets.
     */
    public static LinearPrioritiser standard() {
        return new LinearPrioritiser("cortexlit-svm",
                new TextFeatures(Tokenizer.lucene(false, true), true, 2, true, false, true), new DualCoordinateSvm(0.1));
    }

    /**
     * ASReview's default cycle as its documentation states it: scikit-learn's {@code TfidfVectorizer} defaults and
     * multinomial naive Bayes with alpha 3.822 and balanced sample weights.
     */
    public static LinearPrioritiser asreviewBaseline() {
        return new LinearPrioritiser("asreview-nb", TextFeatures.sklearnDefaults(), new NaiveBayes(3.822));
    }
}
