package org.cortexlit.screening;

import org.cortexlit.library.Article;

import java.util.ArrayList;
import java.util.List;

/**
 * What one viewer may see of one record of a review: the one place blinding is applied, whether the record is shown
 * by the JSON API, the review's pages or the screening page. While a dual review is blind and a record still waits
 * for its second decision, the viewer sees their own decision only, and how many others are hidden; the history
 * hides others' acts the same way.
 *
 * @param mine          the viewer's own decision, or null
 * @param visible       the decisions the viewer may see, the viewer's own included
 * @param hidden        how many decisions are kept from the viewer
 * @param history       the record's history as the viewer may see it (empty where the caller did not ask for it)
 */
public record RecordView(Review review, ReviewRecord record, Article article, boolean othersVisible,
                         ScreeningDecision mine, List<ScreeningDecision> visible, int hidden, List<ReviewEvent> history) {

    /** The view of {@code record} for {@code viewer}, from its decisions (and history, or an empty list). */
    public static RecordView of(Review review, ReviewRecord record, Article article, Actor viewer,
                                List<ScreeningDecision> decisions, List<ReviewEvent> history) {
        boolean open = ScreeningRules.othersVisible(review, record.decisionCount);
        List<ScreeningDecision> visible = ScreeningRules.visibleDecisions(review, record, viewer.name(), decisions);
        ScreeningDecision mine = decisions.stream().filter(d -> d.reviewer.equals(viewer.name())).findFirst().orElse(null);
        return new RecordView(review, record, article, open, mine, visible, decisions.size() - visible.size(),
                ScreeningRules.visibleEvents(review, record, viewer.name(), history));
    }

    /** The decisions of others the viewer may see. */
    public List<ScreeningDecision> others() {
        return visible.stream().filter(d -> d != mine).toList();
    }

    /** "reviewer: include; other: exclude (not human)" or, while blind, the viewer's own and a count hidden. */
    public String decisionsText() {
        if (record.decisionCount == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>(visible.stream()
                .map(d -> d.reviewer + ": " + d.decision.label() + (d.reason == null ? "" : " (" + d.reason + ")")).toList());
        if (hidden > 0) {
            parts.add(hidden + " hidden (blind)");
        }
        return String.join("; ", parts);
    }
}
