package org.cortexlit.formats;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A baseline-sized file (30,000 records of about 2 KB, generated on the fly and never held in memory whole)
 * streams through in seconds. Entity references are frequent on purpose: the JDK parser counts their
 * accumulated size against a limit that real 300 MB files would otherwise hit.
 */
class ReaderThroughputTest {

    private static final Logger LOG = Logger.getLogger(ReaderThroughputTest.class);
    private static final int RECORDS = 30_000;

    @Test
    void thirtyThousandXmlRecordsStreamInSeconds() throws IOException {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n";
        IntFunction<String> record = i -> "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
                + "<PMID Version=\"1\">" + (10_000_000 + i) + "</PMID><Article><Journal><ISSN>0304-3959</ISSN>"
                + "<JournalIssue><Volume>1</Volume><PubDate><Year>2020</Year><Month>Jan</Month></PubDate></JournalIssue>"
                + "<Title>Pain</Title><ISOAbbreviation>Pain</ISOAbbreviation></Journal>"
                + "<ArticleTitle>Motor cortex <i>rTMS</i> &amp; pain &#x2013; record " + i + "</ArticleTitle>"
                + "<Abstract><AbstractText Label=\"METHODS\">"
                + "Sham &amp; active 10 Hz rTMS, P &lt; 0.05, caf&#xe9; effect. ".repeat(20)
                + "</AbstractText></Abstract><AuthorList><Author><LastName>Lefaucheur</LastName>"
                + "<ForeName>Jean-Pascal</ForeName><Initials>JP</Initials></Author></AuthorList>"
                + "<Language>eng</Language></Article><MeshHeadingList><MeshHeading>"
                + "<DescriptorName MajorTopicYN=\"Y\">Neuralgia</DescriptorName>"
                + "<QualifierName MajorTopicYN=\"N\">therapy</QualifierName></MeshHeading></MeshHeadingList>"
                + "</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"doi\">10.1/x" + i
                + "</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n";
        assertReadsAll(new GeneratedStream(head, record, "</PubmedArticleSet>\n"), RecordFormat.PUBMED_XML);
    }

    @Test
    void thirtyThousandMedlineRecordsStreamInSeconds() throws IOException {
        IntFunction<String> record = i -> "PMID- " + (10_000_000 + i) + "\r\nOWN - NLM\r\nDP  - 2020 Jan\r\n"
                + "TI  - Motor cortex rTMS for neuropathic pain, record " + i + "\r\n"
                + "AB  - " + "Sham-controlled 10 Hz rTMS over M1 in central post-stroke pain \r\n      ".repeat(25)
                + "end.\r\nFAU - Lefaucheur, Jean-Pascal\r\nAU  - Lefaucheur JP\r\nAD  - Creteil, France.\r\n"
                + "MH  - Neuralgia/*therapy\r\nMH  - Humans\r\nLID - 10.1/x" + i + " [doi]\r\nPT  - Journal Article\r\n\r\n";
        assertReadsAll(new GeneratedStream("", record, ""), RecordFormat.MEDLINE_TEXT);
    }

    private static void assertReadsAll(GeneratedStream in, RecordFormat format) throws IOException {
        long start = System.nanoTime();
        int parsed = 0;
        try (RecordReader reader = RecordReaders.open(in)) {
            assertEquals(format, reader.format());
            for (ReadEvent e = reader.next(); e != null; e = reader.next()) {
                if (e instanceof ReadEvent.Parsed p) {
                    parsed++;
                    assertTrue(p.record().mesh().get(0).major());
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("%s: %d records, %d MB in %d ms", format, parsed, in.bytes / (1 << 20), millis);
        assertEquals(RECORDS, parsed);
        assertTrue(in.bytes > 50L * 1_000_000, "the file really is baseline-sized: " + in.bytes);
        // Generous bound so a busy CI machine does not fail; a laptop does this in one to three seconds.
        assertTrue(millis < 30_000, "took " + millis + " ms");
    }

    /** Produces the file record by record, as a 300 MB download would arrive, without building it in memory. */
    private static final class GeneratedStream extends InputStream {
        private final IntFunction<String> record;
        private final String tail;
        private byte[] chunk;
        private int pos;
        private int next;
        private boolean tailSent;
        long bytes;

        GeneratedStream(String head, IntFunction<String> record, String tail) {
            this.record = record;
            this.tail = tail;
            this.chunk = head.getBytes(StandardCharsets.UTF_8);
        }

        private boolean fill() {
            while (pos >= chunk.length) {
                if (next < RECORDS) {
                    chunk = record.apply(next++).getBytes(StandardCharsets.UTF_8);
                } else if (!tailSent) {
                    tailSent = true;
                    chunk = tail.getBytes(StandardCharsets.UTF_8);
                } else {
                    return false;
                }
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            bytes++;
            return chunk[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            bytes += n;
            return n;
        }
    }
}
