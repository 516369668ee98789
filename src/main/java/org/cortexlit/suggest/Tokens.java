package org.cortexlit.suggest;
import java.util.Arrays;

/**
 * One field cut into words, numbers and percent signs, with their character offsets and sentence numbers. The
 * arrays are reused from record to record (see {@link Scratch}), so only {@link #n} entries are meaningful.
 *
 * <p>A word is a run of letters or digits; a run of digits followed by letters is two tokens ("20Hz" is "20" and
 * "hz", "17days" is "17" and "days") while letters followed by digits stay one ("M1", "H1"). Digits around one dot
 * make a decimal number. Sentences end at ".", "?" or "!" followed by a space, and at a line break.
 */
final class Tokens {

    static final int PERCENT = -2;
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    String field;
    Integer index;
    String text;
    int n;
    int[] start = new int[256];
    int[] end = new int[256];
    int[] id = new int[256];
    int[] sentence = new int[256];
    double[] number = new double[256];
    char[] lower = new char[2048];

    void read(Lexicon lexicon, String field, Integer index, String text) {
        this.field = field;
        this.index = index;
        this.text = text;
        n = 0;
        int len = text.length();
        if (lower.length < len) {
            lower = new char[Math.max(len, lower.length * 2)];
        }
        text.getChars(0, len, lower, 0);
        for (int i = 0; i < len; i++) {
            char c = lower[i];
            if (c >= 'A' && c <= 'Z') {
                lower[i] = (char) (c + 32);
            } else if (c >= 128) {
                lower[i] = Character.toLowerCase(c);
            }
        }
        int s = 0;
        int i = 0;
        while (i < len) {
            char c = lower[i];
            if (c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
                int from = i;
                if (isDigit(c)) {
                    while (i < len && isDigit(lower[i])) {
                        i++;
                    }
                    if (i + 1 < len && (lower[i] == '.' || lower[i] == ',') && isDigit(lower[i + 1])
                            && (lower[i] == '.' || thousands(from, i, len))) {
                        i++;
                        while (i < len && isDigit(lower[i])) {
                            i++;
                        }
                    }
                    add(Lexicon.UNKNOWN, from, i, s, parse(from, i));
                } else {
                    int h = 0;
                    while (i < len && (lower[i] < 128 ? ASCII_WORD[lower[i]] : Character.isLetterOrDigit(lower[i]))) {
                        h = 31 * h + lower[i];
                        i++;
                    }
                    add(lexicon.lookup(lower, from, i, Lexicon.finish(h)), from, i, s, Double.NaN);
                }
                continue;
            }
            if (c == '%') {
                add(PERCENT, i, i + 1, s, Double.NaN);
            } else if ((c == '.' || c == '?' || c == '!') && (i + 1 == len || Character.isWhitespace(lower[i + 1]))) {
                s++;
            } else if (c == '\n') {
                s++;
            }
            i++;
        }
    }

    /** "1,200 pulses" has a thousands separator: exactly three digits follow the comma. */
    private boolean thousands(int from, int comma, int len) {
        int j = comma + 1;
        int digits = 0;
        while (j < len && isDigit(lower[j])) {
            j++;
            digits++;
        }
        return digits != 3;
    }

    private double parse(int from, int to) {
        double v = 0;
        double scale = 0;
        for (int i = from; i < to; i++) {
            char c = lower[i];
            if (c == '.') {
                scale = 1;
            } else if (c == ',') {
                continue;
            } else {
                v = v * 10 + (c - '0');
                if (scale > 0) {
                    scale *= 10;
                }
            }
        }
        return scale > 0 ? v / scale : v;
    }

    private void add(int tokenId, int from, int to, int sent, double num) {
        if (n == start.length) {
            int size = n * 2;
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            id = Arrays.copyOf(id, size);
            sentence = Arrays.copyOf(sentence, size);
            number = Arrays.copyOf(number, size);
        }
        start[n] = from;
        end[n] = to;
        id[n] = tokenId;
        sentence[n] = sent;
        number[n] = num;
        n++;
    }

    boolean isNumber(int t) {
        return t >= 0 && t < n && !Double.isNaN(number[t]);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    Evidence evidence(int fromToken, int toToken) {
        int from = start[fromToken];
        int to = end[toToken];
        return new Evidence(field, index, from, to, text.substring(from, to));
    }
}
