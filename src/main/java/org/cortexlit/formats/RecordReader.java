package org.cortexlit.formats;

import java.io.Closeable;
import java.io.IOException;

/** Streams records from one file, one at a time, in bounded memory. Not thread-safe. */
public interface RecordReader extends Closeable {

    /** The format that was sniffed, e.g. {@link RecordFormat#PUBMED_XML}. */
    RecordFormat format();

    /**
     * The next record, or null at the end of the file.
     *
     * @throws RecordFormatException when the file itself is broken (not XML, truncated, binary); the
     *                               message names the record number and, where known, the line
     */
    ReadEvent next() throws IOException;

    @Override
    void close() throws IOException;
}
