package org.cortexlit.formats;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RIS as real exports write it: each test reads one of our fixtures and checks what a reviewer would see. */
class RisReaderTest {

    static Events read(String fixture) throws IOException {
        return RisBibtexFixturesTest.read("ris/" + fixture);
    }

    static Events ris(String text) throws IOException {
        return Events.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBomAndCrlfLineEndingsLeaveNoTraceInTheValues() throws IOException {
        List<Citation> records = read("bom-crlf.ris").records();
        Citation r = records.get(0);
        assertEquals("Galhardoni", r.authors().get(0).lastName());
        assertEquals("Ricardo", r.authors().get(0).foreName());
        assertEquals("Ciampi de Andrade", r.authors().get(1).lastName());
        assertEquals("European Journal of Pain", r.journal());
        assertEquals("Eur J Pain", r.journalAbbrev());
        assertEquals(List.of("BACKGROUND", "METHODS"), r.abstractSections().stream()
                .map(Citation.AbstractSection::label).toList());
        assertEquals("Ninety-eight patients were randomised.", r.abstractSections().get(1).text());
        assertFalse(r.title().contains("\r"));
        assertEquals("Motor cortex stimulation: a second record after a one-space TY", records.get(1).title());
        assertEquals(2008, records.get(1).year());
    }

    @Test
    void untaggedLinesContinueTheFieldBeforeThem() throws IOException {
        Citation r = read("continuation-lines.ris").records().get(0);
        assertEquals("Motor cortex stimulation for the treatment of neuropathic pain: long-term results in thirty "
                + "patients", r.title());
        assertEquals("Chronic neuropathic pain is hard to treat. Stimulation helped half of the patients.",
                r.abstractText());
        assertEquals("Pain", r.journal());
        assertEquals("215-223", r.pages());
        assertEquals("108", r.volume());
        assertEquals("3", r.issue());
        assertEquals("JP", r.authors().get(0).initials());
    }

    @Test
    void rayyanKeywordsContinuedOverLinesAreOneKeywordPerLine() throws IOException {
        List<Citation> records = read("rayyan-keywords.ris").records();
        Citation r = records.get(0);
        assertEquals(List.of("Neuralgia", "Transcranial Magnetic Stimulation", "Motor Cortex", "Pain Management"),
                r.keywords());
        assertNull(r.pmid());
        assertEquals("rayyan-264552525", r.sourceId());
        assertEquals("Joint Commission Perspectives on Patient Safety", r.journal());
        assertEquals("1534-5181", r.issn());
        assertEquals("1-5", r.pages());
        assertEquals(List.of("rTMS", "Neuropathic pain", "Central pain"), records.get(1).keywords());
        assertEquals("rayyan-264552526", records.get(1).sourceId());
    }

    @Test
    void aMissingErIsEndedByTheNextTyOrTheEndOfTheFile() throws IOException {
        Events events = read("missing-er.ris");
        assertEquals(List.of("First record, closed properly", "Second record, whose ER is missing",
                "Third record, the file ends without ER"), events.records().stream().map(Citation::title).toList());
        assertEquals(List.of(2001, 2002, 2003), events.records().stream().map(Citation::year).toList());
        assertEquals(List.of("Journal Article"), events.records().get(1).publicationTypes());
        assertEquals(List.of("Book"), events.records().get(2).publicationTypes());
        assertTrue(events.records().get(2).book());
    }

    @Test
    void oddYearsGiveTheYearOrNullNeverAnError() throws IOException {
        List<Citation> records = read("odd-years.ris").records();
        assertEquals(Arrays.asList(2019, null, 2015, 2019, 2001, 2020, null),
                records.stream().map(Citation::year).toList());
        assertEquals("2019", records.get(0).pubDate());
        assertEquals("2015/10/19", records.get(2).pubDate());
        assertEquals("2019/06", records.get(3).pubDate());
        assertEquals("2001/03/04", records.get(4).pubDate());
    }

    @Test
    void thePmidComesFromAnLinksOrALabelAndNeverFromAnEmbaseNumber() throws IOException {
        List<Citation> records = read("pmid-sources.ris").records();
        assertEquals(Arrays.asList("21553931", "22752652", "15368318", "23690738", "29768149", null, null, null),
                records.stream().map(Citation::pmid).toList());
        assertEquals(Arrays.asList("369", "000-463-679-101-319", null, "PMC3654245", null, "2004419087", "1234567",
                null), records.stream().map(Citation::sourceId).toList());
        assertEquals(List.of(new Citation.Identifier("pmc", "PMC3654245")), records.get(3).identifiers());
    }

    @Test
    void doiPrefixesAreStrippedAndLinksServeWhenDoIsMissing() throws IOException {
        assertEquals(Arrays.asList("10.1016/j.pain.2004.01.001", "10.1201/b19107-2", "10.1002/cpp.2398",
                        "10.1023/A:1017379030770", "10.1063/1.1954747", null),
                read("doi-prefixes.ris").records().stream().map(Citation::doi).toList());
    }

    @Test
    void namesTypesIssnsAndLanguagesAreNormalised() throws IOException {
        List<Citation> records = read("fields.ris").records();
        Citation chapter = records.get(0);
        assertEquals("A chapter on neuromodulation", chapter.title());
        assertEquals("Textbook of Pain", chapter.journal());
        assertEquals(List.of("Book Chapter"), chapter.publicationTypes());
        assertTrue(chapter.book());
        assertEquals(List.of(
                new Citation.Author("Lefaucheur", "J.-P.", "JP", null, List.of()),
                new Citation.Author("Liu", null, "R", null, List.of()),
                new Citation.Author("Adler", null, "DG", null, List.of()),
                new Citation.Author("Barata", "Catarina", "C", null, List.of()),
                new Citation.Author("Cocke", null, null, null, List.of()),
                new Citation.Author("Valle-Delgado", "J. J.", "JJ", null, List.of()),
                new Citation.Author(null, null, null, "COVIDSurg Collaborative", List.of())), chapter.authors());
        assertEquals("0306-4530", chapter.issn());
        assertEquals(List.of("eng"), chapter.languages());
        assertEquals("349-69", chapter.pages());

        Citation conference = records.get(1);
        assertEquals(List.of("Conference Paper"), conference.publicationTypes());
        assertEquals("Proc Pain Conf", conference.journal());
        assertEquals("Proc. Pain Conf.", conference.journalAbbrev());
        assertNull(conference.issn(), "an ISBN is no ISSN");
        assertNull(conference.pages(), "Ovid's \"No Pagination Specified\"");
        assertEquals(List.of("fre"), conference.languages());

        Citation review = records.get(2);
        assertEquals("Journal of Pain", review.journal());
        assertEquals(List.of("Journal Article", "Review"), review.publicationTypes());
        assertEquals("12", review.pages());
        assertEquals(List.of("GEN"), records.get(3).publicationTypes());
    }

    @Test
    void aRecordWithoutTitleIsInvalidAndTheFileGoesOn() throws IOException {
        Events events = read("untitled.ris");
        assertEquals(List.of("no title", "no title"), events.invalid().stream().map(ReadEvent.Invalid::reason).toList());
        assertEquals("The one good record", events.records().get(0).title());
        assertEquals(3, events.all().get(2).recordNumber());
    }

    @Test
    void aRecordWithoutPmidIsParsedNotInvalid() throws IOException {
        ReadEvent e = ris("TY  - JOUR\nTI  - No PMID anywhere\nER  - \n").all().get(0);
        assertNull(assertInstanceOf(ReadEvent.Parsed.class, e).record().pmid());
    }

    @Test
    void aRisFileWithoutAnyTyLineIsRefusedWithAReason() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> ris("JF  - Journal\nT1  - A record that lost its TY\nER  -\n"));
        assertTrue(e.getMessage().contains("no line starts with \"TY  - \""), e.getMessage());
    }

    @Test
    void webOfScienceTaggedFilesAreNamedAndRefused() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> ris("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A title\nER\n"));
        assertTrue(e.getMessage().contains("Web of Science"), e.getMessage());
    }

    @Test
    void hostileRisNeverThrowsAnythingButRecordFormatException() {
        String[] inputs = {
            "TY  - JOUR\n" + "AU  - ,\nAU  - \nAU  - ,,,\nPY  - 99999999999999999999\nSP  - -\nEP  - -\nER  - \n",
            "TY  - \u0000\u0001\nTI  - \uFFFF\nER  - ",
            "TY  - JOUR\nTI  - x\n" + "KW  - \n".repeat(1000) + "DO  - 10.\nSN  - ----\nER",
            "TY  - JOUR\n\n\n\n   \n\t\nTI",
            "TY  -",
            "\uFEFF\uFEFFTY  - JOUR\nTI  - double BOM\n",
        };
        for (String input : inputs) {
            try {
                ris(input);
            } catch (RecordFormatException expected) {
                // fine: a message for the user
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("input " + input.substring(0, Math.min(20, input.length())) + " threw " + e, e);
            }
        }
    }

    @Test
    void manyAuthorsAreAllKept() throws IOException {
        StringBuilder sb = new StringBuilder("TY  - JOUR\nTI  - A consortium paper\n");
        for (int i = 0; i < 8000; i++) {
            sb.append("AU  - Author").append(i).append(", A.\n");
        }
        Citation r = ris(sb.append("ER  - \n").toString()).records().get(0);
        assertEquals(8000, r.authors().size());
        assertEquals("Author7999", r.authors().get(7999).lastName());
    }
}
