package org.cortexlit.prioritise;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The prioritisation comparison: {@link Prioritisers#standard()} against ASReview's default cycle
 * ({@link Prioritisers#asreviewBaseline()}) on the four labelled sets of {@code ../shared/corpus}, the same seeds (so the
 * same priors) for both, maximum relevance, retrained after every record. Two simulations run at a time, one per core.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -Dtest='org.cortexlit.prioritise.PrioritisationBenchmark'
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.prioritise.seeds=5]}. Prints the tables and writes them to
 * {@code target/bench/prioritisation.md}.
 */
@Tag("benchmark")
class PrioritisationBenchmark {

    static final Path LABELLED = Path.of("../shared/corpus/asreview/labelled");
    static final List<String> DATASETS = List.of("ADHD", "Triptans", "Opiods", "BetaBlockers");
    /** The model's design and settings were chosen on these two only; the other two are held out. */
    static final Set<String> TUNED_ON = Set.of("ADHD", "Triptans");

    private static final Map<String, LabelledSet> SETS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheLabelledSets() throws IOException {
        assumeTrue(Files.isDirectory(LABELLED), LABELLED + " is absent: the prioritisation benchmark is skipped");
        for (String name : DATASETS) {
            SETS.put(name, LabelledCsv.read(LABELLED.resolve(name + ".csv")));
        }
    }

