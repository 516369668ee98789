package org.cortexlit.formats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files that are broken or built to attack the parser. Decision: an entity the file declares for itself
 * (XXE, billion laughs) is never expanded; since DTD processing is off it is undeclared, and reading stops
 * with a {@link RecordFormatException} that names the record and line. Nothing from the entity's target leaks.
 */
class HostileInputTest {

    @Test
    void xxeNamingALocalFileNeverLeaksItsContent() throws IOException {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> Events.fixture("hostile/xxe-passwd.xml"));

        String everything = stackTraceOf(e);
        assertFalse(everything.contains("root:"), "no line of /etc/passwd in the error or its causes");
        assertFalse(everything.contains("/bin/"), "no line of /etc/passwd in the error or its causes");
        assertTrue(e.getMessage().contains("record 1"), e.getMessage());
        assertTrue(e.getMessage().contains("line 11"), e.getMessage());
        assertEquals(1, e.recordNumber());
    }

    @Test
    void xxeRecordsReadBeforeTheFaultAreNeverFilledFromTheFile() throws IOException {
        List<ReadEvent> seen = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(Events.fixturePath("hostile/xxe-passwd.xml"))) {
            assertThrows(RecordFormatException.class, () -> {
                for (ReadEvent ev = reader.next(); ev != null; ev = reader.next()) {
                    seen.add(ev);
                }
            });
        }
        assertTrue(seen.isEmpty());
    }

    @Test
    void billionLaughsStopsQuicklyWithAnError() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            RecordFormatException e = assertThrows(RecordFormatException.class,
                    () -> Events.fixture("hostile/billion-laughs.xml"));
            assertTrue(e.getMessage().contains("never expanded"), e.getMessage());
        });
    }

    @Test
    void malformedXmlMidFileNamesRecordAndLineAfterKeepingEarlierRecords() throws IOException {
        List<ReadEvent> seen = new ArrayList<>();
        RecordFormatException e;
        try (RecordReader reader = RecordReaders.open(Events.fixturePath("hostile/malformed-mid-file.xml"))) {
            e = assertThrows(RecordFormatException.class, () -> {
                for (ReadEvent ev = reader.next(); ev != null; ev = reader.next()) {
                    seen.add(ev);
                }
            });
            assertThrows(RecordFormatException.class, reader::next, "a broken reader stays broken");
        }
        assertEquals(1, seen.size());
        assertEquals(2, e.recordNumber());
        assertTrue(e.getMessage().startsWith("malformed XML in record 2 at line 16, column"), e.getMessage());
    }

    @Test
    void plainTextThatIsNeitherFormatIsRejectedWithoutQuotingIt() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> Events.fixture("hostile/not-pubmed.txt"));
        assertEquals("not a PubMed XML, MEDLINE text, RIS or BibTeX file: it holds text in no format CortexLit reads "
                + "(its first line starts no PubMed, MEDLINE, RIS or BibTeX record)", e.getMessage());
        assertFalse(e.getMessage().contains("This is a plain"), "a refused file's content is never quoted");
        assertEquals(0, e.recordNumber());
    }

    @Test
    void emptyAndBlankFilesAreEmpty() {
        assertEquals("empty file", assertThrows(RecordFormatException.class,
                () -> Events.fixture("hostile/empty.txt")).getMessage());
        assertEquals("empty file", assertThrows(RecordFormatException.class,
                () -> Events.fixture("hostile/blank-lines.txt")).getMessage());
    }

    @Test
    void anXmlFileThatIsNotPubmedSaysWhatItsRootIs() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> Events.fixture("hostile/html-error-page.xml"));
        assertTrue(e.getMessage().startsWith("not a PubMed XML file: the root element is <html>"), e.getMessage());
    }

    @Test
    void binaryBytesAreRejectedAndNamedForWhatTheyAre() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> Events.read(new ByteArrayInputStream(png)));
        assertEquals("not a PubMed XML, MEDLINE text, RIS or BibTeX file: it holds an image", e.getMessage());
        RecordFormatException passwd = assertThrows(RecordFormatException.class, () -> Events.read(
                new ByteArrayInputStream("root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8))));
        assertFalse(passwd.getMessage().contains("root"), passwd.getMessage());
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        noise[0] = 1;
        assertTrue(assertThrows(RecordFormatException.class, () -> Events.read(new ByteArrayInputStream(noise)))
                .getMessage().endsWith("binary data"));
    }

    @Test
    void aTruncatedGzipIsReportedAsTruncatedAfterTheRecordsBeforeTheCut() throws IOException {
        byte[] whole = gzip(manyRecordsXml(400));
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
        List<ReadEvent> seen = new ArrayList<>();

        RecordFormatException e;
        try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(cut))) {
            e = assertThrows(RecordFormatException.class, () -> {
                for (ReadEvent ev = reader.next(); ev != null; ev = reader.next()) {
                    seen.add(ev);
                }
            });
        }
        assertTrue(e.getMessage().startsWith("file is truncated"), e.getMessage());
        assertTrue(seen.size() > 10, "records before the cut are kept: " + seen.size());
        assertTrue(e.recordNumber() > seen.size(), "names the record being read");
    }

    @Test
    void aGzipCutInsideItsHeaderIsTruncatedToo() throws IOException {
        byte[] head = Arrays.copyOf(gzip(manyRecordsXml(1)), 6);
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> Events.read(new ByteArrayInputStream(head)));
        assertTrue(e.getMessage().startsWith("file is truncated"), e.getMessage());
    }

    @Test
    void aTruncatedGzippedMedlineFileIsTruncated() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            sb.append("PMID- ").append(i).append("\nTI  - Title number ").append(i)
                    .append(" about cortical stimulation for chronic pain\nDP  - 2020\n\n");
        }
        byte[] whole = gzip(sb.toString());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> Events.read(new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().startsWith("file is truncated"), e.getMessage());
    }

    @Test
    void gzipIsRecognisedByContentNotByName(@TempDir Path dir) throws IOException {
        Path disguised = dir.resolve("export.txt");
        Files.write(disguised, Files.readAllBytes(Events.fixturePath("gzipped-article.xml.gz")));
        Events events = Events.read(disguised);
        assertEquals(RecordFormat.PUBMED_XML, events.format());
        assertEquals("90000001", events.records().get(0).pmid());

        Path plainNamedGz = dir.resolve("records.xml.gz");
        Files.write(plainNamedGz, Files.readAllBytes(Events.fixturePath("pmid-version2.xml")));
        assertEquals("90000013", Events.read(plainNamedGz).records().get(0).pmid());
    }

    @Test
    void risIsRecognisedAndReadAsRis() throws IOException {
        // the sniffer tells RIS from the other formats; RisReaderTest covers its reading
        byte[] ris = "TY  - JOUR\nTI  - x\nER  - \n".getBytes();
        Events events = Events.read(new ByteArrayInputStream(ris));
        assertEquals(RecordFormat.RIS, events.format());
        assertEquals("x", events.records().get(0).title());
    }

    @Test
    void strayLinesInMedlineTextAreSkippedNotFatal() throws IOException {
        String text = "PMID- 5\n\u0000\u0001garbage\nTI  - Kept\n-- not a tag\nDP  - 2001\n";
        Events events = Events.read(new ByteArrayInputStream(text.getBytes()));
        Citation r = events.records().get(0);
        assertEquals("Kept", r.title());
        assertEquals(2001, r.year());
        assertNotNull(events.format());
    }

    static String manyRecordsXml(int n) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n");
        for (int i = 1; i <= n; i++) {
            sb.append("<PubmedArticle><MedlineCitation><PMID Version=\"1\">").append(i).append("</PMID>")
                    .append("<Article><Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue>")
                    .append("<Title>Pain</Title></Journal><ArticleTitle>Record ").append(i)
                    .append(" on <i>rTMS</i> of the motor cortex</ArticleTitle><Abstract><AbstractText>")
                    .append("Sham-controlled trial of 10 Hz stimulation. ".repeat(30))
                    .append("</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n");
        }
        return sb.append("</PubmedArticleSet>\n").toString();
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
