package org.cortexlit.prioritise;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A review's records as TF-IDF vectors, built once and shared by every training: a sparse matrix (one row per record,
 * one column per term) with smooth idf ({@code ln((1 + n) / (1 + df)) + 1}, over the review's own records, labelled or
 * not) and rows of unit length. Immutable and safe to share between threads.
 */
public final class Corpus {

    private final long[] ids;
    private final Map<Long, Integer> rowOfId;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final String[] terms;
    private final String[] display;
    private final TextFeatures features;
    private volatile Feature[][] solverRows;

    private Corpus(long[] ids, Map<Long, Integer> rowOfId, int[] rowStart, int[] columns, double[] values, String[] terms,
                   String[] display, TextFeatures features) {
        this.ids = ids;
        this.rowOfId = rowOfId;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.terms = terms;
        this.display = display;
        this.features = features;
    }

    /**
     * Vectorises {@code records}; ids must be unique. Built from arrays of term ids rather than maps per record, so a
     * review of 10,000 records needs tens of megabytes while it is built, not hundreds: word pairs are counted by sorting
     * their keys (two word ids in a long) instead of keeping every pair seen once in a map.
     */
    public static Corpus build(List<RecordText> records, TextFeatures features) {
        int n = records.size();
        long[] ids = new long[n];
        Map<Long, Integer> rowOfId = new HashMap<>(n * 2);
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> termList = new ArrayList<>();
        Map<String, Integer> surfaceIds = new HashMap<>();
        List<String> surfaceList = new ArrayList<>();
        int[][] tokens = new int[n][];
        int[][] surfaces = new int[n][];
        for (int r = 0; r < n; r++) {
            RecordText record = records.get(r);
            ids[r] = record.id();
            if (rowOfId.put(record.id(), r) != null) {
                throw new IllegalArgumentException("Record id " + record.id() + " appears twice in the corpus.");
            }
            List<Tokenizer.Token> words = features.tokenizer().tokens(text(features, record));
            tokens[r] = new int[words.size()];
            surfaces[r] = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                tokens[r][i] = vocabulary.computeIfAbsent(words.get(i).term(), t -> {
                    termList.add(t);
                    return termList.size() - 1;
                });
                surfaces[r][i] = surfaceIds.computeIfAbsent(words.get(i).surface(), t -> {
                    surfaceList.add(t);
                    return surfaceList.size() - 1;
                });
            }
        }
        int words = termList.size();
        // word pairs: every record's distinct pair keys, all sorted together; a run as long as minPairDf keeps the pair
        long[] pairs = new long[0];
        int[] pairDf = new int[0];
        if (features.wordPairs()) {
            LongList all = new LongList();
            for (int[] t : tokens) {
                long[] keys = new long[Math.max(0, t.length - 1)];
                for (int i = 1; i < t.length; i++) {
                    keys[i - 1] = pairKey(t[i - 1], t[i]);
                }
                Arrays.sort(keys);
                for (int i = 0; i < keys.length; i++) {
                    if (i == 0 || keys[i] != keys[i - 1]) {
                        all.add(keys[i]);
                    }
                }
            }
            long[] sorted = all.toSortedArray();
            LongList kept = new LongList();
            List<Integer> keptDf = new ArrayList<>();
            for (int i = 0; i < sorted.length; ) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                if (j - i >= features.minPairDf()) {
                    kept.add(sorted[i]);
                    keptDf.add(j - i);
                }
                i = j;
            }
            pairs = kept.toSortedArray();
            pairDf = keptDf.stream().mapToInt(Integer::intValue).toArray();
        }
        // features: word t is feature t, kept pair p is feature words + p
        int[][] rowFeatures = new int[n][];
        int[][] rowCounts = new int[n][];
        int[] df = new int[words + pairs.length];
        for (int r = 0; r < n; r++) {
            int[] t = tokens[r];
            int[] f = new int[t.length * 2];
            int m = 0;
            for (int i = 0; i < t.length; i++) {
                f[m++] = t[i];
                if (pairs.length > 0 && i > 0) {
                    int p = Arrays.binarySearch(pairs, pairKey(t[i - 1], t[i]));
                    if (p >= 0) {
                        f[m++] = words + p;
                    }
                }
            }
            Arrays.sort(f, 0, m);
            int distinct = 0;
            for (int i = 0; i < m; i++) {
                if (i == 0 || f[i] != f[i - 1]) {
                    distinct++;
                }
            }
            rowFeatures[r] = new int[distinct];
            rowCounts[r] = new int[distinct];
            int k = -1;
            for (int i = 0; i < m; i++) {
                if (i == 0 || f[i] != f[i - 1]) {
                    rowFeatures[r][++k] = f[i];
                    df[f[i]]++;
                }
                rowCounts[r][k]++;
            }
        }
        // Columns in term order, as scikit-learn numbers its vocabulary.
        Map<String, Integer> columnsByTerm = new TreeMap<>();
        for (int t = 0; t < words; t++) {
            columnsByTerm.put(termList.get(t), t);
        }
        for (int p = 0; p < pairs.length; p++) {
            columnsByTerm.put(termList.get(first(pairs[p])) + " " + termList.get(second(pairs[p])), words + p);
        }
        String[] terms = columnsByTerm.keySet().toArray(String[]::new);
        int[] columnOf = new int[df.length];
        int[] featureOfColumn = new int[terms.length];
        double[] idf = new double[terms.length];
        int c = 0;
        for (int feature : columnsByTerm.values()) {
            columnOf[feature] = c;
            featureOfColumn[c] = feature;
            idf[c] = Math.log((1.0 + n) / (1.0 + df[feature])) + 1.0;
            c++;
        }
        String[] display = display(tokens, surfaces, surfaceList, words, pairs, columnOf, featureOfColumn, termList);
        for (int col = 0; col < terms.length; col++) {
            if (display[col].equals(terms[col])) {
                display[col] = terms[col]; // one string where a feature is spelt as it is stemmed: most of them
            }
        }
        int nnz = 0;
        for (int[] f : rowFeatures) {
            nnz += f.length;
        }
        int[] rowStart = new int[n + 1];
        int[] columns = new int[nnz];
        double[] values = new double[nnz];
        int at = 0;
        for (int r = 0; r < n; r++) {
            rowStart[r] = at;
            int start = at;
            long[] packed = new long[rowFeatures[r].length]; // column and count, to sort by column
            for (int i = 0; i < packed.length; i++) {
                packed[i] = ((long) columnOf[rowFeatures[r][i]] << 32) | rowCounts[r][i];
            }
            Arrays.sort(packed);
            double norm = 0;
            for (long x : packed) {
                int col = (int) (x >>> 32);
                int count = (int) x;
                double tf = features.sublinearTf() ? 1.0 + Math.log(count) : count;
                columns[at] = col;
                values[at] = tf * idf[col];
                norm += values[at] * values[at];
                at++;
            }
            norm = Math.sqrt(norm);
            for (int i = start; i < at && norm > 0; i++) {
                values[i] /= norm;
            }
        }
        rowStart[n] = at;
        return new Corpus(ids, rowOfId, rowStart, columns, values, terms, display, features);
    }

    private static String text(TextFeatures features, RecordText record) {
        StringBuilder text = new StringBuilder(record.title());
        if (features.titleTwice()) {
            text.append(' ').append(record.title());
        }
        text.append(' ').append(record.abstractText());
        if (features.keywords()) {
            for (String keyword : record.keywords()) {
                text.append(' ').append(keyword);
            }
        }
        return text.toString();
    }

    private static long pairKey(int first, int second) {
        return ((long) first << 32) | second;
    }

    private static int first(long pairKey) {
        return (int) (pairKey >>> 32);
    }

    private static int second(long pairKey) {
        return (int) pairKey;
    }

    /** Surfaces and kept pairs that fit the 20 + 20 + 23 bits of one sortable spelling key. */
    private static final int SURFACE_BITS = 20;
    private static final int PAIR_BITS = 23;

    /**
     * How the records most often spell each column's feature (the alphabetically first of equals), so "random" reads
     * "randomized": every occurrence's (feature, spelling) as one long, sorted, counted in runs.
     */
    private static String[] display(int[][] tokens, int[][] surfaces, List<String> surfaceList, int words, long[] pairs,
                                    int[] columnOf, int[] featureOfColumn, List<String> termList) {
        String[] display = new String[featureOfColumn.length];
        LongList wordSpellings = new LongList();
        boolean pairsFit = surfaceList.size() < (1 << SURFACE_BITS) && pairs.length < (1 << PAIR_BITS);
        LongList pairSpellings = new LongList();
        for (int r = 0; r < tokens.length; r++) {
            int[] t = tokens[r];
            int[] s = surfaces[r];
            for (int i = 0; i < t.length; i++) {
                wordSpellings.add(((long) t[i] << 32) | s[i]);
                if (pairsFit && pairs.length > 0 && i > 0) {
                    int p = Arrays.binarySearch(pairs, pairKey(t[i - 1], t[i]));
                    if (p >= 0) {
                        pairSpellings.add(((long) p << (2 * SURFACE_BITS)) | ((long) s[i - 1] << SURFACE_BITS) | s[i]);
                    }
                }
            }
        }
        long[] w = wordSpellings.toSortedArray();
        forEachMostCommon(w, 32, key -> {
            int word = (int) (key >>> 32);
            return new String[]{Integer.toString(columnOf[word]), surfaceList.get((int) key)};
        }, display);
        if (pairsFit) {
            long[] ps = pairSpellings.toSortedArray();
            long mask = (1L << SURFACE_BITS) - 1;
            forEachMostCommon(ps, 2 * SURFACE_BITS, key -> {
                int p = (int) (key >>> (2 * SURFACE_BITS));
                return new String[]{Integer.toString(columnOf[words + p]),
                        surfaceList.get((int) ((key >>> SURFACE_BITS) & mask)) + " " + surfaceList.get((int) (key & mask))};
            }, display);
        }
        for (int c = 0; c < display.length; c++) {
            if (display[c] == null) { // a pair whose spellings did not fit the key: its words' own spellings
                long pair = pairs[featureOfColumn[c] - words];
                display[c] = display[columnOf[first(pair)]] + " " + display[columnOf[second(pair)]];
            }
        }
        return display;
    }

    /**
     * Over sorted keys whose bits above {@code groupShift} name a feature and the rest a spelling: for each feature
     * the spelling with the most occurrences (alphabetically first of equals), as {@code [column, spelling]}.
     */
    private static void forEachMostCommon(long[] sorted, int groupShift, java.util.function.LongFunction<String[]> decode,
                                          String[] display) {
        int i = 0;
        while (i < sorted.length) {
            long group = sorted[i] >>> groupShift;
            String best = null;
            int bestCount = 0;
            String column = null;
            while (i < sorted.length && sorted[i] >>> groupShift == group) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                String[] decoded = decode.apply(sorted[i]);
                column = decoded[0];
                if (j - i > bestCount || (j - i == bestCount && decoded[1].compareTo(best) < 0)) {
                    best = decoded[1];
                    bestCount = j - i;
                }
                i = j;
            }
            display[Integer.parseInt(column)] = best;
        }
    }

    /** A growable array of longs. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        long[] toSortedArray() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }


    public int size() {
        return ids.length;
    }

    public int terms() {
        return terms.length;
    }

    /** The feature of {@code column}: a word or word pair as the tokenizer makes it (stemmed where it stems). */
    public String term(int column) {
        return terms[column];
    }

    /** How the review's records most often spell the feature of {@code column}, for people to read. */
    public String display(int column) {
        return display[column];
    }

    public long id(int row) {
        return ids[row];
    }

    /** The row of {@code id}; the message names the id when the record is not part of this corpus. */
    public int row(long id) {
        Integer r = rowOfId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("Record " + id + " is not in this corpus of " + ids.length
                    + " records; rebuild the corpus when records are added to the review.");
        }
        return r;
    }

    public boolean contains(long id) {
        return rowOfId.containsKey(id);
    }

    public TextFeatures features() {
        return features;
    }

    int rowStart(int row) {
        return rowStart[row];
    }

    int rowEnd(int row) {
        return rowStart[row + 1];
    }

    int column(int entry) {
        return columns[entry];
    }

    double value(int entry) {
        return values[entry];
    }

    /** {@code bias + w . x} for the given row. */
    double dot(int row, double[] weights, double bias) {
        double s = bias;
        for (int i = rowStart[row]; i < rowStart[row + 1]; i++) {
            s += weights[columns[i]] * values[i];
        }
        return s;
    }

    /**
     * The rows in liblinear's form (1-based feature indices) with the constant bias feature {@code terms() + 1} last,
     * built on first use and kept for every later training.
     */
    Feature[][] solverRows() {
        Feature[][] rows = solverRows;
        if (rows == null) {
            rows = new Feature[ids.length][];
            for (int r = 0; r < ids.length; r++) {
                Feature[] row = new Feature[rowStart[r + 1] - rowStart[r] + 1];
                for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                    row[i - rowStart[r]] = new FeatureNode(columns[i] + 1, values[i]);
                }
                row[row.length - 1] = new FeatureNode(terms.length + 1, 1.0);
                rows[r] = row;
            }
            solverRows = rows;
        }
        return rows;
    }
}
