package org.cortexlit.suggest;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Would a statistical model add to the design rules? A multinomial naive Bayes over the words of title, abstract
 * and publication types, trained on the tune part only, is scored on the holdout and fresh parts alone and as a
 * fallback where the rules suggest nothing. Prints its figures; asserts nothing, since it is a measurement.
 *
 * <p>Run: {@code ./mvnw -B -q test -Pbench -Dtest=DesignModelExperiment -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class DesignModelExperiment {

    @Test
    void naiveBayesForDesignAgainstTheRules() throws IOException {
        List<DevSet.Item> items = DevSet.load();
        NaiveBayes model = new NaiveBayes();
        for (DevSet.Item i : items) {
            if (i.label().split().equals(DevSet.TUNE) && i.label().design() != null) {
                model.learn(words(i), i.label().design());
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nDesign: accuracy over labelled records"
                + "%n%-10s %8s %8s %8s %16s%n", "part", "records", "rules", "model", "rules, else model"));
        for (String part : List.of(DevSet.TUNE, DevSet.HOLDOUT, DevSet.FRESH)) {
            int n = 0;
            int rules = 0;
            int bayes = 0;
            int combined = 0;
            for (DevSet.Item i : items) {
                if (!i.label().split().equals(part) || i.label().design() == null) {
                    continue;
                }
                n++;
                Suggestion s = TagSuggester.suggest(i.record()).design();
                String byRules = s == null ? null : s.value();
                String byModel = model.classify(words(i));
                rules += i.label().design().equals(byRules) ? 1 : 0;
                bayes += i.label().design().equals(byModel) ? 1 : 0;
                combined += i.label().design().equals(byRules != null ? byRules : byModel) ? 1 : 0;
            }
            out.append(String.format(Locale.ROOT, "%-10s %8d %8.3f %8.3f %16.3f%n", part, n, (double) rules / n,
                    (double) bayes / n, (double) combined / n));
        }
        System.out.println(out);
    }

    private static String[] words(DevSet.Item i) {
        StringBuilder text = new StringBuilder(i.record().title()).append(' ').append(i.record().abstractText());
        for (String pt : i.record().publicationTypes()) {
            text.append(" pt_").append(pt.replace(' ', '_'));
        }
        return text.toString().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+");
    }

    /** Multinomial naive Bayes with add-one smoothing. */
    private static final class NaiveBayes {
        private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        private final Map<String, Integer> totals = new HashMap<>();
        private final Map<String, Integer> docs = new HashMap<>();
        private final Map<String, Boolean> vocabulary = new HashMap<>();
        private int allDocs;

        void learn(String[] words, String label) {
            Map<String, Integer> c = counts.computeIfAbsent(label, k -> new HashMap<>());
            for (String w : words) {
                if (!w.isEmpty()) {
                    c.merge(w, 1, Integer::sum);
                    totals.merge(label, 1, Integer::sum);
                    vocabulary.put(w, true);
                }
            }
            docs.merge(label, 1, Integer::sum);
            allDocs++;
        }

        String classify(String[] words) {
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
                String label = e.getKey();
                double score = Math.log((double) docs.get(label) / allDocs);
                double denominator = totals.get(label) + vocabulary.size();
                for (String w : words) {
                    if (!w.isEmpty()) {
                        score += Math.log((e.getValue().getOrDefault(w, 0) + 1) / denominator);
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = label;
                }
            }
            return best;
        }
    }
}
