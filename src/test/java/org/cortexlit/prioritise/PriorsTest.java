package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorsTest {

    private final LabelledSet data = Fixtures.screening();

    private boolean relevant(long id) {
        return data.records().get((int) id - 1).relevant();
    }

    @Test
    void theSameSeedChoosesTheSamePriorsEveryTime() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(Priors.choose(data, seed), Priors.choose(data, seed));
        }
    }

    @Test
    void thePriorsAreOneRelevantAndOneIrrelevantRecord() {
        for (long seed = 0; seed < 20; seed++) {
            Priors p = Priors.choose(data, seed);
            assertTrue(relevant(p.relevantId()), "seed " + seed);
            assertFalse(relevant(p.irrelevantId()), "seed " + seed);
        }
    }

    @Test
    void differentSeedsSpreadOverTheRelevantRecords() {
        Set<Long> chosen = new HashSet<>();
        LongStream.range(0, 50).forEach(seed -> chosen.add(Priors.choose(data, seed).relevantId()));
        assertTrue(chosen.size() >= 5, "50 seeds chose only " + chosen);
    }

    @Test
    void aSetWithoutARelevantRecordCannotBeSimulated() throws IOException {
        LabelledSet none = LabelledCsv.read(new StringReader("title,label_included\nA,0\nB,0\n"), "inline", "none");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Priors.choose(none, 1));
        assertTrue(e.getMessage().contains("0 relevant and 2 irrelevant"), e.getMessage());
    }
}
