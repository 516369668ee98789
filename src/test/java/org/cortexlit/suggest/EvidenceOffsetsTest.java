package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceOffsetsTest {

    private static final SuggestInput LABELLED = new SuggestInput("1", "Sham-controlled rTMS",
            List.of(new SuggestInput.Section("BACKGROUND", "Pain is common."),
                    new SuggestInput.Section("METHODS", "Patients received 10 Hz rTMS or sham over M1.")),
            List.of("Journal Article", "Randomized Controlled Trial"), List.of("Humans", "Neuralgia"), List.of());

    @Test
    void theAbstractIsWrittenAsPubmedRecordWritesIt() {
        Citation r = record(LABELLED);
        assertEquals(r.abstractText(), SuggestInput.from(r).abstractText());
        assertEquals("BACKGROUND: Pain is common.\n\nMETHODS: Patients received 10 Hz rTMS or sham over M1.",
                LABELLED.abstractText());
    }

    @Test
    void anAbstractOffsetMapsToItsSectionAndOffsetThere() {
        String text = LABELLED.abstractText();
        int m1 = text.indexOf("M1");
        SuggestInput.SectionOffset at = LABELLED.sectionOffset(m1);
        assertEquals(1, at.section());
        assertEquals("M1", LABELLED.sections().get(1).text().substring(at.offset(), at.offset() + 2));
        assertEquals(new SuggestInput.SectionOffset(0, 0), LABELLED.sectionOffset(text.indexOf("Pain")));
        // inside a label: the start of that section's text
        assertEquals(new SuggestInput.SectionOffset(1, 0), LABELLED.sectionOffset(text.indexOf("METHODS")));
        assertEquals(new SuggestInput.SectionOffset(1, LABELLED.sections().get(1).text().length()),
                LABELLED.sectionOffset(text.length()));
        assertThrows(IllegalArgumentException.class, () -> LABELLED.sectionOffset(text.length() + 1));
        assertThrows(IllegalArgumentException.class, () -> LABELLED.sectionOffset(-1));
    }

    @Test
    void everyEvidenceSpanIsTheTextOfItsField() {
        Suggestions s = TagSuggester.suggest(LABELLED);
        List<Suggestion> all = DevSetScoringTest.all(s);
        assertTrue(all.size() >= 4, "design, target, modality and frequency at least: " + s);
        for (Suggestion g : all) {
            assertTrue(!g.evidence().isEmpty(), g.value() + " has evidence");
            for (Evidence e : g.evidence()) {
                assertEquals(DevSetScoringTest.fieldText(LABELLED, e).substring(e.start(), e.end()), e.text());
            }
        }
        Evidence rct = s.design().evidence().stream().filter(e -> e.field().equals(Evidence.PUBLICATION_TYPE))
                .findFirst().orElseThrow();
        assertEquals(1, rct.index());
        assertEquals("Randomized Controlled Trial", rct.text());
    }

    @Test
    void theRecordKeyIsThePmidOrTheSourceIdOrTheDoi() {
        Citation r = record(LABELLED);
        assertEquals("1", SuggestInput.from(r).key());
        assertEquals("1", TagSuggester.suggest(r).key());
    }

    @Test
    void anEmptyRecordGetsNoSuggestions() {
        Suggestions s = TagSuggester.suggest(new SuggestInput(null, null, null, null, null, null));
        assertEquals(TagSuggester.VERSION, s.version());
        assertEquals(List.of(), DevSetScoringTest.all(s));
    }

    private static Citation record(SuggestInput in) {
        List<Citation.AbstractSection> sections = in.sections().stream()
                .map(x -> new Citation.AbstractSection(x.label(), null, x.text(), x.text())).toList();
        List<Citation.MeshHeading> mesh = in.mesh().stream()
                .map(d -> new Citation.MeshHeading(d, false, List.of())).toList();
        return new Citation(in.key(), 1, null, in.title(), in.title(), null, sections, "J", "J", null, 2020,
                "2020", null, null, null, List.of("eng"), List.of(), mesh, in.publicationTypes(), in.keywords(),
                List.of(), false, null);
    }
}
