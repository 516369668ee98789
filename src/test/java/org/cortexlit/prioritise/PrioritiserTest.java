package org.cortexlit.prioritise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrioritiserTest {

    private static final List<RecordText> RECORDS = List.of(
            new RecordText(10, "Motor cortex rTMS for neuropathic pain: a sham-controlled trial",
                    "High-frequency rTMS of the motor cortex relieved neuropathic pain compared with sham."),
            new RecordText(11, "Pregabalin for diabetic neuropathy", "Pregabalin tablets versus placebo in diabetic patients."),
            new RecordText(12, "Epidural motor cortex stimulation in central pain",
                    "Implanted motor cortex stimulation gave lasting pain relief in central post-stroke pain."),
            new RecordText(13, "Knee replacement outcomes in the elderly", "Orthopaedic surgery of the knee in elderly patients."),
            new RecordText(14, "rTMS of the motor cortex for phantom limb pain",
                    "Daily sessions of rTMS over the motor cortex reduced phantom limb pain, while sham stimulation did not."),
            new RecordText(15, "Statins and cardiovascular events in the elderly", "Statin tablets lowered cholesterol in elderly patients."));

    static Stream<LinearPrioritiser> prioritisers() {
        return Stream.of(Prioritisers.standard(), Prioritisers.asreviewBaseline());
    }

    private static Map<Long, Label> labels() {
        Map<Long, Label> labels = new HashMap<>();
        labels.put(10L, Label.RELEVANT);
        labels.put(11L, Label.IRRELEVANT);
        labels.put(12L, Label.RELEVANT);
        labels.put(13L, Label.IRRELEVANT);
        return labels;
    }

    @ParameterizedTest
    @MethodSource("prioritisers")
    void anObviouslyRelevantRecordOutranksAnIrrelevantOneAfterTraining(LinearPrioritiser p) {
        Ranking ranking = p.train(p.corpus(RECORDS), labels());

        assertTrue(ranking.score(14) > ranking.score(15), p.name() + ": " + ranking.score(14) + " vs " + ranking.score(15));
        assertEquals(14, ranking.next(Set.of(10L, 11L, 12L, 13L)).getAsLong());
    }

    @ParameterizedTest
    @MethodSource("prioritisers")
    void explanationsNameWordsOfTheRecordThatPushedItsScoreUp(LinearPrioritiser p) {
        Corpus corpus = p.corpus(RECORDS);
        Ranking ranking = p.train(corpus, labels());
        RecordText record = RECORDS.get(4);
        Set<String> words = new HashSet<>(corpus.features().tokenizer().words(record.title() + " " + record.abstractText()));

        List<Contribution> why = ranking.explain(14, 5);

        assertFalse(why.isEmpty());
        assertTrue(why.size() <= 5);
        for (int i = 0; i < why.size(); i++) {
            Contribution c = why.get(i);
            assertTrue(c.value() > 0, c.toString());
            for (String word : c.term().split(" ")) {
                assertTrue(words.contains(word), c.term() + " is not in record 14's words " + words);
            }
            // the readable spelling is one the tokenizer turns back into the same feature
            assertEquals(c.term(), String.join(" ", corpus.features().tokenizer().words(c.words())), c.toString());
            if (i > 0) {
                assertTrue(why.get(i - 1).value() >= c.value(), "largest first: " + why);
            }
        }
        // the words the relevant examples share with record 14 are what pushed it up
        assertTrue(why.stream().anyMatch(c -> c.term().contains("motor") || c.term().contains("rtms")), why.toString());
    }

    @Test
    void explanationsSpellAStemAsTheReviewMostOftenDoes() {
        LinearPrioritiser p = Prioritisers.standard();
        List<RecordText> records = List.of(new RecordText(1, "A randomized trial", "Randomized, sham-controlled."),
                new RecordText(2, "Randomization in a trial of rTMS", ""), new RecordText(3, "Case report", "One patient."));
        Corpus corpus = p.corpus(records);
        Ranking ranking = p.train(corpus, Map.of(1L, Label.RELEVANT, 3L, Label.IRRELEVANT));

        Contribution random = ranking.explain(2, 10).stream().filter(c -> c.term().equals("random")).findFirst().orElseThrow();
        assertEquals("randomized", random.words());
    }

    private static boolean hasTerm(Corpus corpus, String term) {
        for (int c = 0; c < corpus.terms(); c++) {
            if (corpus.term(c).equals(term)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void meshAndKeywordsAreFeaturesOfOursButNotOfTheBaseline() {
        List<RecordText> records = List.of(new RecordText(1, "Motor cortex stimulation", "Ten patients.",
                List.of("Neuralgia", "Transcranial Magnetic Stimulation")));

        assertTrue(hasTerm(Prioritisers.standard().corpus(records), "neuralgia"));
        assertFalse(hasTerm(Prioritisers.asreviewBaseline().corpus(records), "neuralgia"),
                "ASReview's default reads title and abstract only");
    }

    @Test
    void trainingWithoutBothClassesSaysWhatIsMissing() {
        LinearPrioritiser p = Prioritisers.standard();
        Corpus corpus = p.corpus(RECORDS);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.train(corpus, Map.of(10L, Label.RELEVANT, 12L, Label.RELEVANT)));
        assertTrue(e.getMessage().contains("2 relevant and 0 irrelevant"), e.getMessage());
        assertFalse(Prioritiser.canTrain(Map.of(10L, Label.RELEVANT)));
    }

    @Test
    void aLabelForARecordOutsideTheCorpusIsNamed() {
        LinearPrioritiser p = Prioritisers.standard();
        Corpus corpus = p.corpus(RECORDS);
        Map<Long, Label> labels = labels();
        labels.put(99L, Label.IRRELEVANT);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.train(corpus, labels));
        assertTrue(e.getMessage().contains("Record 99 is not in this corpus"), e.getMessage());
    }

    @Test
    void aCorpusBuiltByOtherFeaturesIsRefused() {
        Corpus sklearn = Prioritisers.asreviewBaseline().corpus(RECORDS);

        assertThrows(IllegalArgumentException.class, () -> Prioritisers.standard().train(sklearn, labels()));
    }

    @Test
    void maxRelevanceBreaksTiesByCorpusOrderAndSkipsScreenedRecords() {
        LinearPrioritiser p = Prioritisers.standard();
        List<RecordText> twins = List.of(new RecordText(1, "alpha beta", ""), new RecordText(2, "gamma delta", ""),
                new RecordText(3, "gamma delta", ""), new RecordText(4, "alpha epsilon", ""));
        Ranking ranking = p.train(p.corpus(twins), Map.of(1L, Label.IRRELEVANT, 4L, Label.RELEVANT));

        assertEquals(ranking.score(2), ranking.score(3), 0.0);
        assertEquals(2, new MaxRelevance().next(ranking, Set.of(1L, 4L)).getAsLong());
        assertEquals(3, new MaxRelevance().next(ranking, Set.of(1L, 2L, 4L)).getAsLong());
        assertTrue(new MaxRelevance().next(ranking, Set.of(1L, 2L, 3L, 4L)).isEmpty());
    }
}
