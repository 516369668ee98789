package org.cortexlit.suggest;

import java.util.Arrays;

/**
 * Per-thread working memory of {@link TagSuggester}: the tokens of each field and the cue hits found in them,
 * reused from record to record so that suggesting makes little garbage besides its result.
 */
final class Scratch {

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    static Scratch get() {
        return LOCAL.get();
    }

    /** Title, abstract, then one per keyword, publication type and MeSH descriptor. */
    Tokens[] fields = new Tokens[8];
    int fieldCount;

    // hits, as parallel arrays
    int hits;
    Cues.Cue[] cue = new Cues.Cue[128];
    int[] field = new int[128];
    int[] from = new int[128];
    int[] to = new int[128];

    Tokens nextField() {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fieldCount * 2);
        }
        if (fields[fieldCount] == null) {
            fields[fieldCount] = new Tokens();
        }
        return fields[fieldCount++];
    }

    void reset() {
        fieldCount = 0;
        Arrays.fill(cue, 0, hits, null);
        hits = 0;
    }

    void hit(Cues.Cue c, int f, int fromToken, int toToken) {
        if (hits == cue.length) {
            int size = hits * 2;
            cue = Arrays.copyOf(cue, size);
            field = Arrays.copyOf(field, size);
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
        }
        cue[hits] = c;
        field[hits] = f;
        from[hits] = fromToken;
        to[hits] = toToken;
        hits++;
    }
}
