package org.cortexlit.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real RIS and BibTeX files of {@code shared/corpus} (SOURCES.md sections 3 and 4), read as a user would
 * import them. Counts are the {@code TY  -} starts (or entries) of each file; spot values were read off the
 * files with grep; JabRef's {@code .bib} answer keys serve as a second opinion on its RIS inputs. Skipped where
 * the corpus is absent.
 */
class RisBibtexCorpusTest {

    static final Path CORPUS = CorpusFilesTest.CORPUS;

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Files.isDirectory(CORPUS), "no shared corpus at " + CORPUS.toAbsolutePath());
    }

    static Events corpus(String relative) throws IOException {
        return Events.read(CORPUS.resolve(relative));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                                                   | format | parsed | invalid
            asreview/demo_data/_baseline.ris                         | RIS    | 100    | 0
            asreview/demo_data/baseline_zotero.ris                   | RIS    | 100    | 0
            asreview/demo_data/baseline_tag-notes_labels.ris         | RIS    | 32     | 0
            asreview/demo_data/baseline_reference_types.ris          | RIS    | 0      | 61
            asreview/demo_data/embase.ris                            | RIS    | 6      | 0
            asreview/demo_data/ovid_zotero.ris                       | RIS    | 6      | 0
            asreview/demo_data/ovid_psycinfo.ris                     | RIS    | 6      | 0
            asreview/demo_data/proquest.ris                          | RIS    | 6      | 0
            asreview/demo_data/scopus.ris                            | RIS    | 6      | 0
            asreview/demo_data/web_of_science.txt                    | RIS    | 10     | 0
            asreview/demo_data/pubmed_zotero.ris                     | RIS    | 6      | 0
            asreview/demo_data/pubmed_endnote.txt                    | RIS    | 6      | 0
            asreview/demo_data/ris_issue_992.txt                     | RIS    | 19     | 0
            asreview/demo_data/ris_issue_1099.txt                    | RIS    | 7      | 0
            asreview/demo_data/faulty_year.ris                       | RIS    | 1      | 0
            asreview/demo_data/ris_many_authors.ris                  | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest1.ris                   | RIS    | 1      | 10
            jabref/fileformat/RisImporterTest3.ris                   | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest4a.ris                  | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest4b.ris                  | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest4c.ris                  | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest5a.ris                  | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest5b.ris                  | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest6.ris                   | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest7.ris                   | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest8_date.ris              | RIS    | 1      | 0
            jabref/fileformat/RisImporterTest9.ris                   | RIS    | 1      | 0
            jabref/fileformat/RisImporterTestDOI.ris                 | RIS    | 1      | 0
            jabref/fileformat/RisImporterTestDate1.1.ris             | RIS    | 1      | 0
            jabref/fileformat/RisImporterTestDate1.2.ris             | RIS    | 1      | 0
            jabref/fileformat/RisImporterTestDoiAndJournalTitle.ris  | RIS    | 0      | 1
            jabref/fileformat/RisImporterTestScience.ris             | RIS    | 1      | 0
            jabref/fileformat/RisImporterTestScopus.ris              | RIS    | 1      | 0
            jabref/fileformat/RisImporterTestWithEmptyER.ris         | RIS    | 1      | 0
            """)
    void everyRisFileOfTheCorpusReadsToTheEnd(String file, RecordFormat format, int parsed, int invalid)
            throws IOException {
        Events events = corpus(file);
        assertEquals(format, events.format());
        assertEquals(parsed, events.records().size(), "parsed");
        assertEquals(invalid, events.invalid().size(), "invalid");
    }

    static Stream<String> bibFiles() throws IOException {
        if (!Files.isDirectory(CORPUS.resolve("jabref/fileformat"))) {
            return Stream.of();
        }
        try (Stream<Path> files = Files.list(CORPUS.resolve("jabref/fileformat"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bib")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bibFiles")
    void everyJabrefBibFileReadsAsBibtexWithOneEventPerEntry(String name) throws IOException {
        Path file = CORPUS.resolve("jabref/fileformat").resolve(name);
        Events events = Events.read(file);
        assertEquals(RecordFormat.BIBTEX, events.format());
        long entries;
        try (Stream<String> lines = Files.lines(file)) {
            entries = lines.filter(l -> l.matches("\\s*@\\w+\\{.*") && !l.matches("(?i)\\s*@(comment|string|preamble).*"))
                    .count();
        }
        assertEquals(entries, events.all().size(), "one event per entry");
    }

    @Test
    void spotChecksAgainstTheFiles() throws IOException {
        Citation lens = corpus("asreview/demo_data/_baseline.ris").records().get(0);
        assertEquals("The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing and Localizing Focal "
                + "Congenital Hyperinsulinism: Systematic Review and Meta-Analysis", lens.title());
        assertEquals(2012, lens.year());
        assertEquals("10.1007/s11307-012-0572-0", lens.doi());
        assertEquals("22752652", lens.pmid(), "from the PubMed link in L2");
        assertEquals("000-463-679-101-319", lens.sourceId(), "the Lens id");
        assertEquals("Björn A.", lens.authors().get(0).foreName());

        Citation zotero = corpus("asreview/demo_data/baseline_zotero.ris").records().get(0);
        assertEquals("An open source machine learning framework for efficient and transparent systematic reviews",
                zotero.title());
        assertEquals(2021, zotero.year());
        assertEquals("10.1038/s42256-020-00287-7", zotero.doi());

        Citation embase = corpus("asreview/demo_data/embase.ris").records().get(0);
        assertEquals("Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound", embase.title());
        assertEquals(2014, embase.year());
        assertEquals("10.4103/2303-9027.138783", embase.doi());
        assertEquals("Adler", embase.authors().get(1).lastName());
        assertEquals("DG", embase.authors().get(1).initials());

        Citation scopus = corpus("asreview/demo_data/scopus.ris").records().get(0);
        assertEquals(2020, scopus.year());
        assertEquals("10.1016/j.psyneuen.2019.104501", scopus.doi());
        assertEquals("0306-4530", scopus.issn(), "from \"03064530 (ISSN)\"");
        assertEquals(List.of("eng"), scopus.languages(), "from \"English\"");
        assertTrue(scopus.publicationTypes().contains("Review"));

        Citation ovid = corpus("asreview/demo_data/ovid_psycinfo.ris").records().get(0);
        assertEquals("10.1002/cpp.2398", ovid.doi());
        assertEquals("2019-65183-001", ovid.sourceId());
        assertEquals(2019, ovid.year());
        assertNull(ovid.pages(), "No Pagination Specified");

        Citation wos = corpus("asreview/demo_data/web_of_science.txt").records().get(0);
        assertEquals("Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations",
                wos.title());
        assertEquals("2211-3681", wos.issn());
        assertEquals(new Citation.Author("Luke", "TJ", "TJ", null, List.of()), wos.authors().get(1),
                "AU  - Luke, TJ");

        Citation issue1099 = corpus("asreview/demo_data/ris_issue_1099.txt").records().get(0);
        assertEquals("1336-1376", issue1099.issn(), "SN without a hyphen");
        assertEquals(2018, issue1099.year());

        assertNull(corpus("asreview/demo_data/faulty_year.ris").records().get(0).year(), "PY  - 10 15");
        assertEquals(2019, corpus("asreview/demo_data/pubmed_zotero.ris").records().get(0).year(), "DA  - 2019///");
        assertEquals(7456, corpus("asreview/demo_data/ris_many_authors.ris").records().get(0).authors().size());
    }

    @Test
    void endnoteExportsOfPubmedCarryThePmidInAn() throws IOException {
        assertEquals(List.of("21553931", "29459515", "27626602", "27452660", "24407360", "28482341"),
                corpus("asreview/demo_data/pubmed_endnote.txt").records().stream().map(Citation::pmid).toList());
    }

    @Test
    void rayyanKeywordsAndIdsSurvive() throws IOException {
        List<Citation> records = corpus("asreview/demo_data/ris_issue_992.txt").records();
        Citation first = records.get(0);
        assertEquals("rayyan-264552525", first.sourceId());
        assertNull(first.pmid());
        assertEquals(13, first.keywords().size());
        assertEquals("Health Facility Administration", first.keywords().get(0));
        assertEquals("Patient Education", first.keywords().get(12));
        assertTrue(records.stream().allMatch(r -> r.sourceId().startsWith("rayyan-")));
    }

    @Test
    void aRisFileThatLostItsTyIsRefusedWithAReason() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> corpus("jabref/fileformat/RisImporterCorrupted.ris"));
        assertTrue(e.getMessage().startsWith("no RIS record found"), e.getMessage());
    }

    /**
     * JabRef's expected BibTeX beside each of its RIS inputs, read by our BibTeX reader, agrees with what our
     * RIS reader makes of the input on title, year, DOI, volume, pages and first author. Test1 is left out:
     * JabRef runs its nine TY lines into one record, where a new TY starts a new record here.
     */
    @Test
    void jabrefAnswerKeysAgreeWithTheRisReader() throws IOException {
        Path dir = CORPUS.resolve("jabref/fileformat");
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path ris : files.filter(p -> p.getFileName().toString().matches("RisImporterTest.+\\.ris"))
                    .sorted().toList()) {
                String name = ris.getFileName().toString();
                Path bib = dir.resolve(name.replace(".ris", ".bib"));
                if (name.equals("RisImporterTest1.ris") || !Files.exists(bib)) {
                    continue;
                }
                List<Citation> ours = Events.read(ris).records();
                List<Citation> theirs = Events.read(bib).records();
                assertEquals(theirs.size(), ours.size(), name);
                for (int i = 0; i < ours.size(); i++) {
                    Citation o = ours.get(i);
                    Citation t = theirs.get(i);
                    // JabRef writes "--" for the em dash of Test6's title: dashes compare as dashes.
                    assertEquals(t.title().replaceAll("[–—]", "-"), o.title().replaceAll("[–—]", "-"), name + " title");
                    assertEquals(t.year(), o.year(), name + " year");
                    if (t.doi() != null) {
                        assertEquals(t.doi(), o.doi(), name + " doi");
                    }
                    if (t.volume() != null) {
                        assertEquals(t.volume(), o.volume(), name + " volume");
                    }
                    if (t.pages() != null) {
                        assertEquals(t.pages(), o.pages(), name + " pages");
                    }
                    if (!t.authors().isEmpty() && !o.authors().isEmpty()) {
                        assertEquals(t.authors().get(0).lastName(), o.authors().get(0).lastName(), name + " author");
                    }
                }
                checked.add(name);
            }
        }
        assertTrue(checked.size() >= 15, "answer keys compared: " + checked);
    }
}
