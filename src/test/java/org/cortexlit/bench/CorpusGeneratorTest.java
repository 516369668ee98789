package org.cortexlit.bench;

import org.cortexlit.formats.Citation;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusGeneratorTest {

    private static final Logger LOG = Logger.getLogger(CorpusGeneratorTest.class);
    private static final long FIRST = 30_000_001L;

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("b.xml");
        Path c = dir.resolve("c.xml");
        new CorpusGenerator(42).writePubmedXml(a, 500, FIRST, false);
        new CorpusGenerator(42).writePubmedXml(b, 500, FIRST, false);
        new CorpusGenerator(43).writePubmedXml(c, 500, FIRST, false);
        assertEquals(sha256(a), sha256(b));
        assertNotEquals(sha256(a), sha256(c));

        Path ga = dir.resolve("a.xml.gz");
        Path gb = dir.resolve("b.xml.gz");
        new CorpusGenerator(42).writePubmedXml(ga, 500, FIRST, true);
        new CorpusGenerator(42).writePubmedXml(gb, 500, FIRST, true);
        assertEquals(sha256(ga), sha256(gb));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ga))) {
            assertArrayEquals(Files.readAllBytes(a), in.readAllBytes(), "gzip holds the same XML");
        }

        Path ma = dir.resolve("a.nbib");
        Path mb = dir.resolve("b.nbib");
        new CorpusGenerator(42).writeMedline(ma, 500, FIRST);
        new CorpusGenerator(42).writeMedline(mb, 500, FIRST);
        assertEquals(sha256(ma), sha256(mb));
    }

    @Test
    void recordsDependOnSeedAndPmidOnlyNotOnPosition() throws IOException {
        // Record FIRST+100 is the same whether the file starts at FIRST or at FIRST+100.
        Path whole = dir.resolve("whole.nbib");
        Path tail = dir.resolve("tail.nbib");
        CorpusGenerator g = new CorpusGenerator(7);
        g.writeMedline(whole, 200, FIRST);
        g.writeMedline(tail, 100, FIRST + 100);
        String w = Files.readString(whole, StandardCharsets.UTF_8);
        String t = Files.readString(tail, StandardCharsets.UTF_8);
        assertTrue(w.endsWith(t));
    }

    @Test
    void xmlIsWellFormedWithOneArticlePerPmidAndATrailingDeleteCitation() throws Exception {
        int n = 2000;
        Path xml = dir.resolve("update.xml");
        new CorpusGenerator(1).writePubmedXml(xml, n, FIRST, false, new long[]{FIRST - 5, FIRST - 4});
        String head = new String(Files.readAllBytes(xml), 0, 300, StandardCharsets.UTF_8);
        assertTrue(head.startsWith("<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\""));

        Stats s = parse(Files.newInputStream(xml));
        assertEquals(n, s.articles);
        assertEquals(n, s.pmids.size());
        for (long p = FIRST; p < FIRST + n; p++) {
            assertTrue(s.pmids.contains(Long.toString(p)));
        }
        assertEquals(List.of(Long.toString(FIRST - 5), Long.toString(FIRST - 4)), s.deleted);
    }

    @Test
    void gzipVariantIsReadable() throws Exception {
        Path gz = dir.resolve("pubmed25n0001.xml.gz");
        new CorpusGenerator(2).writePubmedXml(gz, 300, FIRST, true);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Stats s = parse(in);
            assertEquals(300, s.articles);
            assertEquals(300, s.pmids.size());
        }
    }

    @Test
    void medlineHasOnePmidLinePerRecordWrappedAtEightyColumns() throws IOException {
        int n = 1000;
        Path nbib = dir.resolve("export.nbib");
        new CorpusGenerator(3).writeMedline(nbib, n, FIRST);
        List<String> lines = Files.readAllLines(nbib, StandardCharsets.UTF_8);
        int pmids = 0;
        int blanks = 0;
        for (String line : lines) {
            if (line.startsWith("PMID- ")) {
                pmids++;
            }
            if (line.isEmpty()) {
                blanks++;
            } else {
                assertTrue(line.length() <= 80 || line.indexOf(' ', 6) < 0, () -> "too long: " + line);
                assertTrue(line.startsWith("      ") || line.matches("[A-Z]{2,4} {0,2}- .*"), () -> "not a tag line: " + line);
            }
        }
        assertEquals(n, pmids);
        assertEquals(n - 1, blanks, "records are separated by one blank line");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("AB  - BACKGROUND: ") || l.startsWith("AB  - OBJECTIVE: ")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("MH  - \\*?[A-Z].*/\\*?[a-z].*")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("      ")), "long values continue on indented lines");
    }

    @Test
    void shapeLooksLikePubmed() throws Exception {
        int n = 2000;
        Path xml = dir.resolve("shape.xml");
        new CorpusGenerator(4).writePubmedXml(xml, n, FIRST, false);
        Stats s = parse(Files.newInputStream(xml));
        double titleWords = (double) s.titleWords / n;
        double abstractWords = (double) s.abstractWords / (s.labelled + s.unlabelled);
        LOG.infof("shape over %d records: title %.1f words, abstract %.1f words, labelled %d, unlabelled %d, none %d, "
                        + "RCT %d, review %d, doi %d, eng %d, markup titles %d, MedlineDate %d, collective %d, distinct words %d",
                n, titleWords, abstractWords, s.labelled, s.unlabelled, n - s.labelled - s.unlabelled, s.rct, s.review,
                s.doi, s.english, s.markupTitles, s.medlineDates, s.collective, s.distinctWords.size());

        assertBetween(9, 15, titleWords, "mean title words");
        assertTrue(s.minTitleWords >= 5 && s.maxTitleWords <= 30, "title words " + s.minTitleWords + ".." + s.maxTitleWords);
        assertBetween(180, 320, abstractWords, "mean abstract words");
        assertBetween(0.5, 0.7, share(s.labelled, n), "labelled abstracts");
        assertBetween(0.22, 0.38, share(s.unlabelled, n), "unlabelled abstracts");
        assertTrue(s.minAuthors >= 1 && s.maxAuthors <= 15, "authors " + s.minAuthors + ".." + s.maxAuthors);
        assertTrue(s.minMesh >= 5 && s.maxMesh <= 15, "MeSH " + s.minMesh + ".." + s.maxMesh);
        assertBetween(0.05, 0.15, share(s.rct, n), "Randomized Controlled Trial");
        assertBetween(0.10, 0.20, share(s.review, n), "Review");
        assertBetween(0.95, 1.0, share(s.journalArticle, n), "Journal Article");
        assertBetween(0.74, 0.86, share(s.doi, n), "doi");
        assertBetween(0.89, 0.95, share(s.english, n), "eng");
        assertBetween(0.33, 0.47, share(s.keywordLists, n), "KeywordList");
        assertBetween(0.01, 0.06, share(s.markupTitles, n), "titles with markup");
        assertBetween(0.01, 0.06, share(s.medlineDates, n), "MedlineDate");
        assertTrue(s.collective > 0 && s.collective < n * 0.05, "CollectiveName " + s.collective);
        assertTrue(s.minYear >= 1975 && s.maxYear <= 2025);
        assertTrue(s.recent > s.old, "years skew to recent ones: " + s.recent + " since 2010, " + s.old + " before 2000");
        assertTrue(s.distinctWords.size() > 10_000, "vocabulary " + s.distinctWords.size());
        assertTrue(s.distinctWords.contains("rtms") && s.distinctWords.contains("dlpfc") && s.distinctWords.contains("sham"));
        assertTrue(s.sawEscapedLessThan, "p < 0.05 style text exercises escaping");
    }

    @Test
    void xmlAndMedlineCarryTheSameRecordsThroughTheAppReaders() throws IOException {
        int n = 300;
        CorpusGenerator g = new CorpusGenerator(5);
        Path xml = dir.resolve("same.xml");
        Path nbib = dir.resolve("same.nbib");
        g.writePubmedXml(xml, n, FIRST, false);
        g.writeMedline(nbib, n, FIRST);
        List<Citation> fromXml = readAll(xml);
        List<Citation> fromText = readAll(nbib); // PMC lines sit mid-record, as in real exports
        assertEquals(n, fromXml.size());
        assertEquals(n, fromText.size());
        for (int i = 0; i < n; i++) {
            Citation x = fromXml.get(i);
            Citation t = fromText.get(i);
            String where = "PMID " + x.pmid();
            assertEquals(Long.toString(FIRST + i), x.pmid());
            assertEquals(x.pmid(), t.pmid(), where);
            assertEquals(x.title(), t.title(), where);
            assertEquals(x.doi(), t.doi(), where);
            assertEquals(x.year(), t.year(), where);
            assertEquals(x.journalAbbrev(), t.journalAbbrev(), where);
            assertEquals(x.publicationTypes(), t.publicationTypes(), where);
            assertEquals(x.keywords(), t.keywords(), where);
            assertEquals(x.languages(), t.languages(), where);
            assertEquals(x.authors().size(), t.authors().size(), where);
            for (int a = 0; a < x.authors().size(); a++) {
                assertEquals(x.authors().get(a).lastName(), t.authors().get(a).lastName(), where);
                assertEquals(x.authors().get(a).collectiveName(), t.authors().get(a).collectiveName(), where);
            }
            assertEquals(x.mesh(), t.mesh(), where);
            assertEquals(x.abstractText().isEmpty(), t.abstractText().isEmpty(), where);
            assertNotNull(x.title(), where);
            assertFalse(x.title().contains("<"), where);
        }
    }

    @Test
    void pmcLineInsideARecordDoesNotSplitIt() throws IOException {
        Path nbib = dir.resolve("pmc.nbib");
        new CorpusGenerator(5).writeMedline(nbib, 300, FIRST);
        assertTrue(Files.readString(nbib, StandardCharsets.UTF_8).contains("\nPMC - PMC"));
        assertEquals(300, readAll(nbib).size());
    }

    @Test
    void thirtyThousandRecordsAreQuick() throws IOException {
        CorpusGenerator g = new CorpusGenerator(6);
        Path gz = dir.resolve("pubmed25n0002.xml.gz");
        long t0 = System.nanoTime();
        g.writePubmedXml(gz, 30_000, FIRST, true);
        long t1 = System.nanoTime();
        g.writeMedline(dir.resolve("big.nbib"), 30_000, FIRST);
        long t2 = System.nanoTime();
        LOG.infof("30,000 records: XML.gz %d ms (%d KB), MEDLINE %d ms", (t1 - t0) / 1_000_000, Files.size(gz) / 1024, (t2 - t1) / 1_000_000);
        // Generous bound so a loaded CI machine does not fail it; a couple of seconds is typical.
        assertTrue(t1 - t0 < 30_000_000_000L, "XML took " + (t1 - t0) / 1_000_000 + " ms");
    }

    // ------------------------------------------------------------------------------------------------

    private static List<Citation> readAll(Path file) throws IOException {
        List<Citation> out = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(file)) {
            for (ReadEvent e; (e = reader.next()) != null; ) {
                if (e instanceof ReadEvent.Parsed p) {
                    out.add(p.record());
                } else {
                    throw new AssertionError("unexpected " + e);
                }
            }
        }
        return out;
    }

    private static final class Stats {
        int articles, titleWords, abstractWords, labelled, unlabelled, rct, review, journalArticle, doi, english;
        int keywordLists, markupTitles, medlineDates, collective, recent, old;
        int minTitleWords = Integer.MAX_VALUE, maxTitleWords, minAuthors = Integer.MAX_VALUE, maxAuthors;
        int minMesh = Integer.MAX_VALUE, maxMesh, minYear = Integer.MAX_VALUE, maxYear;
        boolean sawEscapedLessThan;
        final Set<String> pmids = new HashSet<>();
        final List<String> deleted = new ArrayList<>();
        final Set<String> distinctWords = new HashSet<>();
    }

    /** One pass of StAX over a PubmedArticleSet; DTDs off, as the app reads them. */
    private static Stats parse(InputStream in) throws XMLStreamException, IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        Stats s = new Stats();
        try (in) {
            XMLStreamReader x = f.createXMLStreamReader(in, "UTF-8");
            StringBuilder title = null;
            StringBuilder abs = null;
            boolean inDelete = false;
            boolean titleMarkup = false;
            boolean sawLabel = false;
            int authors = 0;
            int mesh = 0;
            String element = "";
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    element = x.getLocalName();
                    switch (element) {
                        case "PubmedArticle" -> {
                            s.articles++;
                            authors = 0;
                            mesh = 0;
                            abs = null;
                            sawLabel = false;
                        }
                        case "DeleteCitation" -> inDelete = true;
                        case "ArticleTitle" -> {
                            title = new StringBuilder();
                            titleMarkup = false;
                        }
                        case "i", "sup", "sub" -> titleMarkup |= title != null;
                        case "AbstractText" -> {
                            if (abs == null) {
                                abs = new StringBuilder();
                            }
                            sawLabel |= x.getAttributeValue(null, "Label") != null;
                            abs.append(' ');
                        }
                        case "Author" -> authors++;
                        case "CollectiveName" -> s.collective++;
                        case "MeshHeading" -> mesh++;
                        case "KeywordList" -> s.keywordLists++;
                        case "ELocationID" -> {
                            if ("doi".equals(x.getAttributeValue(null, "EIdType"))) {
                                s.doi++;
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS) {
                    String text = x.getText();
                    if (title != null) {
                        title.append(text);
                    } else if (abs != null && (element.equals("AbstractText") || element.equals("i") || element.equals("sup"))) {
                        abs.append(text);
                        s.sawEscapedLessThan |= text.contains("p < 0.0");
                    }
                    switch (element) {
                        case "PMID" -> {
                            if (inDelete) {
                                s.deleted.add(text);
                            } else if (!text.isBlank()) {
                                assertTrue(s.pmids.add(text), "duplicate PMID " + text);
                            }
                        }
                        case "PublicationType" -> {
                            if (text.equals("Randomized Controlled Trial")) s.rct++;
                            if (text.equals("Review")) s.review++;
                            if (text.equals("Journal Article")) s.journalArticle++;
                        }
                        case "Language" -> {
                            if (text.equals("eng")) s.english++;
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("ArticleTitle")) {
                        int w = words(title.toString(), s.distinctWords);
                        s.titleWords += w;
                        s.minTitleWords = Math.min(s.minTitleWords, w);
                        s.maxTitleWords = Math.max(s.maxTitleWords, w);
                        if (titleMarkup) {
                            s.markupTitles++;
                        }
                        title = null;
                    } else if (name.equals("Abstract")) {
                        s.abstractWords += words(abs.toString(), s.distinctWords);
                        if (sawLabel) s.labelled++;
                        else s.unlabelled++;
                    } else if (name.equals("PubmedArticle")) {
                        s.minAuthors = Math.min(s.minAuthors, authors);
                        s.maxAuthors = Math.max(s.maxAuthors, authors);
                        s.minMesh = Math.min(s.minMesh, mesh);
                        s.maxMesh = Math.max(s.maxMesh, mesh);
                    } else if (name.equals("DeleteCitation")) {
                        inDelete = false;
                    }
                    element = name.equals("i") || name.equals("sup") || name.equals("sub") ? "AbstractText" : "";
                    if (name.equals("AbstractText") || name.equals("Abstract")) {
                        element = "";
                    }
                }
                if (ev == XMLStreamConstants.START_ELEMENT && element.equals("PubDate")) {
                    pubDateYear(x, s);
                }
            }
        }
        return s;
    }

    /** Reads PubDate (Year or MedlineDate) for the year statistics. */
    private static void pubDateYear(XMLStreamReader x, Stats s) throws XMLStreamException {
        String year = null;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT && (x.getLocalName().equals("Year") || x.getLocalName().equals("MedlineDate"))) {
                if (x.getLocalName().equals("MedlineDate")) {
                    s.medlineDates++;
                }
                year = x.getElementText().substring(0, 4);
            } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("PubDate")) {
                break;
            }
        }
        assertNotNull(year, "PubDate without a year");
        int y = Integer.parseInt(year);
        s.minYear = Math.min(s.minYear, y);
        s.maxYear = Math.max(s.maxYear, y);
        if (y >= 2010) s.recent++;
        if (y < 2000) s.old++;
    }

    private static int words(String text, Set<String> distinct) {
        int n = 0;
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                n++;
                String norm = w.toLowerCase().replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                if (!norm.isEmpty()) {
                    distinct.add(norm);
                }
            }
        }
        return n;
    }

    private static double share(int count, int n) {
        return (double) count / n;
    }

    private static void assertBetween(double lo, double hi, double actual, String what) {
        assertTrue(actual >= lo && actual <= hi, what + " = " + actual + ", expected " + lo + ".." + hi);
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
