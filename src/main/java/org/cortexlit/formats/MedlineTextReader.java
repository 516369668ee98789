package org.cortexlit.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams MEDLINE / PubMed text ({@code .nbib}, "PubMed format"): {@code TAG - value} lines with tags of up
 * to four characters, continuation lines indented, records separated by blank lines. Tolerant of what real
 * exports do: CRLF, a BOM, leading blank lines, {@code PMC - } before {@code PMID- }, {@code PMID-123} with
 * no space, records not separated by a blank line (a second {@code PMID- } starts a new record), and stray
 * lines that are neither a tag nor a continuation (skipped).
 */
final class MedlineTextReader extends LineRecordReader {

    private final StringBuilder value = new StringBuilder(1024);
    private String pendingLine;

    MedlineTextReader(InputStream in) {
        super(in);
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.MEDLINE_TEXT;
    }

    @Override
    protected ReadEvent readRecord() throws IOException {
        Draft d = null;
        String tag = null;
        value.setLength(0);
        problem = null;
        recordChars = 0;
        while (true) {
            boolean pending = pendingLine != null;
            String line = pending ? pendingLine : lines.readLine();
            pendingLine = null;
            if (line == null) {
                eof = true;
                break;
            }
            // the field before a cut line is whole: the problem is set once that field is applied
            String cut = !pending && lines.lastWasCut() && problem == null ? Limits.lineTooLong(lines.lineNumber()) : null;
            recordChars += line.length();
            if (recordChars > Limits.MAX_RECORD_CHARS && problem == null) {
                problem = Limits.recordTooLong();
            }
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (TaggedLines.isBlank(line)) {
                if (d != null) {
                    break;
                }
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                problem = problem != null ? problem : cut;
                if (tag != null) {
                    appendPart(tag, line, 0);
                }
                continue;
            }
            int dash = tagEnd(line);
            if (dash < 0) {
                // Neither a tag nor a continuation: skip it, and let no continuation attach to it.
                if (tag != null) {
                    if (problem == null) {
                        d.apply(tag, value.toString().trim());
                    }
                    tag = null;
                    value.setLength(0);
                }
                continue;
            }
            String newTag = line.substring(0, dash).trim();
            if (d != null && d.startsNewRecord(newTag)) {
                pendingLine = line;
                recordChars -= line.length(); // it belongs to the next record
                break;
            }
            if (d == null) {
                d = new Draft();
                recordNumber++;
            }
            if (tag != null && problem == null) {
                d.apply(tag, value.toString().trim());
            }
            problem = problem != null ? problem : cut;
            tag = newTag;
            value.setLength(0);
            int start = dash + 1;
            appendPart(tag, line, start);
        }
        if (d == null) {
            return null;
        }
        if (tag != null && problem == null) {
            d.apply(tag, value.toString().trim());
        }
        RecordDraft draft = d.finish();
        draft.problem = problem;
        return draft.toEvent(recordNumber);
    }

    /** Adds a line's text to the field being read, unless the record is already refused or the field is full. */
    private void appendPart(String tag, String line, int from) {
        if (problem == null && !TaggedLines.appendTrimmed(value, line, from)) {
            problem = Limits.fieldTooLong(tag);
        }
    }

    /** The index of the dash ending a tag ({@code PMID- }, {@code AU  - }, {@code TI-}), or -1. */
    static int tagEnd(String line) {
        int n = line.length();
        int j = 0;
        while (j < n && j < 4 && isTagChar(line.charAt(j))) {
            j++;
        }
        if (j == 0) {
            return -1;
        }
        while (j < n && j < 4 && line.charAt(j) == ' ') {
            j++;
        }
        return j < n && line.charAt(j) == '-' ? j : -1;
    }

    private static boolean isTagChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** One record's fields as the tags arrive; authors are paired FAU/AU/AD as PubMed writes them. */
    private static final class Draft {
        final RecordDraft d = new RecordDraft();
        final List<AuthorDraft> authors = new ArrayList<>();
        final StringBuilder title = new StringBuilder();
        final StringBuilder abstractText = new StringBuilder();
        String bookTitle;
        boolean sawPmc;

        /** A second PMID (or a PMC after a PMID) means the blank line between records went missing. */
        boolean startsNewRecord(String tag) {
            if (tag.equals("PMID")) {
                return d.pmid != null;
            }
            return tag.equals("PMC") && sawPmc;
        }

