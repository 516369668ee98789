package org.cortexlit.screening;

import java.util.List;

/** Where a record stands, from its decisions: the screening arithmetic in one pure place. */
public final class ScreeningRules {

    private ScreeningRules() {
    }

    /**
     * @param decisions the reviewers' decisions on the record (one each)
     * @param resolution the lead's final decision, or null
     */
    public static Status status(Review.Mode mode, List<Decision> decisions, Decision resolution) {
        if (resolution != null) {
            return Status.of(resolution);
        }
        if (decisions.isEmpty()) {
            return Status.UNSCREENED;
        }
        if (mode == Review.Mode.SINGLE) {
            return Status.of(decisions.get(0));
        }
        if (decisions.size() < 2) {
            return Status.AWAITING_SECOND;
        }
        boolean anyExclude = decisions.stream().anyMatch(d -> d == Decision.EXCLUDE);
        boolean anyIncludeLike = decisions.stream().anyMatch(Decision::includeLike);
        if (anyExclude && anyIncludeLike) {
            return Status.CONFLICT;
        }
        if (anyExclude) {
            return Status.EXCLUDED;
        }
        return decisions.stream().allMatch(d -> d == Decision.INCLUDE) ? Status.INCLUDED : Status.MAYBE;
    }

    /**
     * Whether {@code viewer} may see the other reviewers' decisions on a record: always in single mode or
     * once the review is unblinded; in blind dual mode only when the record has all its decisions.
     */
    public static boolean othersVisible(Review review, int decisionCount) {
        return !review.isDual() || !review.blind || decisionCount >= 2;
    }

    /** The decisions on {@code record} that {@code viewer} may see: all of them, or only their own while blind. */
    public static List<ScreeningDecision> visibleDecisions(Review review, ReviewRecord record, String viewer,
                                                           List<ScreeningDecision> decisions) {
        boolean open = othersVisible(review, record.decisionCount);
        return decisions.stream().filter(d -> open || d.reviewer.equals(viewer)).toList();
    }

    /**
     * The history of {@code record} that {@code viewer} may see: everything, or while blind their own acts and
     * the record's arrivals and removals (which say nothing about anyone's decision).
     */
    public static List<ReviewEvent> visibleEvents(Review review, ReviewRecord record, String viewer, List<ReviewEvent> events) {
        boolean open = othersVisible(review, record.decisionCount);
        return events.stream().filter(e -> open || e.actor.equals(viewer) || e.kind == ReviewEvent.Kind.ADDED
                || e.kind == ReviewEvent.Kind.REMOVED || e.kind == ReviewEvent.Kind.RESTORED).toList();
    }
}
