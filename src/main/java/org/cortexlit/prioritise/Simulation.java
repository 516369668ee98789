package org.cortexlit.prioritise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a labelled data set through a {@link Prioritiser} as a reviewer would screen it: the seed's {@link Priors}
 * first, then the record the {@link QueryStrategy} picks, one at a time, retraining on the {@link Retraining} schedule,
 * each record's known label standing for the reviewer's decision.
 *
 * <p>The replay stops once every relevant record is found: from there every remaining record is irrelevant, so the
 * curve stays flat at the total and no metric depends on the order of the rest.
 */
public final class Simulation {

    private final Prioritiser prioritiser;
    private final QueryStrategy strategy;
    private final Retraining retraining;

    public Simulation(Prioritiser prioritiser, QueryStrategy strategy, Retraining retraining) {
        this.prioritiser = prioritiser;
        this.strategy = strategy;
        this.retraining = retraining;
    }

    /** The queue's own setting: maximum relevance, retrained after every decision. */
    public Simulation(Prioritiser prioritiser) {
        this(prioritiser, new MaxRelevance(), Retraining.EVERY_DECISION);
    }

    public SimulationResult run(LabelledSet data, long seed) {
        long start = System.nanoTime();
        Corpus corpus = prioritiser.corpus(data.texts());
        Map<Long, Boolean> truth = new HashMap<>();
        for (LabelledRecord r : data.records()) {
            truth.put(r.text().id(), r.relevant());
        }
        int relevantTotal = data.relevant();
        Priors priors = Priors.choose(data, seed);
        Map<Long, Label> labels = new HashMap<>();
        Set<Long> screened = new HashSet<>();
        List<Integer> positions = new ArrayList<>();
        for (long id : new long[]{priors.relevantId(), priors.irrelevantId()}) {
            labels.put(id, Label.of(truth.get(id)));
            screened.add(id);
            if (truth.get(id)) {
                positions.add(screened.size());
            }
        }
        Ranking ranking = null;
        int sinceTraining = 0;
        int trainings = 0;
        while (positions.size() < relevantTotal && screened.size() < data.size()) {
            if (ranking == null || retraining.due(sinceTraining)) {
                ranking = prioritiser.train(corpus, labels, ranking);
                trainings++;
                sinceTraining = 0;
            }
            long next = strategy.next(ranking, screened).orElseThrow();
            boolean relevant = truth.get(next);
            labels.put(next, Label.of(relevant));
            screened.add(next);
            sinceTraining++;
            if (relevant) {
                positions.add(screened.size());
            }
        }
        int[] found = positions.stream().mapToInt(Integer::intValue).toArray();
        int n = data.size();
        return new SimulationResult(data.name(), n, relevantTotal, seed, prioritiser.name(),
                ScreeningMetrics.screenedAtRecall(95, found), ScreeningMetrics.wss(95, n, found),
                ScreeningMetrics.wss(100, n, found), ScreeningMetrics.rrf(10, n, found), ScreeningMetrics.curve(n, found),
                trainings, (System.nanoTime() - start) / 1_000_000);
    }
}
