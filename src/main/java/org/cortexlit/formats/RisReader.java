package org.cortexlit.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams RIS: records from {@code TY  - } to {@code ER  - }, one {@code XX  - value} tag line per field.
 * Tolerant of what real exports do: a BOM, CRLF, {@code TY -} with one space, {@code ER  -} without the
 * trailing space, values continued on untagged lines (appended with a space; for {@code KW} each such line is
 * a keyword of its own, as Rayyan and EndNote write them), a missing {@code ER} (the next {@code TY} or the end
 * of the file ends the record), and anything between records (Ovid's numbers and links): only {@code TY}
 * starts a record.
 *
 * <p>RIS records often have no PMID; such a record is still {@link ReadEvent.Parsed} with a null PMID and
 * its {@code AN}/{@code ID} as {@link Citation#sourceId()}. A record with no title is
 * {@link ReadEvent.Invalid}.
 */
final class RisReader extends LineRecordReader {

    private int lineNumber;
    private boolean sawContent;
    /** A {@code TY} line that ended the previous record (its {@code ER} was missing). */
    private String pendingStart;

    RisReader(InputStream in) {
        super(in);
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.RIS;
    }

    @Override
    protected IOException unexpected(RuntimeException e) {
        return new RecordFormatException("record " + recordNumber + " (line " + lineNumber
                + ") could not be read: " + e, recordNumber, e);
    }

    @Override
    protected ReadEvent readRecord() throws IOException {
        String start = pendingStart;
        pendingStart = null;
        while (start == null) {
            String line = readLine();
            if (line == null) {
                eof = true;
                if (recordNumber == 0 && sawContent) {
                    throw new RecordFormatException("no RIS record found: no line starts with \"TY  - \"", 0);
                }
                return null;
            }
            if (isTag(line, "TY")) {
                start = line;
            } else if (!TaggedLines.isBlank(line)) {
                // Between records: Ovid's "1." and links, a field after ER. Not part of any record.
                sawContent = true;
            }
        }
        recordNumber++;
        problem = null;
        recordChars = 0;
        Draft d = new Draft();
        d.type(value(start));
        String tag = null;
        StringBuilder value = new StringBuilder(256);
        while (true) {
            String line = readLine();
            if (line == null) {
                eof = true;
                break;
            }
            if (lines.lastWasCut() && problem == null) {
                problem = Limits.lineTooLong(lineNumber);
            }
            recordChars += line.length();
            if (recordChars > Limits.MAX_RECORD_CHARS && problem == null) {
                problem = Limits.recordTooLong();
            }
            int valueStart = tagEnd(line);
            if (valueStart < 0) {
                // An untagged line continues the field before it.
                if (tag != null && problem == null && !TaggedLines.isBlank(line)) {
                    if (tag.equals("KW")) {
                        d.keyword(line.trim());
                    } else if (Draft.keeps(tag) && !TaggedLines.appendTrimmed(value, line, 0)) {
                        problem = Limits.fieldTooLong(tag);
                    }
                }
                continue;
            }
            if (tag != null && problem == null) {
                d.apply(tag, value.toString());
            }
            tag = line.substring(0, 2);
            value.setLength(0);
            if (tag.equals("ER")) {
                tag = null;
                break;
            }
            if (tag.equals("TY")) {
                // The ER of this record is missing: the new TY starts the next one.
                tag = null;
                pendingStart = line;
                break;
            }
            if (problem != null) {
                continue;
            }
            if (!TaggedLines.appendTrimmed(value, line, valueStart)) {
                problem = Limits.fieldTooLong(tag);
            } else if (tag.equals("KW")) {
                // Each keyword is applied as it comes, so a list continued on untagged lines keeps its order.
                d.keyword(value.toString());
                value.setLength(0);
            }
        }
        if (tag != null && problem == null) {
            d.apply(tag, value.toString());
        }
        RecordDraft draft = d.finish();
        draft.problem = problem;
        return draft.toEvent(recordNumber);
    }

    private String readLine() throws IOException {
        String line = lines.readLine();
        if (line != null) {
            lineNumber++;
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        }
        return line;
    }

    /**
     * Where the value of a tag line starts ({@code TY  - JOUR}, {@code TY - JOUR}, {@code ER  -}), or -1 when
     * the line is not a tag line: two characters (a capital, then a capital or digit), one to three spaces, a
     * dash, then a space or the end of the line.
     */
    static int tagEnd(String line) {
        int n = line.length();
        if (n < 4 || !isUpper(line.charAt(0)) || !(isUpper(line.charAt(1)) || isDigit(line.charAt(1)))) {
            return -1;
        }
        int j = 2;
        while (j < n && j < 5 && line.charAt(j) == ' ') {
            j++;
        }
        if (j == 2 || j >= n || line.charAt(j) != '-') {
            return -1;
        }
        j++;
        if (j < n && line.charAt(j) != ' ' && line.charAt(j) != '\t') {
            return -1;
        }
        return Math.min(j + 1, n);
    }

    private static boolean isTag(String line, String tag) {
        return line.startsWith(tag) && tagEnd(line) > 0;
    }

    private static String value(String tagLine) {
        return tagLine.substring(tagEnd(tagLine)).trim();
    }


    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** One record's fields as the tags arrive; which tag wins is decided in {@link #finish()}. */
    private static final class Draft {
        final RecordDraft d = new RecordDraft();
        String type;
        String title;
        String fallbackTitle;
        final StringBuilder abstractAb = new StringBuilder();
        final StringBuilder abstractN2 = new StringBuilder();
        String jf;
        String t2;
        String jo;
        String ja;
        String j2;
        String sp;
        String ep;
        String py;
        String y1;
        String da;
        String y2;
        final List<String> accessionNumbers = new ArrayList<>(1);
        String id;
        String pmidFromLink;
        String labelledPmid;
        String doiFromLink;
        String m3;
        boolean embase;

        Draft() {
            d.pmidOptional = true;
        }

        /** Tags whose value is used: the rest (N1 notes, reference lists, addresses) are not even buffered. */
        static boolean keeps(String tag) {
            return switch (tag) {
                case "TI", "T1", "CT", "BT", "ST", "AB", "N2", "AU", "A1", "PY", "Y1", "DA", "Y2", "JF", "T2", "JO",
                        "JA", "J2", "J1", "VL", "IS", "SP", "EP", "DO", "SN", "KW", "LA", "AN", "ID", "UR", "L1", "L2",
                        "LK", "C1", "M1", "U1", "U2", "U3", "U4", "U5", "M3", "DB", "DP" -> true;
                default -> false;
            };
        }

        void type(String ty) {
            type = ty.isEmpty() ? null : ty;
        }

        void keyword(String k) {
            if (!k.isEmpty() && !d.keywords.contains(k)) {
                d.keywords.add(k);
            }
        }

        void apply(String tag, String v) {
            if (v.isEmpty() || !keeps(tag)) {
                return;
            }
            switch (tag) {
                case "TI", "T1", "CT" -> {
                    if (title == null) {
                        title = v;
                    }
                }
                case "BT", "ST" -> {
                    if (fallbackTitle == null) {
                        fallbackTitle = v;
                    }
                }
                case "AB" -> append(abstractAb, v);
                case "N2" -> append(abstractN2, v);
                case "AU", "A1" -> {
                    Citation.Author a = CitationFields.author(v);
                    if (a != null) {
                        d.authors.add(a);
                    }
                }
                case "PY" -> py = first(py, v);
                case "Y1" -> y1 = first(y1, v);
                case "DA" -> da = first(da, v);
                case "Y2" -> y2 = first(y2, v);
                case "JF" -> jf = first(jf, v);
                case "T2" -> t2 = first(t2, v);
                case "JO" -> jo = first(jo, v);
                case "JA" -> ja = first(ja, v);
                case "J2", "J1" -> j2 = first(j2, v);
                case "VL" -> d.volume = first(d.volume, v);
                case "IS" -> d.issue = first(d.issue, v);
                case "SP" -> sp = first(sp, v);
                case "EP" -> ep = first(ep, v);
                case "DO" -> {
                    if (d.doi == null) {
                        d.doi = RecordDraft.cleanDoi(v);
                    }
                }
                case "SN" -> {
                    if (d.issn == null) {
                        d.issn = CitationFields.issn(v);
                    }
                }
                case "KW" -> keyword(v);
                case "LA" -> {
                    for (String lang : CitationFields.languages(v)) {
                        if (!d.languages.contains(lang)) {
                            d.languages.add(lang);
                        }
                    }
                }
                case "AN" -> {
                    accessionNumbers.add(v);
                    pmc(v);
                }
                case "ID" -> id = first(id, v);
                case "UR", "L1", "L2", "LK" -> link(v);
                case "C1", "M1", "U1", "U2", "U3", "U4", "U5" -> labelled(v);
                case "M3" -> {
                    labelled(v);
                    if (m3 == null) {
                        m3 = v;
                    }
                }
                case "DB", "DP" -> embase |= v.toLowerCase(Locale.ROOT).contains("embase");
                default -> {
                }
            }
        }

        private void link(String v) {
            if (pmidFromLink == null) {
                pmidFromLink = CitationFields.pmidFromUrl(v);
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (doiFromLink == null && (lower.contains("://doi.org/") || lower.contains("://dx.doi.org/"))) {
                doiFromLink = RecordDraft.cleanDoi(v);
            }
        }

        /** {@code 23690738[pmid]}, {@code PMC3654245[pmcid]}, {@code doi: 10.1063/1.1954747}. */
        private void labelled(String v) {
            if (labelledPmid == null) {
                labelledPmid = CitationFields.labelledPmid(v);
            }
            pmc(v);
            if (doiFromLink == null && v.toLowerCase(Locale.ROOT).startsWith("doi:")) {
                doiFromLink = RecordDraft.cleanDoi(v);
            }
        }

        /** {@code PMC3654245} or {@code PMC4756000[pmcid]}: a PubMed Central id. */
        private void pmc(String v) {
            if (v.length() > 3 && v.regionMatches(true, 0, "pmc", 0, 3) && Character.isDigit(v.charAt(3))) {
                int end = 3;
                while (end < v.length() && Character.isDigit(v.charAt(end))) {
                    end++;
                }
                d.addIdentifier("pmc", "PMC" + v.substring(3, end));
            }
        }

        RecordDraft finish() {
            // Exports pad titles and abstracts with runs of spaces where lines were joined.
            d.title = collapse(title != null ? title : fallbackTitle);
            String abs = collapse(abstractAb.length() > 0 ? abstractAb.toString() : abstractN2.toString());
            if (!abs.isEmpty()) {
                d.abstractSections.addAll(AbstractLabels.split(abs));
            }
            d.journal = jf != null ? jf : t2 != null ? t2 : jo;
            d.journalAbbrev = ja != null ? ja : j2;
            if (d.doi == null) {
                d.doi = doiFromLink;
            }
            d.pages = pages();
            year();
            publicationType();
            identity();
            return d;
        }

        private String pages() {
            if (sp == null) {
                return null;
            }
            if (sp.equalsIgnoreCase("No") && "Specified".equalsIgnoreCase(ep)) {
                return null; // Ovid's "No Pagination Specified", split over SP and EP.
            }
            if (ep == null || ep.equals(sp) || sp.indexOf('-') >= 0) {
                return sp;
            }
            return sp + "-" + ep;
        }

        /** PY, then Y1, DA, Y2 (often the access date): the first with a plausible year. */
        private void year() {
            for (String date : new String[] {py, y1, da, y2}) {
                Integer y = CitationFields.year(date);
                if (y != null) {
                    d.year = y;
                    // DA often has the full date where PY has the year only.
                    String precise = CitationFields.year(da) != null && CitationFields.year(da).equals(y) ? da : date;
                    d.pubDate = CitationFields.pubDate(precise);
                    return;
                }
            }
        }

        private void publicationType() {
            if (type != null) {
                String mapped = switch (type.toUpperCase(Locale.ROOT)) {
                    case "JOUR", "JFULL", "EJOUR" -> "Journal Article";
                    case "CONF", "CPAPER" -> "Conference Paper";
                    case "BOOK", "EBOOK", "EDBOOK" -> "Book";
                    case "CHAP", "ECHAP" -> "Book Chapter";
                    default -> type;
                };
                d.publicationTypes.add(mapped);
                d.book = mapped.equals("Book") || mapped.equals("Book Chapter");
            }
            // Scopus and Embase name the article type in M3 ("Review", "Article"); others put a DOI or a
            // subject code there, which is no type.
            if (m3 != null && m3.length() <= 40 && m3.matches("[\\p{L} ,-]+") && !d.publicationTypes.contains(m3)) {
                d.publicationTypes.add(m3);
            }
        }

        /** The PMID from AN (PubMed and EndNote exports), a PubMed link, or a labelled note; AN/ID as source id. */
        private void identity() {
            String pmidAn = null;
            String otherAn = null;
            for (String an : accessionNumbers) {
                if (pmidAn == null && !embase && CitationFields.looksLikePmid(an)) {
                    pmidAn = an;
                } else if (otherAn == null) {
                    otherAn = an;
                }
            }
            d.pmid = pmidAn != null ? pmidAn : pmidFromLink != null ? pmidFromLink : labelledPmid;
            d.sourceId = otherAn != null ? otherAn : id;
        }

        private static String collapse(String s) {
            return s == null ? null : s.replaceAll("\\s+", " ").trim();
        }

        private static String first(String current, String v) {
            return current != null ? current : v;
        }

        private static void append(StringBuilder sb, String v) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(v);
        }
    }
}
