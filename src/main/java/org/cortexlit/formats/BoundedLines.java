package org.cortexlit.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines as {@link BufferedReader#readLine()} does (ending in \n, \r or \r\n), but never holds more
 * than {@link Limits#MAX_LINE_CHARS} of one line: the rest of a longer line is read and dropped, and
 * {@link #lastWasCut()} says so. Counts lines from 1.
 */
final class BoundedLines implements AutoCloseable {

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean skipLf;
    private boolean cut;
    private long lineNumber;
    private final StringBuilder longLine = new StringBuilder();

    BoundedLines(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        cut = false;
        longLine.setLength(0);
        boolean any = false;
        while (true) {
            if (pos >= end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    lineNumber++;
                    return longLine.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end) {
                char c = buf[pos];
                if (c == '\n' || c == '\r') {
                    String line;
                    if (longLine.length() == 0) {
                        line = new String(buf, start, Math.min(pos - start, Limits.MAX_LINE_CHARS));
                        cut |= pos - start > Limits.MAX_LINE_CHARS;
                    } else {
                        keep(start, pos);
                        line = longLine.toString();
                    }
                    pos++;
                    skipLf = c == '\r';
                    lineNumber++;
                    return line;
                }
                pos++;
            }
            keep(start, pos);
        }
    }

    private void keep(int from, int to) {
        int room = Limits.MAX_LINE_CHARS - longLine.length();
        if (to - from > room) {
            cut = true;
        }
        if (room > 0) {
            longLine.append(buf, from, Math.min(room, to - from));
        }
    }

    /** Whether the line last read was longer than {@link Limits#MAX_LINE_CHARS} and was cut there. */
    boolean lastWasCut() {
        return cut;
    }

    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
