package org.cortexlit.formats;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamException;

/**
 * Decides from the first bytes what a file is, never from its name: gzip (by its magic number), then
 * PubMed XML (first non-blank character {@code <}), RIS (a {@code TY  - } line), BibTeX ({@code @article{},
 * after any {@code %} comments) or MEDLINE text (a tag line such as {@code PMID- }, {@code PMC - },
 * {@code TI  - }). Leaves the stream positioned at the content, past any UTF-8 BOM and leading blank lines.
 */
final class FormatSniffer {

    /** Enough to see past a BOM and some blank lines; a mark this size is cheap. */
    private static final int SNIFF_BYTES = 4096;
    private static final int BUFFER = 1 << 16;

    /** A sniffed stream: its format and the stream positioned at the content. */
    record Sniffed(RecordFormat format, FaultRecordingInputStream content) {
    }

    private FormatSniffer() {
    }

    static Sniffed sniff(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        if (isGzip(in)) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            } catch (EOFException | ZipException e) {
                throw truncated(0, e);
            }
        }
        in.mark(SNIFF_BYTES);
        byte[] head;
        try {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (EOFException | ZipException e) {
            throw truncated(0, e);
        }
        in.reset();
        int n = head.length;
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        // A BOM after a blank (JabRef's RIS fixtures have one) is as harmless as one in front.
        while (i < n && (isBlank(head[i]) || isBom(head, i, n))) {
            i += isBlank(head[i]) ? 1 : 3;
        }
        if (i == n) {
            throw new RecordFormatException(n < SNIFF_BYTES ? "empty file" : "not a file of records: "
                    + "it starts with more than " + SNIFF_BYTES + " blank characters", 0);
        }
        RecordFormat format;
        if (head[i] == '<') {
            format = RecordFormat.PUBMED_XML;
        } else if (isRisTagLine(head, i, n, "TY")) {
            format = RecordFormat.RIS;
        } else if (isBibtexStart(head, i, n)) {
            format = RecordFormat.BIBTEX;
        } else if (startsWith(head, i, "FN ") || startsWith(head, i, "PT ")) {
            throw new RecordFormatException("this looks like a Web of Science tagged file (it starts with \""
                    + (startsWith(head, i, "FN ") ? "FN" : "PT") + " \"), which is not read here; export the records "
                    + "from Web of Science as RIS instead", 0);
        } else if (isMedlineTagLine(head, i, n) && !isRisTagLine(head, i, n, null)) {
            format = RecordFormat.MEDLINE_TEXT;
        } else if (hasLineStarting(head, i, n, "TY") || (isRisTagLine(head, i, n, null)
                && hasLineStarting(head, i, n, "ER"))) {
            // Ovid puts "1." before each record; a RIS file may have lost its first TY (the reader says so).
            format = RecordFormat.RIS;
        } else if (hasBibtexEntry(head, i, n)) {
            // EndNote puts notes before the first entry.
            format = RecordFormat.BIBTEX;
        } else if (isMedlineTagLine(head, i, n)) {
            format = RecordFormat.MEDLINE_TEXT;
        } else {
            throw new RecordFormatException("not a PubMed XML, MEDLINE text, RIS or BibTeX file: it holds "
                    + describe(head, i, n), 0);
        }
        // XML must not have blank lines before its declaration, and the text reader has no use for them.
        in.skipNBytes(i);
        return new Sniffed(format, new FaultRecordingInputStream(in));
    }

    /**
     * What a text reader throws when reading fails: its own RecordFormatException as it is, a cut-off gzip
     * stream as "file is truncated" at {@code recordNumber}, any other I/O error unchanged.
     */
    static IOException readFault(IOException e, int recordNumber) {
        if (e instanceof RecordFormatException) {
            return e;
        }
        IOException gz = gzipFault(e);
        return gz != null ? truncated(recordNumber, gz) : e;
    }

    static RecordFormatException truncated(int recordNumber, IOException cause) {
        return new RecordFormatException("file is truncated or a damaged gzip stream"
                + (recordNumber > 0 ? " (while reading record " + recordNumber + ")" : "")
                + ": " + cause.getMessage(), recordNumber, cause);
    }

    /** True for the exceptions a cut or damaged gzip stream throws, anywhere in the cause chain. */
    static IOException gzipFault(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof EOFException || t instanceof ZipException) {
                return (IOException) t;
            }
            if (t instanceof XMLStreamException xe && xe.getNestedException() != null
                    && xe.getNestedException() != xe.getCause()) {
                IOException nested = gzipFault(xe.getNestedException());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** {@code PMID- 1}, {@code PMC - PMC1}, {@code TI  - x}, {@code PMID-22664220}, {@code TI-}: 1-4 tag characters,
     * padding spaces, and the dash no later than the fifth column. */
    static boolean isMedlineTagLine(byte[] b, int from, int n) {
        int j = from;
        while (j < n && j - from < 4 && isTagChar(b[j])) {
            j++;
        }
        if (j == from) {
            return false;
        }
        while (j < n && b[j] == ' ' && j - from < 4) {
            j++;
        }
        return j < n && b[j] == '-' && j - from <= 4;
    }

    private static boolean isBom(byte[] b, int i, int n) {
        return i + 2 < n && (b[i] & 0xff) == 0xEF && (b[i + 1] & 0xff) == 0xBB && (b[i + 2] & 0xff) == 0xBF;
    }

    /** A RIS tag line at {@code from}: {@code TY  - }, {@code TY -}, {@code ER  -}; any two-character tag when
     * {@code tag} is null. */
    static boolean isRisTagLine(byte[] b, int from, int n, String tag) {
        if (from + 4 > n) {
            return false;
        }
        byte c0 = b[from];
        byte c1 = b[from + 1];
        if (tag != null ? (c0 != tag.charAt(0) || c1 != tag.charAt(1))
                : !(c0 >= 'A' && c0 <= 'Z') || !isTagChar(c1)) {
            return false;
        }
        int j = from + 2;
        while (j < n && j < from + 5 && b[j] == ' ') {
            j++;
        }
        return j > from + 2 && j < n && b[j] == '-'
                && (j + 1 == n || b[j + 1] == ' ' || b[j + 1] == '\r' || b[j + 1] == '\n');
    }

    /** Some line from {@code from} on (within the sniffed bytes) is a RIS {@code tag} line. */
    private static boolean hasLineStarting(byte[] b, int from, int n, String tag) {
        for (int k = from; k < n; k++) {
            if ((k == from || b[k - 1] == '\n') && isRisTagLine(b, k, n, tag)) {
                return true;
            }
        }
        return false;
    }

    /** {@code @article{}, {@code @Book (}, after any {@code %} comment lines. */
    static boolean isBibtexStart(byte[] b, int from, int n) {
        int k = from;
        while (k < n && b[k] == '%') {
            while (k < n && b[k] != '\n') {
                k++;
            }
            while (k < n && isBlank(b[k])) {
                k++;
            }
        }
        // Only comments (JabRef writes "% Encoding: UTF-8" even when there is no entry): an empty BibTeX file.
        return isBibtexEntry(b, k, n) || (k > from && k == n && n < SNIFF_BYTES);
    }

    private static boolean isBibtexEntry(byte[] b, int k, int n) {
        if (k >= n || b[k] != '@') {
            return false;
        }
        int j = k + 1;
        while (j < n && ((b[j] >= 'a' && b[j] <= 'z') || (b[j] >= 'A' && b[j] <= 'Z'))) {
            j++;
        }
        if (j == k + 1) {
            return false;
        }
        while (j < n && (b[j] == ' ' || b[j] == '\t')) {
            j++;
        }
        return j < n && (b[j] == '{' || b[j] == '(');
    }

    private static boolean hasBibtexEntry(byte[] b, int from, int n) {
        for (int k = from; k < n; k++) {
            if ((k == from || b[k - 1] == '\n') && isBibtexEntry(b, k, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTagChar(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean startsWith(byte[] b, int from, String s) {
        if (from + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[from + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a refused file seems to hold, in words: its content is never quoted, so an error message (readable by
     * every user) cannot leak a line of a file that was never meant to be imported.
     */
    static String describe(byte[] b, int from, int n) {
        if (startsWith(b, from, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(b, from, "PK\u0003\u0004")) {
            return "a ZIP archive (unpack it and import the files inside)";
        }
        if ((n - from >= 4 && (b[from] & 0xff) == 0x89 && startsWith(b, from + 1, "PNG")) || startsWith(b, from, "GIF8")
                || (n - from >= 3 && (b[from] & 0xff) == 0xFF && (b[from + 1] & 0xff) == 0xD8 && (b[from + 2] & 0xff) == 0xFF)) {
            return "an image";
        }
        if (b[from] == '{' || b[from] == '[') {
            return "JSON, or text in no format CortexLit reads";
        }
        int control = 0;
        for (int k = from; k < n; k++) {
            int c = b[k] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control * 20 > n - from ? "binary data" : "text in no format CortexLit reads (its first line starts no "
                + "PubMed, MEDLINE, RIS or BibTeX record)";
    }
}