        void apply(String tag, String v) {
            switch (tag) {
                case "PMID" -> {
                    String pmid = digits(v);
                    if (pmid != null) {
                        d.pmid = pmid;
                    }
                }
                case "PMC" -> {
                    sawPmc = true;
                    if (!v.isEmpty()) {
                        d.addIdentifier("pmc", v);
                    }
                }
                case "TI" -> appendSentence(title, v);
                case "BTI" -> bookTitle = emptyToNull(v);
                case "TT" -> d.vernacularTitle = emptyToNull(v);
                case "AB" -> appendSentence(abstractText, v);
                case "FAU" -> {
                    if (!v.isEmpty()) {
                        AuthorDraft a = new AuthorDraft();
                        int comma = v.indexOf(',');
                        a.last = comma < 0 ? v : v.substring(0, comma).trim();
                        a.fore = comma < 0 ? null : emptyToNull(v.substring(comma + 1).trim());
                        authors.add(a);
                    }
                }
                case "AU" -> {
                    if (v.isEmpty()) {
                        return;
                    }
                    int space = v.lastIndexOf(' ');
                    AuthorDraft last = authors.isEmpty() ? null : authors.get(authors.size() - 1);
                    if (last != null && last.collective == null && !last.sawAu) {
                        last.sawAu = true;
                        last.initials = space < 0 ? null : v.substring(space + 1);
                    } else {
                        AuthorDraft a = new AuthorDraft();
                        a.sawAu = true;
                        a.last = space < 0 ? v : v.substring(0, space);
                        a.initials = space < 0 ? null : v.substring(space + 1);
                        authors.add(a);
                    }
                }
                case "CN" -> {
                    if (!v.isEmpty()) {
                        AuthorDraft a = new AuthorDraft();
                        a.collective = v;
                        authors.add(a);
                    }
                }
                case "AD" -> {
                    if (!authors.isEmpty() && !v.isEmpty()) {
                        authors.get(authors.size() - 1).affiliations.add(v);
                    }
                }
                case "DP" -> {
                    d.pubDate = emptyToNull(v);
                    d.year = RecordDraft.firstYear(v);
                }
                case "TA" -> d.journalAbbrev = emptyToNull(v);
                case "JT" -> d.journal = emptyToNull(v);
                case "IS" -> {
                    if (d.issn == null) {
                        int paren = v.indexOf('(');
                        d.issn = emptyToNull(paren < 0 ? v : v.substring(0, paren).trim());
                    }
                }
                case "VI" -> d.volume = emptyToNull(v);
                case "IP" -> d.issue = emptyToNull(v);
                case "PG" -> d.pages = emptyToNull(v);
                case "LID", "AID" -> articleId(v);
                case "MH" -> mesh(v);
                case "PT" -> addIfPresent(d.publicationTypes, v);
                case "OT" -> {
                    if (!v.isEmpty() && !d.keywords.contains(v)) {
                        d.keywords.add(v);
                    }
                }
                case "LA" -> addIfPresent(d.languages, v);
                default -> {
                    // PHST, STAT, OWN, CIN, ...: not part of the model.
                }
            }
        }

        /** {@code 10.1/x [doi]}, {@code S0140-6736(19)30000-1 [pii]}, or JabRef's {@code doi:10.1/x}. */
        private void articleId(String v) {
            if (v.isEmpty()) {
                return;
            }
            String type = null;
            String id = v;
            if (v.endsWith("]")) {
                int open = v.lastIndexOf('[');
                if (open > 0) {
                    type = v.substring(open + 1, v.length() - 1).trim();
                    id = v.substring(0, open).trim();
                }
            }
            if (type == null || type.equals("doi")) {
                String doi = RecordDraft.cleanDoi(id);
                if (doi != null) {
                    if (d.doi == null) {
                        d.doi = doi;
                    }
                    return;
                }
            }
            if (type != null && !id.isEmpty()) {
                d.addIdentifier(type, id);
            }
        }

        /** {@code *Motor Cortex}, {@code Pain/*therapy}, {@code Pain/drug therapy/*therapy}. */
        private void mesh(String v) {
            if (v.isEmpty()) {
                return;
            }
            boolean major = false;
            String descriptor = null;
            List<String> qualifiers = new ArrayList<>(2);
            int start = 0;
            while (start <= v.length()) {
                int slash = v.indexOf('/', start);
                int end = slash < 0 ? v.length() : slash;
                String part = v.substring(start, end).trim();
                if (part.startsWith("*")) {
                    major = true;
                    part = part.substring(1).trim();
                }
                if (descriptor == null) {
                    descriptor = part;
                } else if (!part.isEmpty()) {
                    qualifiers.add(part);
                }
                if (slash < 0) {
                    break;
                }
                start = slash + 1;
            }
            if (descriptor != null && !descriptor.isEmpty()) {
                d.mesh.add(new Citation.MeshHeading(descriptor, major, qualifiers));
            }
        }

        RecordDraft finish() {
            String ti = title.length() == 0 ? null : title.toString();
            if (ti != null) {
                d.title = ti;
                if (bookTitle != null) {
                    d.journal = bookTitle;
                }
            } else {
                d.title = bookTitle;
            }
            d.book = bookTitle != null;
            if (abstractText.length() > 0) {
                d.abstractSections.addAll(AbstractLabels.split(abstractText.toString()));
            }
            for (AuthorDraft a : authors) {
                d.authors.add(new Citation.Author(a.last, a.fore, a.initials, a.collective, a.affiliations));
            }
            return d;
        }

        private static void appendSentence(StringBuilder sb, String v) {
            if (v.isEmpty()) {
                return;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(v);
        }

        private static void addIfPresent(List<String> list, String v) {
            if (!v.isEmpty()) {
                list.add(v);
            }
        }

        private static String emptyToNull(String v) {
            return v == null || v.isEmpty() ? null : v;
        }

        private static String digits(String v) {
            int end = 0;
            while (end < v.length() && Character.isDigit(v.charAt(end))) {
                end++;
            }
            return end == 0 ? null : v.substring(0, end);
        }
    }

    private static final class AuthorDraft {
        String last;
        String fore;
        String initials;
        String collective;
        boolean sawAu;
        final List<String> affiliations = new ArrayList<>(1);
    }
}
