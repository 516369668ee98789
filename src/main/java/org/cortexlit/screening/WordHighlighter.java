package org.cortexlit.screening;

import org.cortexlit.text.Html;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Marks a review's include words (green) and exclude words (red) in a title or abstract, tolerant of case,
 * accents, British/American -ise/-ize and word endings ("randomised" matches "randomized", "stimulation"
 * matches "stimulate"). An entry may be several words ("double blind", "open-label": hyphens and spaces are
 * alike) or end with {@code *} to match any word starting so. The output is safe HTML: the text escaped,
 * matches wrapped in {@code <mark class="hl-include">} or {@code <mark class="hl-exclude">}.
 */
public final class WordHighlighter {

    public enum Kind {
        INCLUDE("hl-include"), EXCLUDE("hl-exclude");

        final String cssClass;

        Kind(String cssClass) {
            this.cssClass = cssClass;
        }
    }

    private record Pattern(List<String> parts, boolean prefix, Kind kind) {
    }

    private record Word(int start, int end, String folded, String stem) {
    }

    private final List<Pattern> patterns = new ArrayList<>();

    public WordHighlighter(Collection<String> includeWords, Collection<String> excludeWords) {
        add(includeWords, Kind.INCLUDE);
        add(excludeWords, Kind.EXCLUDE);
        // longer phrases first, so "double blind" wins over "blind"
        patterns.sort((a, b) -> Integer.compare(b.parts.size(), a.parts.size()));
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    private void add(Collection<String> entries, Kind kind) {
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String e = entry.trim();
            boolean prefix = e.endsWith("*");
            if (prefix) {
                e = e.substring(0, e.length() - 1);
            }
            List<Word> words = words(e);
            if (words.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                boolean last = i == words.size() - 1;
                parts.add(prefix && last ? words.get(i).folded : words.get(i).stem);
            }
            patterns.add(new Pattern(parts, prefix, kind));
        }
    }

    /** The text as safe HTML with the matches marked. */
    public String highlight(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<Word> words = words(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        int i = 0;
        while (i < words.size()) {
            Pattern hit = null;
            for (Pattern p : patterns) {
                if (matches(p, words, i)) {
                    hit = p;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            Word first = words.get(i);
            Word last = words.get(i + hit.parts.size() - 1);
            escape(text, copied, first.start, out);
            out.append("<mark class=\"").append(hit.kind.cssClass).append("\">");
            escape(text, first.start, last.end, out);
            out.append("</mark>");
            copied = last.end;
            i += hit.parts.size();
        }
        escape(text, copied, text.length(), out);
        return out.toString();
    }

    private static boolean matches(Pattern p, List<Word> words, int at) {
        if (at + p.parts.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < p.parts.size(); k++) {
            Word w = words.get(at + k);
            boolean last = k == p.parts.size() - 1;
            boolean ok = p.prefix && last ? w.folded.startsWith(p.parts.get(k)) : w.stem.equals(p.parts.get(k));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Runs of letters and digits with their offsets in the original text. */
    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        EnglishStemmer stemmer = new EnglishStemmer();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String folded = fold(text.substring(start, i));
            out.add(new Word(start, i, folded, stem(stemmer, folded)));
        }
        return out;
    }

    static String fold(String word) {
        String s = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return s.toLowerCase(Locale.ROOT);
    }

    /** British -is- forms become -iz- before stemming, so randomised and randomized share a stem. */
    static String stem(EnglishStemmer stemmer, String folded) {
        String w = folded.replaceFirst("(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$", "iz$1")
                .replaceFirst("(?<=[a-z]{2})our$", "or");
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        Html.escape(text, from, to, out);
    }
}