    @Test
    void oursAgainstAsreviewsDefaultCycle() throws Exception {
        int seeds = Integer.getInteger("bench.prioritise.seeds", 5);
        List<Prioritiser> models = List.of(Prioritisers.standard(), Prioritisers.asreviewBaseline());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Map<String, List<Future<SimulationResult>>>> runs = new LinkedHashMap<>();
        try {
            for (String name : DATASETS) {
                for (Prioritiser model : models) {
                    for (long seed = 1; seed <= seeds; seed++) {
                        long s = seed;
                        runs.computeIfAbsent(name, k -> new LinkedHashMap<>()).computeIfAbsent(model.name(), k -> new ArrayList<>())
                                .add(pool.submit(() -> new Simulation(model).run(SETS.get(name), s)));
                    }
                }
            }
            StringBuilder out = new StringBuilder();
            out.append("Prioritisation: ").append(seeds).append(" seeds (1..").append(seeds).append("), ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(LocalDate.now())
                    .append("; two simulations at a time\n\n");
            out.append("| data set | records | relevant | model | WSS@95 mean | WSS@95 per seed | WSS@100 mean | RRF@10 mean | s per simulation (max) |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            StringBuilder stops = new StringBuilder("\nThe knee method's first suggestion to stop, replayed on each simulation's order (mean over seeds):\n\n"
                    + "| data set | model | screened at the suggestion | share of records | recall there | longest run without an include before the last (max) |\n|---|---|---|---|---|---|\n");
            Map<String, double[]> wss95 = new HashMap<>();
            double[] overall = new double[models.size()];
            for (String name : runs.keySet()) {
                int m = 0;
                for (Map.Entry<String, List<Future<SimulationResult>>> e : runs.get(name).entrySet()) {
                    List<SimulationResult> results = new ArrayList<>();
                    for (Future<SimulationResult> f : e.getValue()) {
                        results.add(f.get());
                    }
                    double w95 = results.stream().mapToDouble(SimulationResult::wss95).average().orElseThrow();
                    double w100 = results.stream().mapToDouble(SimulationResult::wss100).average().orElseThrow();
                    double r10 = results.stream().mapToDouble(SimulationResult::rrf10).average().orElseThrow();
                    double secs = results.stream().mapToLong(SimulationResult::millis).average().orElseThrow() / 1000.0;
                    double maxSecs = results.stream().mapToLong(SimulationResult::millis).max().orElseThrow() / 1000.0;
                    String perSeed = String.join(" ", results.stream().map(r -> String.format("%.3f", r.wss95())).toList());
                    LabelledSet set = SETS.get(name);
                    out.append(String.format("| %s%s | %d | %d | %s | **%.3f** | %s | %.3f | %.3f | %.1f (%.1f) |%n",
                            name, TUNED_ON.contains(name) ? " (tuning)" : " (held out)", set.size(), set.relevant(),
                            e.getKey(), w95, perSeed, w100, r10, secs, maxSecs));
                    double[] stop = kneeStop(results);
                    stops.append(String.format("| %s | %s | %.0f | %.2f | %.3f | %.0f (%.0f) |%n", name, e.getKey(), stop[0],
                            stop[0] / set.size(), stop[1], stop[2], stop[3]));
                    wss95.computeIfAbsent(name, k -> new double[models.size()])[m] = w95;
                    overall[m] += w95 / runs.size();
                    m++;
                }
            }
            out.append(String.format("%nMean WSS@95 over the four data sets: %s %.3f, %s %.3f%n", models.get(0).name(),
                    overall[0], models.get(1).name(), overall[1]));
            out.append(stops);
            System.out.println(out);
            Path file = Path.of("target/bench/prioritisation.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
            for (String name : wss95.keySet()) {
                assertTrue(wss95.get(name)[0] >= wss95.get(name)[1], name + ": ours " + Arrays.toString(wss95.get(name)));
            }
            assertTrue(overall[0] > overall[1], "on average ours " + overall[0] + " vs " + overall[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Where {@link StoppingEstimate} first suggests stopping along each result's order and the recall reached there,
     * and the longest run of irrelevant records before the last relevant one (what a rule "stop after k irrelevant in a
     * row" must outwait to find everything): means over the results, and that run's maximum. A run that never gets the
     * suggestion counts as screening every record.
     */
    private static double[] kneeStop(List<SimulationResult> results) {
        double screened = 0;
        double recall = 0;
        double meanGap = 0;
        double maxGap = 0;
        for (SimulationResult r : results) {
            boolean[] order = new boolean[r.records()];
            int before = 0;
            for (int[] point : r.curve()) {
                order[point[0] - 1] = point[1] > before;
                before = point[1];
            }
            int at = r.records();
            for (int s = StoppingEstimate.MINIMUM_SCREENED; s <= r.records(); s++) {
                if (StoppingEstimate.of(Arrays.copyOf(order, s), r.records()).stopSuggested()) {
                    at = s;
                    break;
                }
            }
            screened += at / (double) results.size();
            recall += r.curve().get(at - 1)[1] / (double) r.relevant() / results.size();
            int gap = 0;
            int last = 0;
            for (int i = 0; i < order.length; i++) {
                if (order[i]) {
                    gap = Math.max(gap, i - last);
                    last = i + 1;
                }
            }
            meanGap += gap / (double) results.size();
            maxGap = Math.max(maxGap, gap);
        }
        return new double[]{screened, recall, meanGap, maxGap};
    }

    /** What one retraining costs the queue: training on the labels so far plus scoring every record. */
    @Test
    void retrainCostAtTwoThousandAndTenThousandRecords() {
        List<LabelledRecord> pool = new ArrayList<>();
        for (LabelledSet set : SETS.values()) {
            pool.addAll(set.records());
        }
        StringBuilder out = new StringBuilder("\n| model | records | labelled | corpus build ms | retrain ms, from scratch | retrain ms, from the last ranking | next record ms |\n|---|---|---|---|---|---|---|\n");
        for (Prioritiser model : List.of(Prioritisers.standard(), Prioritisers.asreviewBaseline())) {
            for (int size : new int[]{2_000, 10_000}) {
                // the four sets' records, repeated under new ids past their 5,509, stand for a larger review
                List<RecordText> texts = new ArrayList<>();
                boolean[] relevant = new boolean[size];
                for (int i = 0; i < size; i++) {
                    LabelledRecord r = pool.get(i % pool.size());
                    texts.add(new RecordText(i, r.text().title(), r.text().abstractText(), r.text().keywords()));
                    relevant[i] = r.relevant();
                }
                // the first build of a JVM also loads and compiles the tokenizer: time the second
                model.corpus(texts);
                long t0 = System.nanoTime();
                Corpus corpus = model.corpus(texts);
                long buildMs = (System.nanoTime() - t0) / 1_000_000;
                for (int labelled : new int[]{size / 10, size / 2}) {
                    Map<Long, Label> labels = labels(relevant, labelled);
                    // the queue's case: one decision more than the ranking it shows was trained on
                    Map<Long, Label> oneFewer = new HashMap<>(labels);
                    oneFewer.remove(labels.keySet().stream().filter(id -> labels.get(id) == Label.IRRELEVANT)
                            .findFirst().orElseThrow());
                    Ranking previous = model.train(corpus, oneFewer);
                    double cold = medianMillis(() -> model.train(corpus, labels));
                    double warm = medianMillis(() -> model.train(corpus, labels, previous));
                    Ranking ranking = model.train(corpus, labels, previous);
                    double next = medianMillis(() -> ranking.next(labels.keySet()));
                    out.append(String.format("| %s | %,d | %,d | %d | %.1f | %.1f | %.2f |%n", model.name(), size, labelled,
                            buildMs, cold, warm, next));
                }
            }
        }
        System.out.println(out);
    }

    /** The median of seven timed runs after one untimed. */
    private static double medianMillis(Runnable work) {
        work.run();
        long[] times = new long[7];
        for (int k = 0; k < times.length; k++) {
            long s = System.nanoTime();
            work.run();
            times[k] = System.nanoTime() - s;
        }
        Arrays.sort(times);
        return times[times.length / 2] / 1e6;
    }

    /** {@code count} labelled records drawn at random (seed 1), with at least one of each class. */
    private static Map<Long, Label> labels(boolean[] relevant, int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < relevant.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(1));
        Map<Long, Label> labels = new HashMap<>();
        Set<Boolean> classes = new HashSet<>();
        for (int i : order) {
            if (labels.size() < count - 1 || (!classes.contains(relevant[i]) && classes.size() == 1)) {
                labels.put((long) i, Label.of(relevant[i]));
                classes.add(relevant[i]);
            }
            if (labels.size() >= count && classes.size() == 2) {
                break;
            }
        }
        return labels;
    }
}
