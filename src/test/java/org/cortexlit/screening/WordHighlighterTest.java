package org.cortexlit.screening;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordHighlighterTest {

    private final WordHighlighter hl = new WordHighlighter(List.of("sham", "randomized", "double blind", "stimulat*"),
            List.of("case report", "open-label", "rat", "tumour"));

    @Test
    void marksIncludeWordsGreenAndExcludeWordsRed() {
        assertEquals("A <mark class=\"hl-include\">sham</mark>-controlled trial in a <mark class=\"hl-exclude\">case report</mark>.",
                hl.highlight("A sham-controlled trial in a case report."));
    }

    @Test
    void toleratesCaseEndingsAndBritishSpelling() {
        String out = hl.highlight("RANDOMISED, Randomization and randomized; Shams.");
        assertEquals(4, count(out, "hl-include\">"), out); // three spellings of randomised, and Shams
        assertTrue(out.contains("<mark class=\"hl-include\">RANDOMISED</mark>"), out);
        assertTrue(out.contains("<mark class=\"hl-include\">Shams</mark>"), out);
        assertTrue(hl.highlight("a tumor").contains("<mark class=\"hl-exclude\">tumor</mark>"));
    }

    @Test
    void phrasesMatchAcrossHyphensAndSpacesAndPrefixesAcrossEndings() {
        assertTrue(hl.highlight("a double-blind study").contains("<mark class=\"hl-include\">double-blind</mark>"));
        assertTrue(hl.highlight("an open label extension").contains("<mark class=\"hl-exclude\">open label</mark>"));
        String out = hl.highlight("Stimulation and stimulated, not stimulus.");
        assertEquals(2, count(out, "hl-include"), out);
    }

    @Test
    void wholeWordsOnly() {
        assertFalse(hl.highlight("the operated ratio of rates").contains("<mark"), "rat inside ratio/rates/operated");
        assertTrue(hl.highlight("in rats").contains("<mark class=\"hl-exclude\">rats</mark>"));
    }

    @Test
    void theTextIsEscapedAndAccentsFolded() {
        String out = new WordHighlighter(List.of("naive"), List.of()).highlight("<script>x</script> & naïve \"q\"");
        assertEquals("&lt;script&gt;x&lt;/script&gt; &amp; <mark class=\"hl-include\">naïve</mark> &quot;q&quot;", out);
        assertEquals("", hl.highlight(null));
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
