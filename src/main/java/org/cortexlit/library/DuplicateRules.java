package org.cortexlit.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When two records are one work, in DOMAIN.md's order: (1) the same PMID, (2) the same DOI (case and resolver
 * prefix ignored), (3) the same normalised title, publication years at most one apart and at least one shared
 * author surname. Plain Java, no persistence: the import looks candidates up by {@link #doiKey} and
 * {@link #titleKey} (both indexed columns) and asks {@link #match} about each.
 */
public final class DuplicateRules {

    /** Which rule made two records one work. */
    public enum Rule {
        PMID("same PMID"), DOI("same DOI"), TITLE("same title, year within 1, shared author");

        public final String label;

        Rule(String label) {
            this.label = label;
        }
    }

    /**
     * What the rules look at in a record.
     *
     * @param pmid     digits, or null
     * @param doiKey   {@link #doiKey} of the DOI, or null
     * @param title    {@link #normaliseTitle} of the title, or null when nothing is left of it
     * @param year     publication year, or null
     * @param surnames {@link #surname}s of the persons among the authors (groups left out)
     */
    public record Keys(String pmid, String doiKey, String title, Integer year, Set<String> surnames) {

        public Keys {
            surnames = Set.copyOf(surnames);
        }

        /** Keys of a record from its raw fields; {@code lastNames} may hold nulls and blanks. */
        public static Keys of(String pmid, String doi, String title, Integer year, Collection<String> lastNames) {
            Set<String> names = new LinkedHashSet<>();
            for (String n : lastNames) {
                String s = surname(n);
                if (s != null) {
                    names.add(s);
                }
            }
            return new Keys(pmid == null || pmid.isBlank() ? null : pmid.trim(), DuplicateRules.doiKey(doi), normaliseTitle(title),
                    year, names);
        }

        /** The indexed lookup key of the title: {@link #titleKey} of the normalised title. */
        public String titleKey() {
            return title == null ? null : hash(title);
        }
    }

    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private DuplicateRules() {
    }

    /** Which rule makes {@code a} and {@code b} one work, or empty when none does. */
    public static Optional<Rule> match(Keys a, Keys b) {
        if (a.pmid() != null && b.pmid() != null) {
            // PubMed is deduplicated itself: two PMIDs are two citations (an erratum may share the DOI and title)
            return a.pmid().equals(b.pmid()) ? Optional.of(Rule.PMID) : Optional.empty();
        }
        if (a.doiKey() != null && a.doiKey().equals(b.doiKey())) {
            return Optional.of(Rule.DOI);
        }
        if (a.title() != null && a.title().equals(b.title())
                && a.year() != null && b.year() != null && Math.abs(a.year() - b.year()) <= 1
                && shareOne(a.surnames(), b.surnames())) {
            return Optional.of(Rule.TITLE);
        }
        return Optional.empty();
    }

    private static boolean shareOne(Set<String> a, Set<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without a resolver prefix ({@code https://doi.org/}, {@code doi:}, ...); null when blank. */
    public static String doiKey(String doi) {
        if (doi == null) {
            return null;
        }
        String d = doi.trim().toLowerCase(Locale.ROOT);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : new String[]{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                    "http://dx.doi.org/", "doi.org/", "doi:", "doi "}) {
                if (d.startsWith(prefix)) {
                    d = d.substring(prefix.length()).trim();
                    stripped = true;
                }
            }
        }
        return d.isEmpty() ? null : d;
    }

    /**
     * The title as the rules compare it: markup and entities removed, accents folded, lower case, every run of
     * punctuation and spaces one space. Null when no letter or digit is left.
     */
    public static String normaliseTitle(String title) {
        if (title == null) {
            return null;
        }
        String t = ENTITY.matcher(MARKUP.matcher(title).replaceAll(" ")).replaceAll(" ");
        t = fold(t);
        t = NOT_WORD.matcher(t).replaceAll(" ").trim();
        return t.isEmpty() ? null : t;
    }

    /** The indexed lookup key of a title: SHA-256 (hex) of {@link #normaliseTitle}, so any length fits a column. */
    public static String titleKey(String title) {
        String n = normaliseTitle(title);
        return n == null ? null : hash(n);
    }

    /** A surname as the rules compare it: accents folded, lower case, letters and digits only; null when empty. */
    public static String surname(String lastName) {
        if (lastName == null) {
            return null;
        }
        String s = NOT_WORD.matcher(fold(lastName)).replaceAll("");
        return s.isEmpty() ? null : s;
    }

    private static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        return COMBINING.matcher(d).replaceAll("").replace("ß", "ss").replace("ø", "o").replace("Ø", "o")
                .replace("ł", "l").replace("Ł", "l").replace("æ", "ae").replace("Æ", "ae").toLowerCase(Locale.ROOT);
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
