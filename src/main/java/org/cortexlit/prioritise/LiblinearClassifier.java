package org.cortexlit.prioritise;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.Random;

/**
 * A linear support vector machine or logistic regression trained by liblinear (L2-regularised, dual coordinate descent),
 * with balanced class weights: each class's cost is {@code C * n / (2 * n_class)}, as scikit-learn's
 * {@code class_weight="balanced"}.
 */
public final class LiblinearClassifier implements Classifier {

    static {
        // liblinear prints its iterations to standard output unless told not to
        Linear.setDebugOutput(null);
    }

    private final SolverType solver;
    private final double cost;

    private LiblinearClassifier(SolverType solver, double cost) {
        if (!(cost > 0)) {
            throw new IllegalArgumentException("The cost C must be positive, not " + cost + ".");
        }
        this.solver = solver;
        this.cost = cost;
    }

    /** Squared-hinge linear SVM ({@code LinearSVC}'s loss). */
    public static LiblinearClassifier svm(double cost) {
        return new LiblinearClassifier(SolverType.L2R_L2LOSS_SVC_DUAL, cost);
    }

    /** Logistic regression. */
    public static LiblinearClassifier logistic(double cost) {
        return new LiblinearClassifier(SolverType.L2R_LR_DUAL, cost);
    }

    @Override
    public String describe() {
        return (solver == SolverType.L2R_LR_DUAL ? "logistic regression" : "linear SVM") + " (C " + cost + ", balanced)";
    }

    @Override
    public LinearWeights fit(Corpus corpus, int[] rows, boolean[] relevant) {
        Feature[][] all = corpus.solverRows();
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = corpus.terms() + 1;
        problem.bias = 1.0;
        problem.x = new Feature[rows.length][];
        problem.y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            problem.x[k] = all[rows[k]];
            problem.y[k] = relevant[k] ? 1 : -1;
        }
        double[] classWeight = Classifier.balancedClassWeights(relevant);
        Parameter parameter = new Parameter(solver, cost, 0.1);
        parameter.setWeights(new double[]{classWeight[0], classWeight[1]}, new int[]{1, -1});
        // the dual solver visits rows in a random order: a fixed seed makes every training reproducible
        parameter.setRandom(new Random(17));
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] weights = new double[corpus.terms()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = sign * w[j];
        }
        return new LinearWeights(weights, sign * w[corpus.terms()]);
    }
}
