package org.cortexlit.library;

import org.cortexlit.text.Html;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page shows each suggested value beside its dimension, and marks the words that justify it in the abstract. */
class SuggestionDisplayTest {

    private static Article article() {
        Article a = new Article();
        a.pmid = "90000001";
        a.title = "High-frequency rTMS of the motor cortex for central post-stroke pain: a sham-controlled trial";
        a.abstractSections = List.of(
                new AbstractSection("BACKGROUND", "BACKGROUND", "Central post-stroke pain resists drugs.", null),
                new AbstractSection("METHODS", "METHODS", "Twenty patients received 10 daily sessions of 10 Hz "
                        + "repetitive transcranial magnetic stimulation over M1 or sham, at 80% of resting motor threshold.", null));
        a.publicationTypes = List.of("Randomized Controlled Trial");
        return a;
    }

    @Test
    void eachDimensionWithASuggestionHasARowWithItsValuesAndWords() {
        SuggestionDisplay d = SuggestionDisplay.of(article());
        assertEquals("controlled", d.row(TagDimension.DESIGN).valueText());
        assertEquals(List.of("M1"), d.row(TagDimension.TARGET).values());
        assertEquals("10", d.row(TagDimension.SESSIONS).valueText());
        assertEquals("80", d.row(TagDimension.INTENSITY).valueText());
        assertEquals("high", d.row(TagDimension.FREQUENCY).valueText());
        assertTrue(d.row(TagDimension.DESIGN).confidencePercent() > 50);
        assertTrue(d.row(TagDimension.DESIGN).quotes().contains("publication type: Randomized Controlled Trial"),
                d.row(TagDimension.DESIGN).quotes().toString());
        assertEquals(TagDimension.DESIGN, d.rows().get(0).dimension(), "rows follow the dimensions' order");
    }

    @Test
    void theEvidenceIsMarkedInTheSectionItComesFrom() {
        Article a = article();
        SuggestionDisplay d = SuggestionDisplay.of(a);
        String methods = d.markSection(1, Html.escape(a.abstractSections.get(1).text));
        assertTrue(methods.contains("<mark class=\"ev ev-sessions\" title=\"Number of sessions: 10\">10 daily sessions</mark>"),
                methods);
        assertTrue(methods.matches(".*<mark class=\"[^\"]*ev-intensity[^\"]*\"[^>]*>80% of resting motor threshold</mark>.*"),
                methods);
        String background = d.markSection(0, Html.escape(a.abstractSections.get(0).text));
        assertTrue(background.contains("ev-condition"), background);
        String title = d.markTitle(Html.escape(a.title));
        assertTrue(title.contains("ev-design") || title.contains("ev-modality"), title);
        assertNotNull(d.markSection(5, "x"), "a section the suggester did not see is left as it is");
    }

    @Test
    void aRecordWithoutCuesHasNoRows() {
        Article a = new Article();
        a.pmid = "1";
        a.title = "Notes on a meeting";
        assertTrue(SuggestionDisplay.of(a).isEmpty());
    }
}
