package org.cortexlit.formats;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PubmedXmlReaderTest {

    @Test
    void structuredAbstractKeepsLabelsCategoriesAndOrderButNotOtherAbstract() throws IOException {
        Citation r = Events.fixture("structured-abstract.xml").record("90000001");

        assertEquals(List.of("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"),
                r.abstractSections().stream().map(Citation.AbstractSection::label).toList());
        assertEquals("METHODS", r.abstractSections().get(1).nlmCategory());
        assertEquals("Central post-stroke pain resists drugs.", r.abstractSections().get(0).text(),
                "line breaks inside the text collapse to one space");
        assertTrue(r.abstractText().startsWith("BACKGROUND: Central post-stroke pain resists drugs.\n\nMETHODS: "));
        assertFalse(r.abstractText().contains("francais"), "OtherAbstract is not the abstract");
        assertFalse(r.abstractText().contains("Copyright"));
    }

    @Test
    void journalDateAuthorsAndListsAreRead() throws IOException {
        Citation r = Events.fixture("structured-abstract.xml").record("90000001");

        assertEquals("Pain medicine (Malden, Mass.)", r.journal());
        assertEquals("Pain Med", r.journalAbbrev());
        assertEquals("1234-5678", r.issn());
        assertEquals("12", r.volume());
        assertEquals("3", r.issue());
        assertEquals("101-9", r.pages());
        assertEquals("2014 Mar 12", r.pubDate());
        assertEquals(2014, r.year(), "the PubDate year wins over ArticleDate and DateCompleted");
        assertEquals(List.of("eng"), r.languages());
        assertEquals(List.of("Randomized Controlled Trial", "Journal Article"), r.publicationTypes());
        assertEquals(List.of("rTMS", "neuropathic pain"), r.keywords());
        Citation.Author first = r.authors().get(0);
        assertEquals("Lefaucheur", first.lastName());
        assertEquals("Jean-Pascal", first.foreName());
        assertEquals("JP", first.initials());
        assertEquals(List.of("Hopital Henri Mondor, Creteil, France."), first.affiliations());
        assertEquals("André-Obadia", r.authors().get(1).lastName(), "numeric character references decode");
        assertEquals(1, r.pmidVersion());
        assertFalse(r.book());
    }

    @Test
    void inlineMarkupKeepsTheSafeSubsetInHtmlAndFlattensThePlainForm() throws IOException {
        Citation r = Events.fixture("inline-markup.xml").record("90000002");

        assertEquals("Effects of <i>theta-burst</i> stimulation on <sup>11</sup>C-raclopride binding &amp; "
                + "CO<sub>2</sub> &lt;5&gt; in <u>M1</u>, <b>DLPFC</b> and café <b>areas</b>.", r.titleHtml());
        Citation.AbstractSection ab = r.abstractSections().get(0);
        assertEquals("A P < 0.05 effect with alert(1) x2.", ab.text(), "no-break spaces become spaces");
        assertEquals("A <i>P</i> &lt; 0.05 effect with alert(1) <i>x</i><sup>2</sup>.", ab.html(),
                "unknown elements such as <script> lose their tags; <italic> maps to <i>");
    }

    @Test
    void mathMlDegradesToItsTextContent() throws IOException {
        Citation r = Events.fixture("mathml.xml").record("90000003");

        assertEquals("Inhaled He3 MRI and x=1 in vivo.", r.title());
        assertEquals("Inhaled He3 MRI and x=1 in <i>vivo</i>.", r.titleHtml());
    }

    @Test
    void medlineDateSeasonAndFallbackYears() throws IOException {
        Events events = Events.fixture("medline-date.xml");

        Citation medlineDate = events.record("90000004");
        assertEquals(2006, medlineDate.year());
        assertEquals("2006 May-Jun", medlineDate.pubDate());
        assertEquals("45-52", medlineDate.pages(), "StartPage-EndPage when there is no MedlinePgn");
        assertEquals("Pain Pract", medlineDate.journalAbbrev(), "MedlineTA stands in for a missing ISOAbbreviation");
        assertEquals(List.of("eng", "ger"), medlineDate.languages());

        Citation season = events.record("90000005");
        assertEquals(1990, season.year());
        assertEquals("1990 Spring", season.pubDate());

        Citation fallback = events.record("90000006");
        assertEquals(2001, fallback.year(), "DateCompleted when PubDate has no year");
        assertNull(fallback.pubDate());
    }

    @Test
    void collectiveNamesAreAuthorsInOrderAndInvestigatorsAreNot() throws IOException {
        Citation r = Events.fixture("collective-name.xml").record("90000007");

        assertEquals(3, r.authors().size());
        assertEquals("European Academy of Neurology Panel", r.authors().get(1).collectiveName());
        assertNull(r.authors().get(1).lastName());
        assertEquals(List.of("Lyon, France.", "Inserm U1028."), r.authors().get(2).affiliations());
        assertTrue(r.authors().stream().noneMatch(a -> "Investigator".equals(a.lastName())));
    }

    @Test
    void bracketedTranslatedTitleAndVernacularTitle() throws IOException {
        Citation r = Events.fixture("vernacular-title.xml").record("90000008");

        assertEquals("[Chronic stimulation of the motor cortex in central pain].", r.title());
        assertEquals("Stimulation chronique du cortex moteur dans les douleurs centrales.", r.vernacularTitle());
    }

    @Test
    void doiFromAValidELocationIdOnly() throws IOException {
        Citation r = Events.fixture("doi-elocation.xml").record("90000009");

        assertEquals("10.3389/fneur.2021.000123", r.doi(), "an ELocationID with ValidYN=N is ignored");
        assertEquals(List.of(new Citation.Identifier("pii", "e0123")), r.identifiers());
    }

    @Test
    void citedWorksIdsNeverBecomeTheRecordsIds() throws IOException {
        Events events = Events.fixture("doi-articleidlist-references.xml");

        Citation own = events.record("90000010");
        assertEquals("10.1097/j.pain.0000000000000999", own.doi());
        assertEquals(List.of(new Citation.Identifier("pii", "00006396-201701000-00010"),
                new Citation.Identifier("pmc", "PMC5000001"),
                new Citation.Identifier("mid", "NIHMS800001")), own.identifiers());

        Citation none = events.record("90000011");
        assertNull(none.doi(), "a DOI from the ReferenceList belongs to a cited work");
        assertTrue(none.identifiers().isEmpty());
    }

    @Test
    void meshMajorWhenDescriptorOrAnyQualifierIsMajor() throws IOException {
        List<Citation.MeshHeading> mesh = Events.fixture("mesh-major-qualifiers.xml").record("90000012").mesh();

        assertEquals(new Citation.MeshHeading("Humans", false, List.of()), mesh.get(0));
        assertEquals(new Citation.MeshHeading("Motor Cortex", true, List.of()), mesh.get(1));
        assertEquals(new Citation.MeshHeading("Neuralgia", true, List.of("therapy", "physiopathology")),
                mesh.get(2));
        assertEquals(new Citation.MeshHeading("Transcranial Magnetic Stimulation", false, List.of("methods")),
                mesh.get(3));
    }

    @Test
    void pmidVersionIsKept() throws IOException {
        assertEquals(2, Events.fixture("pmid-version2.xml").record("90000013").pmidVersion());
    }

    @Test
    void deleteCitationIsOneEventWithAllItsPmids() throws IOException {
        Events events = Events.fixture("delete-citation.xml");

        ReadEvent.Deleted deleted = (ReadEvent.Deleted) events.all().get(1);
        assertEquals(2, deleted.recordNumber());
        assertEquals(List.of("80000001", "80000002", "80000003"), deleted.pmids());
    }

    @Test
    void bookChapterAndWholeBook() throws IOException {
        Events events = Events.fixture("book-article-set.xml");

        Citation chapter = events.record("90000015");
        assertTrue(chapter.book());
        assertEquals("Transcranial Magnetic Stimulation", chapter.title());
        assertEquals("StatPearls", chapter.journal(), "a chapter's container is its book");
        assertEquals(List.of("Author"), chapter.authors().stream().map(Citation.Author::lastName).toList(),
                "editors are not authors");
        assertEquals(List.of("Review"), chapter.publicationTypes());
        assertEquals("A chapter abstract.", chapter.abstractText());
        assertEquals(List.of(new Citation.Identifier("bookaccession", "NBK000001")), chapter.identifiers());

        Citation book = events.record("90000016");
        assertEquals("Neuropathic Pain: Guideline for Adults", book.title(), "a whole book is titled by BookTitle");
        assertEquals("Royal College of Physicians (UK)", book.journal());
        assertEquals(2010, book.year());
        assertEquals("National Clinical Guideline Centre (UK)", book.authors().get(0).collectiveName());
    }

    @Test
    void legacyMedlineCitationSetWithItsDeletion() throws IOException {
        Events events = Events.fixture("medline-citation-set.xml");

        assertEquals(List.of("90000017", "90000018"), events.records().stream().map(Citation::pmid).toList());
        assertEquals(List.of("80000004"), events.deletedPmids());
        assertEquals(3, events.all().get(2).recordNumber());
        assertEquals(new Citation.MeshHeading("Pain", true, List.of()), events.record("90000017").mesh().get(0));
    }

    @Test
    void recordsWithoutPmidOrTitleAreInvalidAndTheReaderGoesOn() throws IOException {
        Events events = Events.fixture("invalid-records.xml");

        assertEquals(new ReadEvent.Invalid(1, null, "no PMID"), events.all().get(0),
                "a CommentsCorrections PMID is never the record's PMID");
        assertEquals(new ReadEvent.Invalid(2, "90000020", "no title"), events.all().get(1));
        assertEquals("90000021", ((ReadEvent.Parsed) events.all().get(2)).record().pmid());
    }

    @Test
    void aBareMedlineCitationAfterBlankLinesAndACommentIsOneRecord() throws IOException {
        String xml = "\n\n<!-- fetched by hand -->\n<MedlineCitation Owner=\"NLM\"><PMID Version=\"1\">7</PMID>"
                + "<Article><Journal><JournalIssue><PubDate><Year>1999</Year></PubDate></JournalIssue></Journal>"
                + "<ArticleTitle>Bare</ArticleTitle></Article></MedlineCitation>";
        Events events = Events.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, events.all().size());
        assertEquals("Bare", events.record("7").title());
        assertEquals(1999, events.record("7").year());
    }
}
