package org.cortexlit.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams BibTeX, character by character: {@code @type{key, field = {value} # "value" # macro, ...}} with
 * nested braces, {@code @string} macros (and the month names), {@code @comment} and {@code @preamble}
 * skipped, and anything between entries ignored (EndNote's notes, JabRef's {@code % Encoding} line). Values
 * are decoded by {@link LatexText}.
 *
 * <p>A BibTeX record usually has no PMID: it is {@link ReadEvent.Parsed} with a null PMID and its citation
 * key as {@link Citation#sourceId()}. An entry with no title, or one that breaks the syntax, is
 * {@link ReadEvent.Invalid} and the reader goes on at the next line that starts with {@code @}.
 */
final class BibtexReader implements RecordReader {

    /** Longer values are cut: no field of a citation is this long, and memory stays bounded. */
    static final int MAX_VALUE = Limits.MAX_FIELD_CHARS;
    /** Why the entry being read cannot be used (a bound passed), or null. */
    private String problem;
    private long entryChars;

    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("jan", "January"), Map.entry("feb", "February"), Map.entry("mar", "March"),
            Map.entry("apr", "April"), Map.entry("may", "May"), Map.entry("jun", "June"), Map.entry("jul", "July"),
            Map.entry("aug", "August"), Map.entry("sep", "September"), Map.entry("oct", "October"),
            Map.entry("nov", "November"), Map.entry("dec", "December"));

    private final Reader in;
    private final Map<String, String> macros = new HashMap<>();
    private int peeked = -2;
    private int line = 1;
    private int recordNumber;
    private boolean eof;

    BibtexReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.BIBTEX;
    }

    @Override
    public ReadEvent next() throws IOException {
        if (eof) {
            return null;
        }
        try {
            return readEntry();
        } catch (IOException e) {
            throw FormatSniffer.readFault(e, recordNumber + 1);
        } catch (RuntimeException e) {
            eof = true;
            throw new RecordFormatException("entry " + recordNumber + " (line " + line + ") could not be read: "
                    + e, recordNumber, e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private ReadEvent readEntry() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                eof = true;
                return null;
            }
            if (c != '@') {
                continue; // between entries: anything goes
            }
            StringBuilder type = new StringBuilder(16);
            while (isLetter(peek())) {
                type.append((char) read());
            }
            skipWhitespace();
            int open = peek();
            if (type.length() == 0 || (open != '{' && open != '(')) {
                continue; // an @ in a note, an e-mail address
            }
            read();
            char close = open == '{' ? '}' : ')';
            String t = type.toString().toLowerCase(Locale.ROOT);
            switch (t) {
                case "comment", "preamble" -> {
                    if (!skipBalanced(close)) {
                        eof = true;
                        return null;
                    }
                }
                case "string" -> {
                    readString(close);
                    if (eof) {
                        return null;
                    }
                }
                default -> {
                    recordNumber++;
                    return readFields(t, close);
                }
            }
        }
    }

    /** {@code @string{name = value}}: remembered for the entries after it. */
    private void readString(char close) throws IOException {
        int startLine = line;
        try {
            skipWhitespace();
            String name = name();
            skipWhitespace();
            if (name.isEmpty() || read() != '=') {
                throw new Syntax("expected name = value in @string at line " + startLine);
            }
            String value = value(close);
            macros.put(name.toLowerCase(Locale.ROOT), value);
            skipWhitespace();
            if (peek() == close) {
                read();
            }
        } catch (Syntax e) {
            resync();
        } catch (EndOfFile e) {
            eof = true;
        }
    }

    private ReadEvent readFields(String type, char close) throws IOException {
        int startLine = line;
        Entry entry = new Entry(type);
        problem = null;
        entryChars = 0;
        try {
            skipWhitespace();
            StringBuilder key = new StringBuilder();
            String pendingField = null;
            while (true) {
                int c = peek();
                if (c < 0) {
                    throw new EndOfFile();
                }
                if (c == ',' || c == close) {
                    if (c == ',') {
                        read();
                    }
                    break;
                }
                if (c == '=') {
                    // "@article{title = ...": no key at all.
                    pendingField = key.toString().trim();
                    key.setLength(0);
                    break;
                }
                read();
                if (!isWhitespace(c) && key.length() < 1000) {
                    key.append((char) c);
                }
            }
            entry.key = key.length() == 0 ? null : key.toString();
            while (true) {
                String field;
                if (pendingField != null) {
                    field = pendingField;
                    pendingField = null;
                } else {
                    skipWhitespace();
                    int c = peek();
                    if (c < 0) {
                        throw new EndOfFile();
                    }
                    if (c == ',') {
                        read();
                        continue;
                    }
                    if (c == close) {
                        read();
                        break;
                    }
                    field = name();
                    if (field.isEmpty()) {
                        throw new Syntax("unexpected '" + (char) c + "' where a field name should be, line " + line);
                    }
                }
                skipWhitespace();
                int eq = read();
                if (eq != '=') {
                    if (eq < 0) {
                        throw new EndOfFile();
                    }
                    throw new Syntax("expected '=' after field \"" + field + "\", line " + line);
                }
                valueCut = false;
                String value = value(close);
                entryChars += value.length();
                if (problem == null && valueCut) {
                    problem = Limits.fieldTooLong(field);
                } else if (problem == null && entryChars > Limits.MAX_RECORD_CHARS) {
                    problem = Limits.recordTooLong();
                }
                if (problem == null) {
                    entry.fields.putIfAbsent(field.toLowerCase(Locale.ROOT), value);
                }
            }
        } catch (EndOfFile e) {
            eof = true;
            return new ReadEvent.Invalid(recordNumber, null, "the file ends inside the entry that starts at line "
                    + startLine + " (a brace or quote is not closed)");
        } catch (Syntax e) {
            resync();
            return new ReadEvent.Invalid(recordNumber, null, "BibTeX syntax error in the entry that starts at line "
                    + startLine + ": " + e.getMessage());
        }
        RecordDraft draft = entry.toDraft();
        draft.problem = problem;
        return draft.toEvent(recordNumber);
    }

    /** {@code {braced}}, {@code "quoted"}, a number or a macro, joined by {@code #}. Braces inside are kept. */
    private String value(char close) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            skipWhitespace();
            int c = peek();
            if (c < 0) {
                throw new EndOfFile();
            }
            if (c == '{') {
                read();
                braced(sb);
            } else if (c == '"') {
                read();
                quoted(sb);
            } else if (isNameChar(c)) {
                String word = name();
                String macro = macros.get(word.toLowerCase(Locale.ROOT));
                if (macro == null) {
                    macro = MONTHS.getOrDefault(word.toLowerCase(Locale.ROOT), word);
                }
                append(sb, macro);
            } else if (c == ',' || c == close) {
                throw new Syntax("a field has no value, line " + line);
            } else {
                throw new Syntax("unexpected '" + (char) c + "' in a field value, line " + line);
            }
            skipWhitespace();
            if (peek() != '#') {
                return sb.toString();
            }
            read();
        }
    }

    /** After the opening brace: up to the matching one. */
    private void braced(StringBuilder sb) throws IOException {
        int depth = 1;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new EndOfFile();
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return;
            }
            keep(sb, c);
        }
    }

    /** Whether the value being read passed {@link #MAX_VALUE} (the rest of it is read, not kept). */
    private boolean valueCut;

    private void keep(StringBuilder sb, int c) {
        if (sb.length() < MAX_VALUE) {
            sb.append((char) c);
        } else {
            valueCut = true;
        }
    }

    /** After the opening quote: up to a quote outside braces. */
    private void quoted(StringBuilder sb) throws IOException {
        int depth = 0;
        int prev = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new EndOfFile();
            }
            if (c == '"' && depth == 0 && prev != '\\') {
                return;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            keep(sb, c);
            prev = c;
        }
    }

    private boolean skipBalanced(char close) throws IOException {
        char open = close == '}' ? '{' : '(';
        int depth = 1;
        while (true) {
            int c = read();
            if (c < 0) {
                return false;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return true;
            }
        }
    }

    /** After a syntax error: on to the next line that starts with {@code @}, which is left to be read. */
    private void resync() throws IOException {
        boolean lineStart = false;
        while (true) {
            int c = peek();
            if (c < 0) {
                return;
            }
            if (lineStart && c == '@') {
                return;
            }
            read();
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                lineStart = false;
            }
        }
    }

    private String name() throws IOException {
        StringBuilder sb = new StringBuilder(16);
        while (isNameChar(peek()) && sb.length() < 200) {
            sb.append((char) read());
        }
        return sb.toString();
    }

    private void skipWhitespace() throws IOException {
        while (isWhitespace(peek())) {
            read();
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
            if (peeked == '\uFEFF') {
                peeked = in.read();
            }
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void append(StringBuilder sb, String s) {
        if (sb.length() + s.length() <= MAX_VALUE) {
            sb.append(s);
        } else {
            valueCut = true;
        }
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0';
    }

    /** Field and macro names, bare numbers: letters, digits and {@code - _ : . + / '}. */
    private static boolean isNameChar(int c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.' || c == '+'
                || c == '/' || c == '\'';
    }

    /** The entry broke the syntax; the reader skips to the next entry. */
    private static final class Syntax extends IOException {
        Syntax(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not a fault: no stack trace needed
        }
    }

    /** The file ended inside an entry. */
    private static final class EndOfFile extends IOException {
        EndOfFile() {
            super("end of file");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** One entry's raw fields; {@link #toDraft()} decodes the ones the model has. */
    private static final class Entry {
        final String type;
        String key;
        final Map<String, String> fields = new HashMap<>();

        Entry(String type) {
            this.type = type;
        }

        RecordDraft toDraft() {
            RecordDraft d = new RecordDraft();
            d.pmidOptional = true;
            d.sourceId = key;
            String rawTitle = fields.get("title");
            if (rawTitle != null) {
                InlineMarkup m = new InlineMarkup();
                LatexText.decode(rawTitle, m);
                if (!m.isEmpty()) {
                    d.title = m.plain();
                    d.titleHtml = m.html();
                }
            }
            String abs = text("abstract");
            if (abs != null) {
                d.abstractSections.addAll(AbstractLabels.split(abs));
            }
            String authors = fields.get("author");
            if (authors != null) {
                for (String name : splitAuthors(authors)) {
                    Citation.Author a = author(name);
                    if (a != null) {
                        d.authors.add(a);
                    }
                }
            }
            String year = text("year");
            d.year = CitationFields.year(year);
            String date = text("date");
            if (d.year == null) {
                d.year = CitationFields.year(date);
            }
            d.pubDate = date != null ? date : year;
            String month = text("month");
            if (date == null && year != null && month != null) {
                d.pubDate = year + " " + month;
            }
            d.journal = firstText("journal", "journaltitle", "booktitle");
            d.journalAbbrev = firstText("shortjournal", "journal-iso", "journalabbrev");
            d.volume = text("volume");
            d.issue = firstText("number", "issue");
            String pages = text("pages");
            if (pages != null) {
                // "100--120" (decoded to an en dash) is written "100-120" as PubMed does.
                d.pages = pages.replace('–', '-').replace('—', '-').replaceAll("\\s*-+\\s*", "-");
            }
            d.doi = RecordDraft.cleanDoi(text("doi"));
            d.issn = CitationFields.issn(text("issn"));
            String keywords = text("keywords");
            if (keywords != null) {
                for (String k : keywords.split("[,;]")) {
                    String kw = k.trim();
                    if (!kw.isEmpty() && !d.keywords.contains(kw)) {
                        d.keywords.add(kw);
                    }
                }
            }
            d.languages.addAll(CitationFields.languages(text("language")));
            d.pmid = pmid();
            String pmcid = text("pmcid");
            if (pmcid != null) {
                d.addIdentifier("pmc", pmcid);
            }
            String publicationType = switch (type) {
                case "article" -> "Journal Article";
                case "inproceedings", "conference" -> "Conference Paper";
                case "book" -> "Book";
                case "incollection", "inbook" -> "Book Chapter";
                default -> type;
            };
            d.publicationTypes.add(publicationType);
            d.book = type.equals("book") || type.equals("incollection") || type.equals("inbook");
            return d;
        }

        /** {@code pmid = {123}}, {@code eprint = {123}} with {@code eprinttype = {pubmed}}, or a PubMed link. */
        private String pmid() {
            String pmid = digits(text("pmid"));
            if (pmid == null && "pubmed".equalsIgnoreCase(text("eprinttype"))) {
                pmid = digits(text("eprint"));
            }
            if (pmid == null) {
                pmid = CitationFields.pmidFromUrl(text("url"));
            }
            return pmid;
        }

        private static String digits(String v) {
            if (v == null) {
                return null;
            }
            String s = v.trim();
            return CitationFields.looksLikePmid(s) ? s : null;
        }

        private String text(String field) {
            String raw = fields.get(field);
            if (raw == null) {
                return null;
            }
            String t = LatexText.plain(raw);
            return t.isEmpty() ? null : t;
        }

        private String firstText(String... names) {
            for (String name : names) {
                String t = text(name);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }

        /** A braced whole name ("{World Health Organization}") is a group; "others" is no one. */
        private static Citation.Author author(String raw) {
            String name = raw.trim();
            if (name.isEmpty() || name.equalsIgnoreCase("others")) {
                return null;
            }
            if (name.startsWith("{") && name.endsWith("}") && matchingClose(name) == name.length() - 1) {
                String group = LatexText.plain(name);
                return group.isEmpty() ? null : new Citation.Author(null, null, null, group, List.of());
            }
            return CitationFields.author(LatexText.plain(name));
        }

        private static int matchingClose(String s) {
            int depth = 0;
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) == '{') {
                    depth++;
                } else if (s.charAt(k) == '}' && --depth == 0) {
                    return k;
                }
            }
            return -1;
        }

        /** Splits on {@code and} between whitespace, outside braces. */
        static List<String> splitAuthors(String raw) {
            List<String> names = new ArrayList<>();
            int depth = 0;
            int start = 0;
            int n = raw.length();
            for (int k = 0; k < n; k++) {
                char c = raw.charAt(k);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && Character.isWhitespace(c) && k + 4 < n
                        && raw.regionMatches(true, k + 1, "and", 0, 3) && Character.isWhitespace(raw.charAt(k + 4))) {
                    names.add(raw.substring(start, k));
                    start = k + 4;
                    k += 3;
                }
            }
            names.add(raw.substring(start));
            return names;
        }
    }
}
