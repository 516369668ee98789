package org.cortexlit.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * What the readers of tagged-line formats (MEDLINE text, RIS) share: bounded lines, the count of records read, the
 * bound on a record's size, and how a read fault is reported (with the number of the record it interrupted).
 */
abstract class LineRecordReader implements RecordReader {

    protected final BoundedLines lines;
    /** Why the record being read cannot be used (a bound passed), or null; its lines are read on, not kept. */
    protected String problem;
    protected long recordChars;
    protected int recordNumber;
    protected boolean eof;

    LineRecordReader(InputStream in) {
        this.lines = new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public final ReadEvent next() throws IOException {
        if (eof) {
            return null;
        }
        try {
            return readRecord();
        } catch (IOException e) {
            throw FormatSniffer.readFault(e, recordNumber + 1);
        } catch (RuntimeException e) {
            eof = true;
            throw unexpected(e);
        }
    }

    /** Reads the next record, or returns null at the end of the file (setting {@link #eof}). */
    protected abstract ReadEvent readRecord() throws IOException;

    /** What a fault of the reader's own code while reading a record is reported as (by default, itself). */
    protected IOException unexpected(RuntimeException e) {
        throw e;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
