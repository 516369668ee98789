package org.cortexlit.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field rules shared by the reference-manager formats (RIS, BibTeX), whose values are free text written by
 * many different exporters: years, ISSNs, languages, person names and PMIDs hidden in links.
 */
final class CitationFields {

    private static final Pattern ISSN = Pattern.compile("(?<![0-9-])([0-9]{4})-?([0-9]{3}[0-9Xx])(?![0-9Xx-])");
    private static final Pattern PUBMED_URL = Pattern.compile(
            "(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/)([0-9]{1,9})(?![0-9])");
    /** {@code 23690738[pmid]} (NCBI's own RIS), {@code PMID: 23690738}, {@code PMID 23690738}. */
    private static final Pattern LABELLED_PMID = Pattern.compile(
            "^\\s*(?:([0-9]{1,9})\\s*\\[pmid\\]|pmid\\s*[:=]?\\s*([0-9]{1,9}))\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.?-?){1,4}");
    private static final Pattern GROUP = Pattern.compile("(?i).*\\b(?:group|consortium|collaborat\\w*|committee|"
            + "society|investigators|network|team|association|working party|task force|study)\\b.*");

    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("english", "eng"), Map.entry("en", "eng"), Map.entry("french", "fre"), Map.entry("fr", "fre"),
            Map.entry("german", "ger"), Map.entry("de", "ger"), Map.entry("spanish", "spa"), Map.entry("es", "spa"),
            Map.entry("italian", "ita"), Map.entry("it", "ita"), Map.entry("dutch", "dut"), Map.entry("nl", "dut"),
            Map.entry("portuguese", "por"), Map.entry("pt", "por"), Map.entry("chinese", "chi"),
            Map.entry("zh", "chi"), Map.entry("japanese", "jpn"), Map.entry("ja", "jpn"),
            Map.entry("russian", "rus"), Map.entry("ru", "rus"), Map.entry("polish", "pol"), Map.entry("pl", "pol"),
            Map.entry("korean", "kor"), Map.entry("ko", "kor"), Map.entry("turkish", "tur"),
            Map.entry("swedish", "swe"), Map.entry("danish", "dan"), Map.entry("norwegian", "nor"),
            Map.entry("czech", "cze"), Map.entry("hungarian", "hun"), Map.entry("persian", "per"),
            Map.entry("arabic", "ara"), Map.entry("hebrew", "heb"), Map.entry("greek", "gre"));

    private CitationFields() {
    }

    /** The first four-digit run from 1800 to 2100 ("2019///", "2019/06//undefined", "Spring 2004"), else null. */
    static Integer year(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (digit(s, i) && digit(s, i + 1) && digit(s, i + 2) && digit(s, i + 3)
                    && (i == 0 || !digit(s, i - 1)) && (i + 4 == n || !digit(s, i + 4))) {
                int y = Integer.parseInt(s, i, i + 4, 10);
                if (y >= 1800 && y <= 2100) {
                    return y;
                }
            }
        }
        return null;
    }

    /** A RIS date without its empty parts: "2019///" is "2019", "2019/06//undefined" is "2019/06". */
    static String pubDate(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        for (String junk : new String[] {"undefined", "nan"}) {
            if (s.toLowerCase(Locale.ROOT).endsWith(junk)) {
                s = s.substring(0, s.length() - junk.length());
            }
        }
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '/' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        s = s.substring(0, end);
        return s.isEmpty() ? null : s;
    }

    /** The first ISSN in the value, hyphenated ("03064530 (ISSN)" is "0306-4530"); null for ISBNs and junk. */
    static String issn(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = ISSN.matcher(raw);
        return m.find() ? m.group(1) + "-" + m.group(2).toUpperCase(Locale.ROOT) : null;
    }

    /** A PubMed link's PMID ({@code https://pubmed.ncbi.nlm.nih.gov/22752652/}), else null. */
    static String pmidFromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = PUBMED_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    /** A value that says it is a PMID ({@code 23690738[pmid]}, {@code PMID: 23690738}), else null. */
    static String labelledPmid(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = LABELLED_PMID.matcher(v);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** Digits only and short enough to be a PMID: Embase and Web of Science accession numbers are longer. */
    static boolean looksLikePmid(String v) {
        if (v == null || v.isEmpty() || v.length() > 8) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (!digit(v, i)) {
                return false;
            }
        }
        return v.charAt(0) != '0';
    }

    /** Three-letter codes as PubMed writes them: "English" and "en" are "eng"; anything unknown as given. */
    static List<String> languages(String raw) {
        List<String> out = new ArrayList<>(1);
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("[;,]")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                String code = LANGUAGES.get(p.toLowerCase(Locale.ROOT));
                String lang = code != null ? code : p;
                if (!out.contains(lang)) {
                    out.add(lang);
                }
            }
        }
        return out;
    }

    /**
     * A person or group from one name as reference managers write it: "Last, First M." (also "Last,F."),
     * "Last FM" / "Liu R." (Embase, MEDLINE style), "First Last", a single word, or a group name
     * ("COVIDSurg Collaborative"). Null for a blank name.
     */
    static Citation.Author author(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.trim().replaceAll("\\s+", " ");
        while (name.endsWith(",") || name.endsWith(";")) {
            name = name.substring(0, name.length() - 1).trim();
        }
        if (name.isEmpty()) {
            return null;
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            String last = name.substring(0, comma).trim();
            String fore = name.substring(comma + 1).trim();
            // "Smith, Jr., John": keep the suffix with the surname.
            int second = fore.indexOf(',');
            if (second >= 0) {
                String suffix = fore.substring(0, second).trim();
                if (suffix.matches("(?i)jr\\.?|sr\\.?|i{1,3}|iv")) {
                    last = last + " " + suffix;
                    fore = fore.substring(second + 1).trim();
                }
            }
            if (fore.isEmpty()) {
                return person(last, null);
            }
            return person(last, fore);
        }
        if (isGroup(name)) {
            return new Citation.Author(null, null, null, name, List.of());
        }
        int space = name.lastIndexOf(' ');
        if (space < 0) {
            return person(name, null);
        }
        String tail = name.substring(space + 1);
        if (INITIALS.matcher(tail).matches()) {
            // "Adler D.G.", "Smith JA": the surname comes first and the initials are all there is.
            String last = name.substring(0, space).trim();
            return new Citation.Author(last, null, letters(tail), null, List.of());
        }
        return person(tail, name.substring(0, space).trim());
    }

    private static Citation.Author person(String last, String fore) {
        if (fore == null) {
            return new Citation.Author(last, null, null, null, List.of());
        }
        // "Luke, TJ" (Web of Science): the fore name is the initials.
        String initials = fore.length() <= 4 && fore.chars().allMatch(Character::isUpperCase) ? fore : initials(fore);
        return new Citation.Author(last, fore, initials, null, List.of());
    }

    private static boolean isGroup(String name) {
        return name.indexOf(' ') > 0 && GROUP.matcher(name).matches();
    }

    /** "Warren" is "W", "Malgorzata A." is "MA", "J. J." is "JJ", "Jean-Pierre" is "JP". */
    static String initials(String fore) {
        StringBuilder sb = new StringBuilder(4);
        boolean start = true;
        for (int i = 0; i < fore.length(); i++) {
            char c = fore.charAt(i);
            if (Character.isLetter(c)) {
                if (start) {
                    sb.append(Character.toUpperCase(c));
                }
                start = false;
            } else {
                start = c == ' ' || c == '.' || c == '-';
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String letters(String initials) {
        StringBuilder sb = new StringBuilder(initials.length());
        for (int i = 0; i < initials.length(); i++) {
            if (Character.isLetter(initials.charAt(i))) {
                sb.append(initials.charAt(i));
            }
        }
        return sb.toString();
    }

    private static boolean digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }
}
