package org.cortexlit.prioritise;

import java.util.List;

/**
 * One simulated screening of a labelled set.
 *
 * @param screenedAt95 records screened (priors included) when {@code ceil(0.95 * relevant)} relevant were found
 * @param curve        {@code [screened, found]} for screened = 1 .. records
 * @param trainings    how many times the model was trained
 * @param millis       wall-clock time of the whole simulation, corpus building included
 */
public record SimulationResult(String dataset, int records, int relevant, long seed, String model, int screenedAt95,
                               double wss95, double wss100, double rrf10, List<int[]> curve, int trainings, long millis) {
}
