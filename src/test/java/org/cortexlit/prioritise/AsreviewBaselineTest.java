package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java baseline reproduces scikit-learn's numbers: {@code sklearn-nb-logodds.csv} was written by scikit-learn 1.2.1
 * ({@code TfidfVectorizer()} and {@code MultinomialNB(alpha=3.822)} with balanced sample weights) on the screening
 * fixture; its header says how.
 */
class AsreviewBaselineTest {

    private record Expected(double logOdds, double stimulation) {
    }

    private static Map<Long, Expected> expected() throws IOException {
        Map<Long, Expected> out = new HashMap<>();
        try (BufferedReader in = new BufferedReader(Fixtures.reader("sklearn-nb-logodds.csv"))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("#")) {
                    String[] f = line.split(",");
                    out.put(Long.parseLong(f[0]), new Expected(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                }
            }
        }
        return out;
    }

    private static double valueOf(Corpus corpus, long id, String term) {
        int row = corpus.row(id);
        for (int i = corpus.rowStart(row); i < corpus.rowEnd(row); i++) {
            if (corpus.term(corpus.column(i)).equals(term)) {
                return corpus.value(i);
            }
        }
        return 0;
    }

    @Test
    void tfidfAndNaiveBayesMatchScikitLearn() throws IOException {
        LabelledSet data = Fixtures.screening();
        LinearPrioritiser baseline = Prioritisers.asreviewBaseline();
        Corpus corpus = baseline.corpus(data.texts());
        Map<Long, Label> labels = new HashMap<>();
        for (long id = 1; id <= 48; id += 3) {
            labels.put(id, Label.of(data.records().get((int) id - 1).relevant()));
        }
        Ranking ranking = baseline.train(corpus, labels);

        Map<Long, Expected> expected = expected();
        assertEquals(48, expected.size());
        for (Map.Entry<Long, Expected> e : expected.entrySet()) {
            assertEquals(e.getValue().stimulation(), valueOf(corpus, e.getKey(), "stimulation"), 1e-9, "tf-idf of record " + e.getKey());
            assertEquals(e.getValue().logOdds(), ranking.score(e.getKey()), 1e-8, "log-odds of record " + e.getKey());
        }
    }

    @Test
    void theSklearnTokenPatternKeepsRunsOfTwoOrMoreWordCharacters() {
        assertEquals(List.of("the", "ht1b", "agonist", "10", "hz", "café", "x_y"),
                Tokenizer.sklearn().words("The 5-HT1B agonist, a 10 Hz CAFÉ x_y."));
    }
}
