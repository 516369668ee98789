package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    private final LabelledSet data = Fixtures.screening();

    /** Counts the calls that reach the queue's prioritiser. */
    private static final class Recording implements Prioritiser {
        final Prioritiser inner;
        final AtomicInteger corpora = new AtomicInteger();
        final AtomicInteger trainings = new AtomicInteger();

        Recording(Prioritiser inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Corpus corpus(List<RecordText> records) {
            corpora.incrementAndGet();
            return inner.corpus(records);
        }

        @Override
        public Ranking train(Corpus corpus, Map<Long, Label> labels) {
            trainings.incrementAndGet();
            return inner.train(corpus, labels);
        }
    }

    @Test
    void theSimulationScreensThroughTheQueuesPrioritiser() {
        Recording queueModel = new Recording(Prioritisers.standard());

        SimulationResult r = new Simulation(queueModel).run(data, 3);

        assertEquals(1, queueModel.corpora.get(), "the corpus is built once");
        assertEquals(queueModel.trainings.get(), r.trainings());
        assertEquals(Prioritisers.standard().name(), r.model());
        // retrained after every decision: one training per record screened after the priors
        assertEquals(r.trainings() + 2, lastScreened(r));
    }

    @Test
    void aSlowerScheduleTrainsLessOften() {
        Recording every = new Recording(Prioritisers.standard());
        Recording everyFive = new Recording(Prioritisers.standard());

        new Simulation(every).run(data, 1);
        new Simulation(everyFive, new MaxRelevance(), new Retraining(5)).run(data, 1);

        assertTrue(everyFive.trainings.get() < every.trainings.get(),
                everyFive.trainings.get() + " trainings every five vs " + every.trainings.get() + " every decision");
    }

    /** The number screened when the last relevant record was found (where the replay stops). */
    private static int lastScreened(SimulationResult r) {
        return r.curve().stream().filter(p -> p[1] == r.relevant()).findFirst().orElseThrow()[0];
    }

    @Test
    void theResultIsConsistentWithItsCurve() {
        SimulationResult r = new Simulation(Prioritisers.standard()).run(data, 7);

        assertEquals(48, r.records());
        assertEquals(10, r.relevant());
        assertEquals(7, r.seed());
        assertEquals(48, r.curve().size());
        assertArrayEquals(new int[]{1, 1}, r.curve().get(0), "the relevant prior is screened first");
        assertArrayEquals(new int[]{48, 10}, r.curve().get(47));
        // ceil(0.95 * 10) = 10: WSS@95 is decided by the last relevant record, as WSS@100 is
        assertEquals(lastScreened(r), r.screenedAt95());
        assertEquals((48 - r.screenedAt95()) / 48.0 - 0.05, r.wss95(), 1e-12);
        assertEquals(r.wss95() + 0.05, r.wss100(), 1e-12);
        assertEquals(r.curve().get(4)[1] / 10.0, r.rrf10(), 1e-12, "ceil(4.8) = 5 records make 10%");
    }

    @Test
    void theSameSeedReplaysTheSameOrder() {
        Simulation simulation = new Simulation(Prioritisers.asreviewBaseline());

        SimulationResult a = simulation.run(data, 11);
        SimulationResult b = simulation.run(data, 11);

        assertEquals(a.screenedAt95(), b.screenedAt95());
        for (int i = 0; i < a.curve().size(); i++) {
            assertArrayEquals(a.curve().get(i), b.curve().get(i));
        }
    }

    @Test
    void bothModelsFindTheFixturesTrialsFarFasterThanReadingInOrder() {
        for (Prioritiser p : List.of(Prioritisers.standard(), Prioritisers.asreviewBaseline())) {
            for (long seed = 1; seed <= 3; seed++) {
                SimulationResult r = new Simulation(p).run(data, seed);
                // the ten trials share their vocabulary; a working model has them all within the first 20 of 48
                assertTrue(r.screenedAt95() <= 20, p.name() + " seed " + seed + ": " + r.screenedAt95());
            }
        }
    }
}
