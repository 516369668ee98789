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

    /** Vectorises {@code records}; ids must be unique. */
    public static Corpus build(List<RecordText> records, TextFeatures features) {
        int n = records.size();
        long[] ids = new long[n];
        Map<Long, Integer> rowOfId = new HashMap<>(n * 2);
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> termList = new ArrayList<>();
        List<Map<String, Integer>> spellings = new ArrayList<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            RecordText record = records.get(r);
            ids[r] = record.id();
            if (rowOfId.put(record.id(), r) != null) {
                throw new IllegalArgumentException("Record id " + record.id() + " appears twice in the corpus.");
            }
            Map<Integer, Integer> tf = new HashMap<>();
            countTerms(features, record, vocabulary, termList, spellings, tf);
            counts.add(tf);
        }
        int[] df = new int[termList.size()];
        for (Map<Integer, Integer> tf : counts) {
            for (int t : tf.keySet()) {
                df[t]++;
            }
        }
        // Columns in term order, as scikit-learn numbers its vocabulary; rare word pairs left out.
        Map<String, Integer> kept = new TreeMap<>();
        for (int t = 0; t < df.length; t++) {
            String term = termList.get(t);
            if (!isPair(term) || df[t] >= features.minPairDf()) {
                kept.put(term, t);
            }
        }
        String[] terms = kept.keySet().toArray(String[]::new);
        int[] columnOf = new int[termList.size()];
        Arrays.fill(columnOf, -1);
        int[] termOfColumn = new int[terms.length];
        String[] display = new String[terms.length];
        double[] idf = new double[terms.length];
        int c = 0;
        for (int t : kept.values()) {
            columnOf[t] = c;
            termOfColumn[c] = t;
            display[c] = mostCommon(spellings.get(t));
            idf[c] = Math.log((1.0 + n) / (1.0 + df[t])) + 1.0;
            c++;
        }
        int nnz = 0;
        for (Map<Integer, Integer> tf : counts) {
            for (int t : tf.keySet()) {
                if (columnOf[t] >= 0) {
                    nnz++;
                }
            }
        }
        int[] rowStart = new int[n + 1];
        int[] columns = new int[nnz];
        double[] values = new double[nnz];
        int at = 0;
        for (int r = 0; r < n; r++) {
            rowStart[r] = at;
            int start = at;
            for (Map.Entry<Integer, Integer> e : counts.get(r).entrySet()) {
                int col = columnOf[e.getKey()];
                if (col >= 0) {
                    columns[at++] = col;
                }
            }
            Arrays.sort(columns, start, at);
            double norm = 0;
            for (int i = start; i < at; i++) {
                int count = counts.get(r).get(termOfColumn[columns[i]]);
                double tf = features.sublinearTf() ? 1.0 + Math.log(count) : count;
                values[i] = tf * idf[columns[i]];
                norm += values[i] * values[i];
            }
            norm = Math.sqrt(norm);
            for (int i = start; i < at && norm > 0; i++) {
                values[i] /= norm;
            }
        }
        rowStart[n] = at;
        return new Corpus(ids, rowOfId, rowStart, columns, values, terms, display, features);
    }

    private static void countTerms(TextFeatures features, RecordText record, Map<String, Integer> vocabulary,
                                   List<String> termList, List<Map<String, Integer>> spellings, Map<Integer, Integer> tf) {
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
        List<Tokenizer.Token> words = features.tokenizer().tokens(text.toString());
        for (int i = 0; i < words.size(); i++) {
            Tokenizer.Token word = words.get(i);
            add(word.term(), word.surface(), vocabulary, termList, spellings, tf);
            if (features.wordPairs() && i > 0) {
                Tokenizer.Token before = words.get(i - 1);
                add(before.term() + " " + word.term(), before.surface() + " " + word.surface(), vocabulary, termList,
                        spellings, tf);
            }
        }
    }

    private static void add(String term, String surface, Map<String, Integer> vocabulary, List<String> termList,
                            List<Map<String, Integer>> spellings, Map<Integer, Integer> tf) {
        Integer t = vocabulary.get(term);
        if (t == null) {
            t = termList.size();
            vocabulary.put(term, t);
            termList.add(term);
            spellings.add(new HashMap<>(2));
        }
        tf.merge(t, 1, Integer::sum);
        spellings.get(t).merge(surface, 1, Integer::sum);
    }

    /** The spelling seen most often (the alphabetically first of equals), so "random" reads "randomized". */
    private static String mostCommon(Map<String, Integer> spellings) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : spellings.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static boolean isPair(String term) {
        return term.indexOf(' ') >= 0;
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
