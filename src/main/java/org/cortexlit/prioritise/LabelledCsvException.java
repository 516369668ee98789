package org.cortexlit.prioritise;

/** A labelled CSV file that cannot be read; the message names the file, the line and what is wrong there. */
public class LabelledCsvException extends IllegalArgumentException {

    private final long line;

    public LabelledCsvException(String source, long line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.line = line;
    }

    /** The line of the file (1-based) where the faulty record or field starts. */
    public long line() {
        return line;
    }
}
