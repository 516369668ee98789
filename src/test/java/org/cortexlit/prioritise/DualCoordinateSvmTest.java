package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DualCoordinateSvmTest {

    private final LabelledSet data = Fixtures.screening();
    private final TextFeatures features = Prioritisers.standard().corpus(data.texts()).features();

    private Map<Long, Label> labelsUpTo(long lastId) {
        Map<Long, Label> labels = new HashMap<>();
        for (long id = 1; id <= lastId; id++) {
            labels.put(id, Label.of(data.records().get((int) id - 1).relevant()));
        }
        return labels;
    }

    private static double maxDifference(Ranking a, Ranking b, int records) {
        double max = 0;
        for (long id = 1; id <= records; id++) {
            max = Math.max(max, Math.abs(a.score(id) - b.score(id)));
        }
        return max;
    }

    @Test
    void itSolvesTheProblemLiblinearSolves() {
        LinearPrioritiser ours = new LinearPrioritiser("dual", features, new DualCoordinateSvm(0.1));
        LinearPrioritiser liblinear = new LinearPrioritiser("liblinear", features, LiblinearClassifier.svm(0.1));
        Corpus corpus = ours.corpus(data.texts());
        Corpus sameFeatures = liblinear.corpus(data.texts());
        Map<Long, Label> labels = labelsUpTo(30);

        Ranking a = ours.train(corpus, labels);
        Ranking b = liblinear.train(sameFeatures, labels);

        // both stop at a projected-gradient spread of 0.1, so they agree to about that
        assertTrue(maxDifference(a, b, 48) < 0.1, "scores differ by " + maxDifference(a, b, 48));
        assertEquals(a.next(labels.keySet()), b.next(labels.keySet()));
    }

    @Test
    void aWarmStartReachesTheColdStartsOptimum() {
        LinearPrioritiser p = new LinearPrioritiser("dual", features, new DualCoordinateSvm(0.1));
        Corpus corpus = p.corpus(data.texts());
        Ranking before = p.train(corpus, labelsUpTo(29));

        Ranking warm = p.train(corpus, labelsUpTo(30), before);
        Ranking cold = p.train(corpus, labelsUpTo(30));

        assertTrue(maxDifference(warm, cold, 48) < 0.1, "scores differ by " + maxDifference(warm, cold, 48));
    }

    @Test
    void aRecordWhoseLabelChangedStartsAfresh() {
        LinearPrioritiser p = new LinearPrioritiser("dual", features, new DualCoordinateSvm(0.1));
        Corpus corpus = p.corpus(data.texts());
        Map<Long, Label> labels = labelsUpTo(30);
        Ranking before = p.train(corpus, labels);
        long relevantId = labels.entrySet().stream().filter(e -> e.getValue().relevant()).findFirst().orElseThrow().getKey();
        long otherRelevant = labels.entrySet().stream().filter(e -> e.getValue().relevant() && e.getKey() != relevantId)
                .findFirst().orElseThrow().getKey();
        labels.put(relevantId, Label.IRRELEVANT);

        Ranking warm = p.train(corpus, labels, before);
        Ranking cold = p.train(corpus, labels);

        assertTrue(maxDifference(warm, cold, 48) < 0.1, "scores differ by " + maxDifference(warm, cold, 48));
        assertTrue(warm.score(relevantId) < warm.score(otherRelevant), "the reversed record now scores below a relevant one");
    }
}
