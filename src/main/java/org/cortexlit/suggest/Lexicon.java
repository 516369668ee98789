package org.cortexlit.suggest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words the rules know, each with a small integer id, looked up straight from the characters of a field so
 * that reading a record makes no string per word. Unknown words get {@link #UNKNOWN}.
 */
final class Lexicon {

    static final int UNKNOWN = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] words = new String[64];
    private char[][] keys;
    private int[] hashes;
    private int[] values;
    private int mask;

    /** The id of {@code word} (lower case), adding it when new; only while the tables are being built. */
    int id(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Integer id = ids.get(w);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        if (next == words.length) {
            String[] grown = new String[next * 2];
            System.arraycopy(words, 0, grown, 0, next);
            words = grown;
        }
        words[next] = w;
        ids.put(w, next);
        return next;
    }

    String word(int id) {
        return id < 0 ? "?" : words[id];
    }

    /** Builds the open-addressing table that {@link #lookup} reads; call once, after the last {@link #id}. */
    void freeze() {
        int size = Integer.highestOneBit(Math.max(16, ids.size() * 4)) << 1;
        keys = new char[size][];
        hashes = new int[size];
        values = new int[size];
        mask = size - 1;
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            char[] k = e.getKey().toCharArray();
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            hashes[slot] = hash(k, 0, k.length);
            values[slot] = e.getValue();
        }
    }

    /** The id of the word {@code lower[from, to)}, already lower case, or {@link #UNKNOWN}. */
    int lookup(char[] lower, int from, int to) {
        return lookup(lower, from, to, hash(lower, from, to));
    }

    /** As {@link #lookup(char[], int, int)}, with the word's {@link #hash} computed while it was read. */
    int lookup(char[] lower, int from, int to, int hash) {
        int slot = hash & mask;
        int len = to - from;
        while (true) {
            char[] k = keys[slot];
            if (k == null) {
                return UNKNOWN;
            }
            if (hashes[slot] == hash && k.length == len && same(k, lower, from)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean same(char[] k, char[] s, int from) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != s[from + i]) {
                return false;
            }
        }
        return true;
    }

    static int hash(char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s[i];
        }
        return finish(h);
    }

    /** The last step of {@link #hash}, for a caller that summed {@code 31 * h + c} itself. */
    static int finish(int h) {
        return h ^ (h >>> 16);
    }
}
