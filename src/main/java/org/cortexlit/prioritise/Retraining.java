package org.cortexlit.prioritise;

/**
 * When the model is trained again: after every {@code decisions} new decisions. The review queue and the simulation
 * share it, so a simulation measures the order reviewers get. Until a retraining finishes, the next records come
 * from the last ranking.
 */
public record Retraining(int decisions) {

    /** Retrain after every decision: training costs milliseconds at review sizes (see docs/prioritised-screening.md). */
    public static final Retraining EVERY_DECISION = new Retraining(1);

    public Retraining {
        if (decisions < 1) {
            throw new IllegalArgumentException("Retraining comes after at least 1 decision, not " + decisions + ".");
        }
    }

    /** Whether a model trained {@code decisionsSinceTraining} decisions ago is due for retraining. */
    public boolean due(int decisionsSinceTraining) {
        return decisionsSinceTraining >= decisions;
    }
}
