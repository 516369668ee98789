package org.cortexlit.formats;

import java.util.Locale;

/**
 * What a reader keeps of one line, one field and one record, so a hostile or broken file (a 200 MB line, a
 * title of 4 GB) costs bounded memory. Past a bound the reader reads on without keeping what it reads and
 * reports the record as invalid, naming the bound; the records around it import.
 */
public final class Limits {

    /** The longest line of a text format (MEDLINE, RIS) kept; real records stay under a few thousand. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** The longest single field (a title, an abstract section, an affiliation) kept. */
    public static final int MAX_FIELD_CHARS = 1 << 20;
    /** All the text of one record together. */
    public static final long MAX_RECORD_CHARS = 8L << 20;

    private Limits() {
    }

    static String lineTooLong(long lineNumber) {
        return String.format(Locale.ROOT, "line %,d is longer than %,d characters", lineNumber, MAX_LINE_CHARS);
    }

    static String fieldTooLong(String field) {
        return String.format(Locale.ROOT, "the %s field is longer than %,d characters", field, MAX_FIELD_CHARS);
    }

    static String recordTooLong() {
        return String.format(Locale.ROOT, "the record holds more than %,d characters of text", MAX_RECORD_CHARS);
    }
}
