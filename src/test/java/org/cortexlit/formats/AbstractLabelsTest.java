package org.cortexlit.formats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AbstractLabelsTest {

    private static List<String> labels(String text) {
        return AbstractLabels.split(text).stream().map(Citation.AbstractSection::label).toList();
    }

    @Test
    void multiWordLabelsSplitAtSentenceEnds() {
        List<Citation.AbstractSection> s = AbstractLabels.split(
                "BACKGROUND AND PURPOSE: Flow matters. MATERIALS AND METHODS: Pigs. RESULTS: P < .001. CONCLUSIONS: Yes.");

        assertEquals(List.of("BACKGROUND AND PURPOSE", "MATERIALS AND METHODS", "RESULTS", "CONCLUSIONS"),
                s.stream().map(Citation.AbstractSection::label).toList());
        assertEquals("P < .001.", s.get(2).text());
        assertEquals("P &lt; .001.", s.get(2).html());
    }

    @Test
    void plainProseStaysOneUnlabelledParagraph() {
        String prose = "We studied the RCT: it worked. In the SMA: no effect.";
        List<Citation.AbstractSection> s = AbstractLabels.split(prose);

        assertEquals(1, s.size());
        assertNull(s.get(0).label());
        assertEquals(prose, s.get(0).text());
    }

    @Test
    void aSingleLabelOrOneNotAtTheStartIsNotAStructure() {
        assertEquals(1, labels("OBJECTIVE: only one label here.").size());
        assertEquals(1, labels("Some intro. METHODS: a. RESULTS: b.").size());
    }

    @Test
    void shortUpperCaseTokensAreNotLabels() {
        assertEquals(1, labels("P: 0.05. N: 12.").size());
    }
}
