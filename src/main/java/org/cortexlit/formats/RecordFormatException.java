package org.cortexlit.formats;

import java.io.IOException;

/** The file cannot be read further: it is not in a known format, truncated, or malformed. The message
 * is meant for a person: it says what is wrong and where (record number, line). */
public class RecordFormatException extends IOException {

    private final int recordNumber;

    public RecordFormatException(String message, int recordNumber, Throwable cause) {
        super(message, cause);
        this.recordNumber = recordNumber;
    }

    public RecordFormatException(String message, int recordNumber) {
        this(message, recordNumber, null);
    }

    /** The record being read when the fault was found (1-based), or 0 before the first record. */
    public int recordNumber() {
        return recordNumber;
    }
}
