package org.cortexlit.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a MEDLINE-text abstract written inline ("BACKGROUND: ... METHODS: ...") into labelled sections, so
 * a record reads the same whether it came as XML or as text. Conservative: the text must start with a label,
 * there must be at least two, and a label is one to six upper-case words ending in ": " at the start of the
 * text or after a sentence end. Anything else stays one unlabelled paragraph.
 */
final class AbstractLabels {

    private static final int MAX_LABEL = 60;

    private AbstractLabels() {
    }

    static List<Citation.AbstractSection> split(String text) {
        List<int[]> labels = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            boolean sentenceStart = i == 0
                    || (i >= 2 && text.charAt(i - 1) == ' ' && isSentenceEnd(text.charAt(i - 2)));
            if (!sentenceStart) {
                continue;
            }
            int colon = labelEnd(text, i);
            if (colon > 0) {
                labels.add(new int[] {i, colon});
                i = colon;
            } else if (i == 0) {
                break;
            }
        }
        if (labels.size() < 2 || labels.get(0)[0] != 0) {
            return List.of(section(null, text));
        }
        List<Citation.AbstractSection> sections = new ArrayList<>(labels.size());
        for (int k = 0; k < labels.size(); k++) {
            int[] label = labels.get(k);
            int end = k + 1 < labels.size() ? labels.get(k + 1)[0] : n;
            sections.add(section(text.substring(label[0], label[1]).trim(), text.substring(label[1] + 1, end).trim()));
        }
        return sections;
    }

    private static Citation.AbstractSection section(String label, String text) {
        return new Citation.AbstractSection(label, null, text, InlineMarkup.escape(text));
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '?' || c == '!';
    }

    /** The index of the colon ending an upper-case label that starts at {@code from}, or -1. */
    private static int labelEnd(String s, int from) {
        int words = 0;
        boolean inWord = false;
        int wordLength = 0;
        int longestWord = 0;
        for (int j = from; j < s.length() && j - from <= MAX_LABEL; j++) {
            char c = s.charAt(j);
            if (c >= 'A' && c <= 'Z') {
                if (!inWord) {
                    words++;
                    inWord = true;
                    wordLength = 0;
                }
                wordLength++;
                longestWord = Math.max(longestWord, wordLength);
            } else if (c == ' ' || c == '&' || c == '/' || c == '-' || c == ',') {
                inWord = false;
            } else if (c == ':') {
                boolean followedBySpace = j + 1 < s.length() && s.charAt(j + 1) == ' ';
                return followedBySpace && words >= 1 && words <= 6 && longestWord >= 3 ? j : -1;
            } else {
                return -1;
            }
        }
        return -1;
    }
}
