package org.cortexlit.screening;

import org.cortexlit.library.Article;
import org.cortexlit.prioritise.StoppingEstimate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far a review's screening has got in finding its relevant records: the recall curve (relevant found against
 * records screened, in the order they were screened) and the knee method's estimate of what is left
 * ({@link StoppingEstimate}). A record counts as screened once its decisions are in: its first decision in single
 * mode and in an unblinded dual review; in a blind dual review, its second (or the lead's resolution), so the curve
 * never shows a decision the other reviewer may not see yet. It counts as relevant when resolved as include or maybe,
 * or (unresolved) when any decision is include or maybe.
 *
 * @param records  the records of the review (not removed)
 * @param curve    {@code [screened, found]} after each screened record, in order
 * @param estimate the stopping estimate over the same order
 */
public record RecallProgress(int records, List<int[]> curve, StoppingEstimate estimate) {

    public int screened() {
        return curve.size();
    }

    public int found() {
        return curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[1];
    }

    /** The relevant records a random order would be expected to hold in all: found so far plus the estimate. */
    public double expectedRelevant() {
        return found() + estimate.estimatedRemaining();
    }

    /** The estimate of relevant records left, to one decimal ("about 2.4"). */
    public String remainingText() {
        return String.format(Locale.ROOT, "about %.1f", estimate.estimatedRemaining());
    }

    /** Read inside a transaction. */
    static RecallProgress of(Review review) {
        int records = Math.toIntExact(ReviewRecord.count("reviewId = ?1 and removed = false", review.id));
        boolean blind = review.isDual() && review.blind;
        Map<Long, Instant> first = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        Map<Long, Boolean> relevant = new HashMap<>();
        Map<Long, Integer> count = new HashMap<>();
        for (Object[] row : Article.getEntityManager().createQuery("select d.recordId, d.decision, d.decidedAt, "
                        + "rr.resolvedBy, rr.finalDecision, rr.decisionCount from ScreeningDecision d, ReviewRecord rr "
                        + "where rr.id = d.recordId and d.reviewId = :r and rr.removed = false", Object[].class)
                .setParameter("r", review.id).getResultList()) {
            long id = (Long) row[0];
            Instant at = (Instant) row[2];
            if (blind && (Integer) row[5] < review.decisionsNeeded() && row[3] == null) {
                continue;
            }
            first.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
            last.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
            count.merge(id, 1, Integer::sum);
            boolean include = row[3] != null ? ((Decision) row[4]).includeLike() : ((Decision) row[1]).includeLike();
            relevant.merge(id, include, (a, b) -> row[3] != null ? b : a || b);
        }
        Map<Long, Instant> when = blind ? last : first;
        List<Long> order = new ArrayList<>(when.keySet());
        order.sort((a, b) -> {
            int c = when.get(a).compareTo(when.get(b));
            return c != 0 ? c : Long.compare(a, b);
        });
        boolean[] inOrder = new boolean[order.size()];
        List<int[]> curve = new ArrayList<>(order.size());
        int found = 0;
        for (int i = 0; i < order.size(); i++) {
            inOrder[i] = relevant.get(order.get(i));
            found += inOrder[i] ? 1 : 0;
            curve.add(new int[]{i + 1, found});
        }
        return new RecallProgress(records, curve, StoppingEstimate.of(inOrder, Math.max(records, inOrder.length)));
    }
}
