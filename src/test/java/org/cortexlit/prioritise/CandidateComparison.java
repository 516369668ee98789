package org.cortexlit.prioritise;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The candidates the queue's model was chosen from, on the tuning data sets only (ADHD and Triptans; the comparison with
 * the baseline holds Opiods and BetaBlockers out): mean WSS@95 and WSS@100 over five seeds, retrained after every
 * record, maximum relevance.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -Dtest='org.cortexlit.prioritise.CandidateComparison'
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.prioritise.sets=ADHD,Triptans]}. Writes
 * {@code target/bench/prioritisation-candidates.md}.
 */
@Tag("benchmark")
class CandidateComparison {

    private static LinearPrioritiser candidate(String name, Tokenizer tokenizer, boolean pairs, int minPairDf,
                                               boolean sublinear, boolean titleTwice, Classifier classifier) {
        return new LinearPrioritiser(name, new TextFeatures(tokenizer, pairs, minPairDf, sublinear, titleTwice, true),
                classifier);
    }

    static List<LinearPrioritiser> candidates() {
        Tokenizer sklearn = Tokenizer.sklearn();
        Tokenizer stem = Tokenizer.lucene(false, true);
        Tokenizer plain = Tokenizer.lucene(false, false);
        Tokenizer stopStem = Tokenizer.lucene(true, true);
        List<LinearPrioritiser> c = new ArrayList<>();
        c.add(Prioritisers.asreviewBaseline());
        c.add(candidate("nb, pairs", sklearn, true, 1, false, false, new NaiveBayes(3.822)));
        c.add(candidate("nb, stemmed", stem, false, 1, false, false, new NaiveBayes(3.822)));
        c.add(candidate("nb, stemmed, pairs", stem, true, 2, false, false, new NaiveBayes(3.822)));
        c.add(candidate("svm, sklearn words", sklearn, false, 1, false, false, new DualCoordinateSvm(0.1)));
        c.add(candidate("svm, sklearn words, sublinear", sklearn, false, 1, true, false, new DualCoordinateSvm(0.1)));
        c.add(candidate("svm, sklearn words, pairs, sublinear", sklearn, true, 2, true, false, new DualCoordinateSvm(0.1)));
        c.add(candidate("svm, stemmed, sublinear", stem, false, 1, true, false, new DualCoordinateSvm(0.1)));
        c.add(candidate("svm, unstemmed, pairs, sublinear", plain, true, 2, true, false, new DualCoordinateSvm(0.1)));
        c.add(candidate("svm, stemmed, stop words, pairs, sublinear", stopStem, true, 2, true, false, new DualCoordinateSvm(0.1)));
        c.add(Prioritisers.standard());
        c.add(candidate("chosen, C 0.03", stem, true, 2, true, false, new DualCoordinateSvm(0.03)));
        c.add(candidate("chosen, C 0.3", stem, true, 2, true, false, new DualCoordinateSvm(0.3)));
        c.add(candidate("chosen, C 1", stem, true, 2, true, false, new DualCoordinateSvm(1)));
        c.add(candidate("chosen, pairs seen once too", stem, true, 1, true, false, new DualCoordinateSvm(0.1)));
        c.add(candidate("chosen, title twice", stem, true, 2, true, true, new DualCoordinateSvm(0.1)));
        c.add(candidate("logistic regression C 1 (liblinear)", stem, true, 2, true, false, LiblinearClassifier.logistic(1)));
        c.add(candidate("ensemble svm + nb", stem, true, 2, true, false,
                new Ensemble(List.of(new DualCoordinateSvm(0.1), new NaiveBayes(3.822)))));
        return c;
    }

    @Test
    void candidatesOnTheTuningSets() throws Exception {
        assumeTrue(Files.isDirectory(PrioritisationBenchmark.LABELLED), "../shared/corpus is absent: skipped");
        List<String> sets = Arrays.asList(System.getProperty("bench.prioritise.sets", "ADHD,Triptans").split(","));
        int seeds = Integer.getInteger("bench.prioritise.seeds", 5);
        List<LabelledSet> data = new ArrayList<>();
        for (String name : sets) {
            data.add(LabelledCsv.read(PrioritisationBenchmark.LABELLED.resolve(name + ".csv")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        StringBuilder out = new StringBuilder("| candidate | features / classifier |");
        for (String name : sets) {
            out.append(' ').append(name).append(" WSS@95 | ").append(name).append(" WSS@100 |");
        }
        out.append(" mean WSS@95 |\n|---|---|").append("---|---|".repeat(sets.size())).append("---|\n");
        try {
            for (LinearPrioritiser p : candidates()) {
                List<List<Future<SimulationResult>>> runs = new ArrayList<>();
                for (LabelledSet set : data) {
                    List<Future<SimulationResult>> perSet = new ArrayList<>();
                    for (long seed = 1; seed <= seeds; seed++) {
                        long s = seed;
                        perSet.add(pool.submit(() -> new Simulation(p).run(set, s)));
                    }
                    runs.add(perSet);
                }
                out.append("| ").append(p.name()).append(" | ").append(p.describe()).append(" |");
                double mean = 0;
                for (List<Future<SimulationResult>> perSet : runs) {
                    double w95 = 0;
                    double w100 = 0;
                    for (Future<SimulationResult> f : perSet) {
                        w95 += f.get().wss95() / seeds;
                        w100 += f.get().wss100() / seeds;
                    }
                    out.append(String.format(" %.3f | %.3f |", w95, w100));
                    mean += w95 / sets.size();
                }
                out.append(String.format(" %.3f |%n", mean));
                System.out.print(out.substring(out.lastIndexOf("| " + p.name())));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(out);
        Path file = Path.of("target/bench/prioritisation-candidates.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }
}
