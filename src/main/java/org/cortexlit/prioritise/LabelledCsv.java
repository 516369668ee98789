package org.cortexlit.prioritise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a labelled screening data set in ASReview's CSV form: a header row, then one record per row. Columns used:
 * {@code title} and {@code abstract} (at least one of them), {@code keywords} when present (split at {@code ;}), and the
 * label, the first present of {@code label_included}, {@code included} and {@code debug_label}, holding 0 or 1 for every
 * record. Other columns are ignored; header names are matched in any case. The CSV may quote fields ({@code ""} for a
 * quote inside), hold line breaks inside quoted fields, end lines with CRLF, LF or CR, and start with a byte-order mark.
 * Record ids are the row numbers, 1 for the first record after the header.
 */
public final class LabelledCsv {

    /** Label column names, in the order they are looked for. */
    public static final List<String> LABEL_COLUMNS = List.of("label_included", "included", "debug_label");

    private LabelledCsv() {
    }

    public static LabelledSet read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), name);
        }
    }

    /**
     * @param source names the input in error messages (a file path)
     * @param name   the data set's name in results
     */
    public static LabelledSet read(Reader in, String source, String name) throws IOException {
        CsvRows rows = new CsvRows(in instanceof BufferedReader ? in : new BufferedReader(in), source);
        List<String> header = rows.next();
        if (header == null) {
            throw new LabelledCsvException(source, 1, "the file is empty; expected a header row with title, abstract and "
                    + String.join(" or ", LABEL_COLUMNS) + ".");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Integer title = column.get("title");
        Integer abstractText = column.get("abstract");
        Integer keywords = column.get("keywords");
        if (title == null && abstractText == null) {
            throw new LabelledCsvException(source, 1, "the header has neither a title nor an abstract column; it has "
                    + header + ".");
        }
        String labelColumn = LABEL_COLUMNS.stream().filter(column::containsKey).findFirst().orElseThrow(() ->
                new LabelledCsvException(source, 1, "the header has no label column (" + String.join(", ", LABEL_COLUMNS)
                        + "); it has " + header + "."));
        int label = column.get(labelColumn);
        List<LabelledRecord> records = new ArrayList<>();
        List<String> row;
        while ((row = rows.next()) != null) {
            long line = rows.recordLine();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new LabelledCsvException(source, line, "the row has " + row.size() + " fields, the header "
                        + header.size() + ".");
            }
            String value = row.get(label).trim();
            boolean relevant;
            if (value.equals("1")) {
                relevant = true;
            } else if (value.equals("0")) {
                relevant = false;
            } else {
                throw new LabelledCsvException(source, line, labelColumn + " is '" + value
                        + "'; every record needs 0 (irrelevant) or 1 (relevant).");
            }
            List<String> keywordList = keywords == null || row.get(keywords).isBlank() ? List.of()
                    : Arrays.stream(row.get(keywords).split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            RecordText text = new RecordText(records.size() + 1L, title == null ? "" : row.get(title),
                    abstractText == null ? "" : row.get(abstractText), keywordList);
            records.add(new LabelledRecord(text, relevant, line));
        }
        return new LabelledSet(name, labelColumn, records);
    }

    /** RFC 4180 rows, read one character at a time so a quoted field may span lines. */
    private static final class CsvRows {
        private final Reader in;
        private final String source;
        private long line = 1;
        private long recordLine;
        private int pushedBack = -2;
        private boolean first = true;

        CsvRows(Reader in, String source) {
            this.in = in;
            this.source = source;
        }

        long recordLine() {
            return recordLine;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            int c = in.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            return c;
        }

        /** The next row's fields, or null at the end of the input. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (c == '"' && field.length() == 0) {
                    long quoteLine = line;
                    while (true) {
                        c = read();
                        if (c == -1) {
                            throw new LabelledCsvException(source, quoteLine,
                                    "a quoted field starts here and is never closed.");
                        }
                        if (c == '"') {
                            c = read();
                            if (c != '"') {
                                break;
                            }
                        } else if (c == '\n' || (c == '\r')) {
                            if (c == '\r') {
                                int d = read();
                                if (d != '\n') {
                                    pushedBack = d;
                                }
                                c = '\n';
                            }
                            line++;
                        }
                        field.append((char) c);
                    }
                    if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        throw new LabelledCsvException(source, line, "a quoted field is followed by '" + (char) c
                                + "' instead of a comma or the end of the line.");
                    }
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    c = read();
                    continue;
                }
                if (c == '\n' || c == '\r' || c == -1) {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pushedBack = d;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                field.append((char) c);
                c = read();
            }
        }
    }
}
