package org.cortexlit.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a file or stream, sniffing gzip and the record format from the content (never the name). */
public final class RecordReaders {

    private RecordReaders() {
    }

    /** Opens {@code file}; the returned reader owns and closes the stream. */
    public static RecordReader open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    /** Reads from {@code in} (gzip or not); the reader closes {@code in}. */
    public static RecordReader open(InputStream in) throws IOException {
        try {
            FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(in);
            return switch (sniffed.format()) {
                case PUBMED_XML -> new PubmedXmlReader(sniffed.content());
                case MEDLINE_TEXT -> new MedlineTextReader(sniffed.content());
                case RIS -> new RisReader(sniffed.content());
                case BIBTEX -> new BibtexReader(sniffed.content());
            };
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
