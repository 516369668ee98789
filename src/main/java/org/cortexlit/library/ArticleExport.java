package org.cortexlit.library;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Writes articles as CSV, RIS or MEDLINE text (the formats reference managers and screening tools read). */
public final class ArticleExport {

    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        RIS("application/x-research-info-systems; charset=utf-8", "ris"),
        MEDLINE("text/plain; charset=utf-8", "nbib");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** {@code csv}, {@code ris}, {@code medline} or {@code nbib}; null when unknown. */
        public static Format parse(String s) {
            if (s == null) {
                return null;
            }
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "ris" -> RIS;
                case "medline", "nbib", "txt" -> MEDLINE;
                default -> null;
            };
        }
    }

    private ArticleExport() {
    }

    public static final String CSV_COLUMNS = "pmid,doi,title,authors,journal,year,volume,issue,pages,publication_types,mesh,abstract";

    public static void header(Format format, Writer w) throws IOException {
        if (format == Format.CSV) {
            w.write(CSV_COLUMNS + "\r\n");
        }
    }

    public static void write(Format format, Article a, Writer w) throws IOException {
        switch (format) {
            case CSV -> csv(a, w);
            case RIS -> ris(a, w);
            case MEDLINE -> medline(a, w);
        }
    }

    private static void csv(Article a, Writer w) throws IOException {
        csvRow(csvCells(a), w);
    }

    /** The CSV columns of an article, as {@link #header} names them. */
    public static List<String> csvCells(Article a) {
        return List.of(nz(a.pmid), nz(a.doi), nz(a.title),
                String.join("; ", a.authors.stream().map(Author::searchName).toList()), nz(a.journal),
                a.year == null ? "" : a.year.toString(), nz(a.volume), nz(a.issue), nz(a.pages),
                String.join("; ", a.publicationTypes),
                String.join("; ", a.mesh.stream().map(m -> m.major ? m.descriptor + "*" : m.descriptor).toList()),
                a.abstractText());
    }

    /** One CSV line (RFC 4180, formulas defused). */
    public static void csvRow(List<String> cells, Writer w) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(csvCell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static String csvCell(String v) {
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static void ris(Article a, Writer w) throws IOException {
        ris(a, w, List.of(), List.of());
    }

    /** An article as RIS with extra {@code N1} notes and {@code KW} keywords (a review's decisions and tags). */
    public static void ris(Article a, Writer w, List<String> notes, List<String> keywords) throws IOException {
        tag(w, "TY  - ", a.book ? "BOOK" : "JOUR");
        tag(w, "TI  - ", a.title);
        for (Author au : a.authors) {
            tag(w, "AU  - ", au.collectiveName != null && !au.collectiveName.isBlank() ? au.collectiveName
                    : au.foreName == null || au.foreName.isBlank() ? au.lastName : au.lastName + ", " + au.foreName);
        }
        tag(w, "PY  - ", a.year == null ? null : a.year.toString());
        tag(w, "T2  - ", a.journal);
        tag(w, "J2  - ", a.journalAbbrev);
        tag(w, "VL  - ", a.volume);
        tag(w, "IS  - ", a.issue);
        if (a.pages != null && !a.pages.isBlank()) {
            String[] range = a.pages.split("-", 2);
            tag(w, "SP  - ", range[0].trim());
            if (range.length == 2) {
                tag(w, "EP  - ", range[1].trim());
            }
        }
        tag(w, "SN  - ", a.issn);
        tag(w, "DO  - ", a.doi);
        tag(w, "AN  - ", a.pmid != null ? a.pmid : a.sourceId); // a record without PMID keeps its own id
        tag(w, "AB  - ", flat(a.abstractText()));
        for (String k : a.keywords) {
            tag(w, "KW  - ", k);
        }
        for (MeshHeading m : a.mesh) {
            tag(w, "KW  - ", m.descriptor);
        }
        for (String lang : a.languageList()) {
            tag(w, "LA  - ", lang);
        }
        for (String k : keywords) {
            tag(w, "KW  - ", k);
        }
        for (String n : notes) {
            tag(w, "N1  - ", n);
        }
        if (a.pmid != null) {
            tag(w, "UR  - ", "https://pubmed.ncbi.nlm.nih.gov/" + a.pmid + "/");
        }
        w.write("ER  - \r\n\r\n");
    }

    private static void medline(Article a, Writer w) throws IOException {
        medlineTag(w, "PMID", a.pmid);
        medlineTag(w, "TI", a.title);
        if (!a.abstractSections.isEmpty()) {
            medlineTag(w, "AB", flat(a.abstractText()));
        }
        for (Author au : a.authors) {
            if (au.collectiveName != null && !au.collectiveName.isBlank()) {
                medlineTag(w, "CN", au.collectiveName);
                continue;
            }
            if (au.foreName != null && !au.foreName.isBlank()) {
                medlineTag(w, "FAU", au.lastName + ", " + au.foreName);
            }
            medlineTag(w, "AU", au.searchName());
            for (String ad : au.affiliationList()) {
                medlineTag(w, "AD", ad);
            }
        }
        for (String lang : a.languageList()) {
            medlineTag(w, "LA", lang);
        }
        for (String pt : a.publicationTypes) {
            medlineTag(w, "PT", pt);
        }
        medlineTag(w, "DP", a.pubDate != null ? a.pubDate : a.year == null ? null : a.year.toString());
        medlineTag(w, "TA", a.journalAbbrev);
        medlineTag(w, "JT", a.journal);
        medlineTag(w, "IS", a.issn);
        medlineTag(w, "VI", a.volume);
        medlineTag(w, "IP", a.issue);
        medlineTag(w, "PG", a.pages);
        if (a.doi != null && !a.doi.isBlank()) {
            medlineTag(w, "LID", a.doi + " [doi]");
        }
        for (MeshHeading m : a.mesh) {
            StringBuilder sb = new StringBuilder(m.major && m.qualifierList().isEmpty() ? "*" + m.descriptor : m.descriptor);
            for (String q : m.qualifierList()) {
                sb.append('/').append(q);
            }
            medlineTag(w, "MH", sb.toString());
        }
        for (String k : a.keywords) {
            medlineTag(w, "OT", k);
        }
        w.write("\r\n");
    }

    private static void tag(Writer w, String tag, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            w.write(tag);
            w.write(flat(value));
            w.write("\r\n");
        }
    }

    /** MEDLINE's layout: a 4-character tag padded, "- ", lines wrapped at 80 with 6-space continuations. */
    private static void medlineTag(Writer w, String tag, String value) throws IOException {
        if (value == null || value.isBlank()) {
            return;
        }
        String text = flat(value);
        String prefix = String.format(Locale.ROOT, "%-4s- ", tag);
        int width = 80 - prefix.length();
        boolean first = true;
        while (!text.isEmpty()) {
            int cut = text.length() <= width ? text.length() : text.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = Math.min(width, text.length());
            }
            w.write(first ? prefix : "      ");
            w.write(text, 0, cut);
            w.write("\r\n");
            text = text.substring(cut).stripLeading();
            first = false;
        }
    }

    private static String flat(String s) {
        return s == null ? "" : s.replace("\r", " ").replace("\n\n", " ").replace('\n', ' ').trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
