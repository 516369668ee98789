package org.cortexlit.prioritise;

import java.util.ArrayList;
import java.util.List;

/**
 * Work saved and recall of one screening order, from where in the order each relevant record was found.
 *
 * <ul>
 *   <li><b>WSS@r</b> (work saved over sampling, Cohen et al. 2006, as ASReview reports it):
 *   {@code (records - screened when r of the relevant are found) / records - (1 - r)}, a fraction. "r of the relevant"
 *   is rounded up: {@code ceil(0.95 * relevant)} records for WSS@95 (19 of 20, 15 of 15), all of them for WSS@100.</li>
 *   <li><b>RRF@10</b> (relevant records found): the fraction of the relevant found once {@code ceil(0.10 * records)}
 *   records are screened, the first count that is at least 10% of the records.</li>
 * </ul>
 * Priors count as screened records, in the order the simulation screened them.
 */
public final class ScreeningMetrics {

    private ScreeningMetrics() {
    }

    /** {@code ceil(percent / 100 * of)} in integers, free of floating-point surprises (0.95 * 20 is 19, not 19.000...04). */
    static int ceilPercent(int percent, int of) {
        return (percent * of + 99) / 100;
    }

    /**
     * Records screened when {@code ceil(percent% of the relevant)} were found.
     *
     * @param relevantPositions for each relevant record, how many records were screened when it was found (1-based
     *                          position in the order), ascending; one entry per relevant record of the data set
     */
    public static int screenedAtRecall(int percent, int[] relevantPositions) {
        int needed = Math.max(1, ceilPercent(percent, relevantPositions.length));
        return relevantPositions[needed - 1];
    }

    /** WSS@{@code percent}: the share of records left unscreened at that recall, less the share a random order saves. */
    public static double wss(int percent, int records, int[] relevantPositions) {
        check(records, relevantPositions);
        return (records - screenedAtRecall(percent, relevantPositions)) / (double) records - (100 - percent) / 100.0;
    }

    /** RRF@{@code percent}: the fraction of relevant records found after screening {@code ceil(percent% of records)}. */
    public static double rrf(int percent, int records, int[] relevantPositions) {
        check(records, relevantPositions);
        int screened = ceilPercent(percent, records);
        int found = 0;
        for (int p : relevantPositions) {
            if (p <= screened) {
                found++;
            }
        }
        return found / (double) relevantPositions.length;
    }

    /** The recall curve, one point per screened record: {@code [screened, found]} for screened = 1 .. records. */
    public static List<int[]> curve(int records, int[] relevantPositions) {
        check(records, relevantPositions);
        List<int[]> curve = new ArrayList<>(records);
        int found = 0;
        for (int screened = 1; screened <= records; screened++) {
            while (found < relevantPositions.length && relevantPositions[found] <= screened) {
                found++;
            }
            curve.add(new int[]{screened, found});
        }
        return curve;
    }

    private static void check(int records, int[] relevantPositions) {
        if (relevantPositions.length == 0) {
            throw new IllegalArgumentException("Work saved and recall need at least one relevant record.");
        }
        for (int i = 0; i < relevantPositions.length; i++) {
            int p = relevantPositions[i];
            if (p < 1 || p > records || (i > 0 && p <= relevantPositions[i - 1])) {
                throw new IllegalArgumentException("Relevant positions must rise strictly within 1.." + records
                        + "; position " + i + " is " + p + ".");
            }
        }
    }
}
