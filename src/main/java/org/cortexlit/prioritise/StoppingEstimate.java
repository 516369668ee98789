package org.cortexlit.prioritise;

/**
 * Where a prioritised screening stands and whether it may stop, by the <b>knee method</b> of Cormack and Grossman,
 * "Engineering Quality and Reliability in Technology-Assisted Review", SIGIR 2016 (doi 10.1145/2911451.2911510).
 *
 * <p>The gain curve (relevant found against records screened, in screening order) rises steeply while the ranking still
 * has relevant records near its top and flattens after. Its knee is the point farthest from the straight line joining
 * the origin to the current point. The slope ratio compares the rate before the knee with the rate after it:
 * {@code rho = (found at knee / knee) / ((found - found at knee + 1) / (screened - knee))}. The method suggests stopping
 * once at least 150 records are screened and {@code rho >= 156 - min(found, 150)}: a ratio of 6 when many relevant
 * records are found, a stricter one when few are, as the paper sets it.
 *
 * <p>{@code estimatedRemaining} carries the rate after the knee over every unscreened record: what is left if the
 * current yield held. The yield of a good ranking only falls, so this leans high, which is the safe side for a
 * decision to stop.
 *
 * @param screened           records screened so far
 * @param found              relevant among them
 * @param sinceLastRelevant  records screened since the last relevant one (all of them if none was found)
 * @param knee               records screened at the knee (0 before there are two points to compare)
 * @param foundAtKnee        relevant found at the knee
 * @param slopeRatio         rho, the rate before the knee over the rate after it
 * @param ratioNeeded        {@code 156 - min(found, 150)}
 * @param stopSuggested      whether the knee method suggests stopping here
 * @param estimatedRemaining relevant records estimated among the unscreened
 */
public record StoppingEstimate(int records, int screened, int found, int sinceLastRelevant, int knee, int foundAtKnee,
                               double slopeRatio, double ratioNeeded, boolean stopSuggested, double estimatedRemaining) {

    public static final String METHOD = "knee method (Cormack & Grossman 2016), remaining by the post-knee rate";
    public static final String REFERENCE = "Cormack GV, Grossman MR. Engineering Quality and Reliability in "
            + "Technology-Assisted Review. SIGIR 2016:75-84. doi:10.1145/2911451.2911510";

    /** The least number of screened records before the knee method may suggest stopping. */
    public static final int MINIMUM_SCREENED = 150;

    /**
     * @param relevantInOrder the label of each screened record, in the order screened
     * @param records         how many records the review holds, screened or not
     */
    public static StoppingEstimate of(boolean[] relevantInOrder, int records) {
        int screened = relevantInOrder.length;
        if (records < screened) {
            throw new IllegalArgumentException("The review holds " + records + " records but " + screened
                    + " are screened.");
        }
        int[] foundAfter = new int[screened + 1];
        int lastRelevant = 0;
        for (int i = 0; i < screened; i++) {
            foundAfter[i + 1] = foundAfter[i] + (relevantInOrder[i] ? 1 : 0);
            if (relevantInOrder[i]) {
                lastRelevant = i + 1;
            }
        }
        int found = foundAfter[screened];
        int knee = knee(foundAfter);
        int foundAtKnee = foundAfter[knee];
        double ratioNeeded = 156 - Math.min(found, 150);
        double slopeRatio = 0;
        double rateAfter = found / (double) Math.max(screened, 1);
        if (knee > 0 && knee < screened) {
            slopeRatio = (foundAtKnee / (double) knee) / ((found - foundAtKnee + 1) / (double) (screened - knee));
            rateAfter = (found - foundAtKnee) / (double) (screened - knee);
        }
        boolean stop = screened >= MINIMUM_SCREENED && slopeRatio >= ratioNeeded;
        return new StoppingEstimate(records, screened, found, screened - lastRelevant, knee, foundAtKnee, slopeRatio,
                ratioNeeded, stop, rateAfter * (records - screened));
    }

    /**
     * The screened count whose point lies farthest above the line from (0, 0) to (screened, found); 0 when the curve
     * has no point above it (nothing found, or found at an even rate).
     */
    static int knee(int[] foundAfter) {
        int screened = foundAfter.length - 1;
        int found = foundAfter[screened];
        int best = 0;
        double bestDistance = 0;
        // distance is proportional to found(i) * screened - i * found; the common factor changes no comparison
        for (int i = 1; i < screened; i++) {
            double distance = (double) foundAfter[i] * screened - (double) i * found;
            if (distance > bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    public String method() {
        return METHOD;
    }

    public String reference() {
        return REFERENCE;
    }
}
