package org.cortexlit.formats;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record that passes a bound of {@link Limits} (a huge line, field or record) is refused by number, naming the
 * bound, and the records after it are read: the reader never holds the whole of it. The oversized parts are
 * generated as the reader consumes them, never held by the test either.
 */
class BoundedInputTest {

    /** {@code before}, then {@code count} times {@code unit}, then {@code after}, produced as it is read. */
    static InputStream stream(String before, String unit, long count, String after) {
        byte[] u = unit.getBytes(StandardCharsets.UTF_8);
        InputStream repeated = new InputStream() {
            long left = count * u.length;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                return u[(int) (count * u.length - left--) % u.length] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                long at = count * u.length - left;
                for (int k = 0; k < n; k++) {
                    b[off + k] = u[(int) ((at + k) % u.length)];
                }
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(bytes(before), repeated), bytes(after));
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final String XML_RECORD = "<PubmedArticle><MedlineCitation><PMID>%s</PMID><Article><ArticleTitle>%s"
            + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>";

    @ParameterizedTest(name = "title of {0} characters")
    @ValueSource(longs = {2_000_000, 60_000_000})
    void anXmlTitleLongerThanTheBoundIsRefusedAndTheNextRecordRead(long chars) throws IOException {
        String before = "<PubmedArticleSet>" + XML_RECORD.formatted("1", "Before") + XML_RECORD.formatted("2", "").replace(
                "</ArticleTitle></Article></MedlineCitation></PubmedArticle>", "");
        String after = "</ArticleTitle></Article></MedlineCitation></PubmedArticle>" + XML_RECORD.formatted("3", "After")
                + "</PubmedArticleSet>";
        Events e = Events.read(stream(before, "rTMS pain ", chars / 10, after));
        assertEquals(List.of("Before", "After"), e.records().stream().map(Citation::title).toList());
        ReadEvent.Invalid refused = e.invalid().get(0);
        assertEquals(2, refused.recordNumber());
        assertEquals("2", refused.pmid());
        assertEquals("the <ArticleTitle> field is longer than 1,048,576 characters", refused.reason());
    }

    @Test
    void aTitleMadeOfMillionsOfInlineTagsIsRefusedToo() throws IOException {
        String before = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article><ArticleTitle>";
        String after = "</ArticleTitle></Article></MedlineCitation></PubmedArticle>" + XML_RECORD.formatted("8", "After")
                + "</PubmedArticleSet>";
        Events e = Events.read(stream(before, "<i>x</i>", 3_000_000, after));
        assertEquals(List.of("8"), e.records().stream().map(Citation::pmid).toList());
        assertEquals(1, e.invalid().get(0).recordNumber());
        assertEquals("7", e.invalid().get(0).pmid());
    }

    @Test
    void tooMuchTextInOneRecordIsRefusedEvenWhenEachFieldFits() throws IOException {
        String author = "<Author><LastName>%s</LastName></Author>".formatted("x".repeat(100_000));
        String before = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>5</PMID><Article><ArticleTitle>T"
                + "</ArticleTitle><AuthorList>";
        String after = "</AuthorList></Article></MedlineCitation></PubmedArticle>" + XML_RECORD.formatted("6", "After")
                + "</PubmedArticleSet>";
        Events e = Events.read(stream(before, author, 200, after));
        assertEquals(List.of("6"), e.records().stream().map(Citation::pmid).toList());
        assertEquals("the record holds more than 8,388,608 characters of text", e.invalid().get(0).reason());
    }

    @Test
    void aMedlineLineLongerThanTheBoundIsRefusedAndTheNextRecordRead() throws IOException {
        Events e = Events.read(stream("PMID- 1\nTI  - Before\n\nPMID- 2\nTI  - ", "abcdefghij", 30_000_000,
                "\nDP  - 2020\n\nPMID- 3\nTI  - After\n"));
        assertEquals(List.of("1", "3"), e.records().stream().map(Citation::pmid).toList());
        assertEquals("line 5 is longer than 1,048,576 characters", e.invalid().get(0).reason());
        assertEquals("2", e.invalid().get(0).pmid());
    }

    @Test
    void aMedlineFieldContinuedPastTheBoundIsRefused() throws IOException {
        Events e = Events.read(stream("PMID- 1\nTI  - Start\n", "      " + "y".repeat(1000) + "\n", 2_000,
                "\nPMID- 2\nTI  - After\n"));
        assertEquals(List.of("2"), e.records().stream().map(Citation::pmid).toList());
        assertEquals("the TI field is longer than 1,048,576 characters", e.invalid().get(0).reason());
    }

    @Test
    void aRisLineLongerThanTheBoundIsRefusedAndTheNextRecordRead() throws IOException {
        Events e = Events.read(stream("TY  - JOUR\r\nTI  - Before\r\nER  - \r\nTY  - JOUR\r\nTI  - ", "0123456789",
                30_000_000, "\r\nER  - \r\nTY  - JOUR\r\nTI  - After\r\nER  - \r\n"));
        assertEquals(List.of("Before", "After"), e.records().stream().map(Citation::title).toList());
        assertEquals(2, e.invalid().get(0).recordNumber());
        assertEquals("line 5 is longer than 1,048,576 characters", e.invalid().get(0).reason());
    }

    @Test
    void aBibtexValueLongerThanTheBoundIsRefusedAndTheNextEntryRead() throws IOException {
        Events e = Events.read(stream("@article{a, title = {Before}}\n@article{b, title = {", "zzzzzzzzzz", 300_000,
                "}}\n@article{c, title = {After}}\n"));
        assertEquals(List.of("Before", "After"), e.records().stream().map(Citation::title).toList());
        assertEquals("the title field is longer than 1,048,576 characters", e.invalid().get(0).reason());
    }

    @Test
    void xmlNestedDeeperThanAnyRealRecordIsRefusedWithItsRecordNumber() {
        RecordFormatException e = Assertions.assertThrows(RecordFormatException.class,
                () -> Events.read(stream("<PubmedArticleSet>" + XML_RECORD.formatted("1", "Fine") + "<PubmedArticle>",
                        "<x>", 100_000, "")));
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("maxElementDepth"), e.getMessage());
    }

    @Test
    void linesEndInNewlineCarriageReturnOrBothAndALastLineNeedsNoEnd() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("a\nb\r\nc\rd\n\ne"));
        StringBuilder seen = new StringBuilder();
        for (String l = lines.readLine(); l != null; l = lines.readLine()) {
            seen.append('[').append(l).append(']');
            assertTrue(!lines.lastWasCut());
        }
        assertEquals("[a][b][c][d][][e]", seen.toString());
        assertEquals(6, lines.lineNumber());
    }
}
