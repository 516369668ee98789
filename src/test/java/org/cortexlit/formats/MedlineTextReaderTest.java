package org.cortexlit.formats;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedlineTextReaderTest {

    @Test
    void crlfAndByteOrderMarkAreInvisible() throws IOException {
        Events events = Events.fixture("crlf-bom.nbib");
        Citation r = events.record("91000001");

        assertEquals("Deep TMS of the insula for neuropathic pain: a randomized, sham-controlled crossover trial.",
                r.title(), "continuation joined with one space, no stray CR");
        assertEquals("European journal of pain (London, England)", r.journal());
        assertEquals("Eur J Pain", r.journalAbbrev());
        assertEquals("1090-3801", r.issn(), "the first IS, without its (Electronic) note");
        assertEquals("23", r.volume());
        assertEquals("5", r.issue());
        assertEquals("914-927", r.pages());
        assertEquals("2019 May", r.pubDate());
        assertEquals(List.of("Journal Article", "Randomized Controlled Trial"), r.publicationTypes());
        assertEquals(List.of("deep TMS", "insula"), r.keywords());
        assertEquals(List.of(new Citation.Identifier("pii", "EJP1364")), r.identifiers());
        assertEquals("91000002", events.records().get(1).pmid());
    }

    @Test
    void authorsPairFullNamesWithInitialsAndTheirAffiliations() throws IOException {
        Citation r = Events.fixture("crlf-bom.nbib").record("91000001");

        assertEquals(List.of(
                new Citation.Author("Galhardoni", "Ricardo", "R", null,
                        List.of("Pain Center, University of Sao Paulo, Brazil.")),
                new Citation.Author("Ciampi de Andrade", "Daniel", "D", null,
                        List.of("Pain Center, University of Sao Paulo, Brazil.", "Instituto do Cancer, Sao Paulo, Brazil."))),
                r.authors());
    }

    @Test
    void meshStarMarksMajorOnDescriptorOrQualifier() throws IOException {
        List<Citation.MeshHeading> mesh = Events.fixture("crlf-bom.nbib").record("91000001").mesh();

        assertEquals(List.of(
                new Citation.MeshHeading("Humans", false, List.of()),
                new Citation.MeshHeading("Insular Cortex", true, List.of()),
                new Citation.MeshHeading("Neuralgia", true, List.of("therapy")),
                new Citation.MeshHeading("Transcranial Magnetic Stimulation", true,
                        List.of("adverse effects", "methods"))), mesh);
    }

    @Test
    void inlineStructuredAbstractBecomesLabelledSections() throws IOException {
        Citation r = Events.fixture("crlf-bom.nbib").record("91000001");

        assertEquals(List.of("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"),
                r.abstractSections().stream().map(Citation.AbstractSection::label).toList());
        assertEquals("Twenty patients received H-coil stimulation.", r.abstractSections().get(1).text());
        assertEquals("BACKGROUND: The insula processes pain.\n\nMETHODS: Twenty patients received H-coil stimulation."
                + "\n\nRESULTS: No difference from sham.\n\nCONCLUSIONS: Negative trial.", r.abstractText());
    }

    @Test
    void continuationLinesCollectiveAuthorAndTransliteratedTitle() throws IOException {
        Citation r = Events.fixture("continuation-lines.nbib").record("91000005");

        assertEquals("Epidural motor cortex stimulation was performed in thirty patients. "
                + "Pain relief lasted for years in half of them.", r.abstractText());
        assertEquals("Stimulation du cortex moteur dans le traitement des douleurs neuropathiques.", r.vernacularTitle());
        assertEquals(Arrays.asList("Nuti", null, "Peyron"),
                r.authors().stream().map(Citation.Author::lastName).toList());
        assertEquals("Motor Cortex Stimulation Study Group", r.authors().get(1).collectiveName());
        assertEquals(List.of("Department of Neurosurgery, Hopital Bellevue, Saint-Etienne, France."),
                r.authors().get(0).affiliations(), "an AD continuation belongs to the same affiliation");
        assertEquals(2004, r.year());
        assertEquals("2004 Jul-Aug", r.pubDate());
        assertEquals(List.of("eng", "fre"), r.languages());
        assertEquals(new Citation.MeshHeading("Motor Cortex", true, List.of("physiopathology", "surgery")),
                r.mesh().get(2));
    }

    @Test
    void pmcBeforePmidAndAnEmptyAbstract() throws IOException {
        Events events = Events.fixture("pmc-first.txt");

        Citation first = events.record("91000003");
        assertEquals(List.of(new Citation.Identifier("pmc", "PMC9100001")), first.identifiers());
        assertTrue(first.abstractSections().isEmpty(), "'AB  - ' with nothing after it is no abstract");
        assertEquals("Curly \u201cquotes\u201d survive.", events.record("91000004").abstractText());
    }

    @Test
    void looseLayoutNoSpaceAfterTagNoBlankLineAndStrayLines() throws IOException {
        Events events = Events.fixture("loose-layout.txt");

        Citation first = events.record("91000006");
        assertEquals("10.5555/loose.1", first.doi(), "an AID written as doi:...");
        assertEquals(List.of("Smith", "Jones"), first.authors().stream().map(Citation.Author::lastName).toList());
        assertEquals("AB", first.authors().get(1).initials());
        assertEquals(2015, first.year());
        assertEquals("A second record with no blank line before it.", events.record("91000007").title());
    }

    @Test
    void recordsWithoutPmidOrTitleAreInvalidAndTheReaderGoesOn() throws IOException {
        Events events = Events.fixture("invalid-records.nbib");

        assertEquals(new ReadEvent.Invalid(2, null, "no PMID"), events.all().get(1));
        assertEquals(new ReadEvent.Invalid(3, "91000009", "no title"), events.all().get(2));
        assertEquals(4, events.all().get(3).recordNumber());
    }

    @Test
    void plainTextIsEscapedForTheHtmlForms() throws IOException {
        String nbib = "PMID- 1\nTI  - Pain <5 & \"quoted\"\nAB  - a < b\n";
        Citation r = Events.read(new ByteArrayInputStream(nbib.getBytes(StandardCharsets.UTF_8))).records().get(0);

        assertEquals("Pain <5 & \"quoted\"", r.title());
        assertEquals("Pain &lt;5 &amp; &quot;quoted&quot;", r.titleHtml());
        assertEquals("a &lt; b", r.abstractSections().get(0).html());
    }
}
