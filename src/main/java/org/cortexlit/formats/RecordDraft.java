package org.cortexlit.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The mutable fields of one record while a reader fills them in; {@link #toEvent} validates and freezes. */
final class RecordDraft {

    String pmid;
    int pmidVersion = 1;
    String doi;
    String title;
    String titleHtml;
    String vernacularTitle;
    final List<Citation.AbstractSection> abstractSections = new ArrayList<>();
    String journal;
    String journalAbbrev;
    String medlineTa;
    String issn;
    Integer year;
    Integer fallbackYear;
    String pubDate;
    String volume;
    String issue;
    String pages;
    final List<String> languages = new ArrayList<>();
    final List<Citation.Author> authors = new ArrayList<>();
    final List<Citation.MeshHeading> mesh = new ArrayList<>();
    final List<String> publicationTypes = new ArrayList<>();
    final List<String> keywords = new ArrayList<>();
    final List<Citation.Identifier> identifiers = new ArrayList<>();
    boolean book;
    String sourceId;
    /** RIS and BibTeX records may lack a PMID: the importer gives them an internal id instead. */
    boolean pmidOptional;
    /** Why the record cannot be used although it was read to its end (a bound of {@link Limits} passed), or null. */
    String problem;

    /** A usable record, or the reason it is not. */
    ReadEvent toEvent(int recordNumber) {
        if (pmid != null && pmid.isEmpty()) {
            pmid = null;
        }
        if (problem != null) {
            return new ReadEvent.Invalid(recordNumber, pmid, problem);
        }
        if (pmid == null && !pmidOptional) {
            return new ReadEvent.Invalid(recordNumber, null, "no PMID");
        }
        if (title == null || title.isEmpty()) {
            return new ReadEvent.Invalid(recordNumber, pmid, "no title");
        }
        return new ReadEvent.Parsed(recordNumber, new Citation(pmid, pmidVersion, doi, title,
                titleHtml != null ? titleHtml : InlineMarkup.escape(title), vernacularTitle, abstractSections,
                journal, journalAbbrev != null ? journalAbbrev : medlineTa, issn,
                year != null ? year : fallbackYear, pubDate, volume, issue, pages, languages, authors, mesh,
                publicationTypes, keywords, identifiers, book, sourceId));
    }

    void addIdentifier(String type, String value) {
        Citation.Identifier id = new Citation.Identifier(type, value);
        if (!identifiers.contains(id)) {
            identifiers.add(id);
        }
    }

    /** The first four-digit run that looks like a year (1000-2999), e.g. 2006 in "2006 May-Jun", else null. */
    static Integer firstYear(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (isDigit(s, i) && isDigit(s, i + 1) && isDigit(s, i + 2) && isDigit(s, i + 3)
                    && (i == 0 || !isDigit(s, i - 1)) && (i + 4 == n || !isDigit(s, i + 4))) {
                char c = s.charAt(i);
                if (c == '1' || c == '2') {
                    return Integer.parseInt(s, i, i + 4, 10);
                }
            }
        }
        return null;
    }

    private static boolean isDigit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    /** Strips a resolver or "doi:" prefix; returns null for anything that is not a 10.x DOI. */
    static String cleanDoi(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi:", "doi "}) {
            if (lower.startsWith(prefix)) {
                s = s.substring(prefix.length()).trim();
                break;
            }
        }
        return s.startsWith("10.") && s.indexOf('/') > 0 ? s : null;
    }
}
