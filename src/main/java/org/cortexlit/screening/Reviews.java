package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.search.query.QuerySyntaxException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reviews: creating one (its creator leads it), its settings (criteria, words to highlight, exclusion reasons, tag
 * values, single or dual screening, the query that fills its queue) and unblinding. Switching a blind dual review to
 * single screening is an unblinding when it would show pending decisions: confirmed and recorded, or refused.
 */
@ApplicationScoped
public class Reviews {

    private final QueryMatches matches;
    private final ReviewMembers members;
    private final ReviewRecords records;

    public Reviews(QueryMatches matches, ReviewMembers members, ReviewRecords records) {
        this.matches = matches;
        this.members = members;
        this.records = records;
    }

    /**
     * Creates a review led by {@code actor} with {@code candidates} as members. Every candidate is checked before
     * anything is created: one that cannot join means no review, and a message naming it.
     */
    public Review create(ReviewForm form, List<ReviewMembers.Candidate> candidates, Actor actor) {
        Tx.tx(() -> {
            for (ReviewMembers.Candidate c : candidates) {
                try {
                    members.check(c);
                } catch (ScreeningException e) {
                    throw ScreeningException.invalid("members: " + e.getMessage() + " Nothing was created.");
                }
            }
            return null;
        });
        Review r = create(form, actor);
        for (ReviewMembers.Candidate c : candidates) {
            if (!c.username().trim().equals(actor.name()) || "LEAD".equalsIgnoreCase(c.role())) {
                members.addMember(r.id, c.username().trim(), c.role(), actor);
            }
        }
        return r;
    }

    public Review create(ReviewForm form, Actor actor) {
        if (!actor.editor()) {
            throw ScreeningException.forbidden("Only reviewers and admins create reviews.");
        }
        Review review = Tx.tx(() -> {
            Review r = new Review();
            r.createdBy = actor.name();
            r.createdAt = r.updatedAt = Instant.now();
            apply(r, form, true);
            r.persist();
            ReviewMember lead = new ReviewMember();
            lead.reviewId = r.id;
            lead.username = actor.name();
            lead.role = ReviewMember.Role.LEAD;
            lead.persist();
            ReviewEvent.record(r.id, null, actor.name(), ReviewEvent.Kind.CREATED, null, r.name);
            return r;
        });
        records.syncQuery(review.id);
        return review;
    }

    public void update(long reviewId, ReviewForm form, Actor actor, Integer expectedVersion) {
        update(reviewId, form, actor, expectedVersion, false);
    }

    /**
     * Saves the settings. Switching a blind dual review to single screening would show each reviewer's pending
     * decision (a record with one of its two) to everyone: that is an unblinding, done only when
     * {@code confirmUnblind} says so, and recorded as one; otherwise the change is refused.
     */
    public void update(long reviewId, ReviewForm form, Actor actor, Integer expectedVersion, boolean confirmUnblind) {
        Tx.guarded("these settings", () -> {
            Review r = Review.require(reviewId);
            members.requireLead(r, actor);
            if (expectedVersion != null && expectedVersion != r.version) {
                throw ScreeningException.conflict("Someone else changed this review's settings while you were editing "
                        + "them; nothing was saved. Reload the settings and make your change again.");
            }
            Review.Mode before = r.mode;
            String beforeText = summary(r);
            apply(r, form, false);
            if (before == Review.Mode.DUAL && r.mode == Review.Mode.SINGLE
                    && ReviewRecord.count("reviewId = ?1 and status = ?2", reviewId, Status.CONFLICT) > 0) {
                throw ScreeningException.invalid("This review has open conflicts; resolve them before switching to single "
                        + "screening (nothing was saved).");
            }
            boolean unblinds = before == Review.Mode.DUAL && r.mode == Review.Mode.SINGLE && r.blind
                    && ReviewRecord.count("reviewId = ?1 and removed = false and decisionCount = 1 and resolvedBy is null",
                    reviewId) > 0;
            if (unblinds && !confirmUnblind) {
                throw ScreeningException.conflict("Switching to single screening would show every reviewer's pending "
                        + "decisions (records that have one of their two) to the others: it unblinds the review. Confirm "
                        + "the unblinding to switch, or let the second decisions come in first; nothing was saved.");
            }
            if (unblinds) {
                r.blind = false;
                ReviewEvent.record(r.id, null, actor.name(), ReviewEvent.Kind.UNBLINDED, "blind",
                        "unblinded by switching to single screening");
            }
            r.updatedAt = Instant.now();
            ReviewEvent.record(r.id, null, actor.name(), ReviewEvent.Kind.SETTINGS, beforeText, summary(r));
            if (before != r.mode) {
                Decisions.restatusAll(r);
            }
            return null;
        });
        records.syncQuery(reviewId);
    }

    private static String summary(Review r) {
        return "name=" + r.name + "; mode=" + r.mode + "; order=" + r.queueOrder.key() + "; query=" + (r.query == null ? "" : r.query)
                + "; reasons=" + String.join(" | ", r.reasons());
    }

    private void apply(Review r, ReviewForm f, boolean creating) {
        String name = Inputs.trim(f.name());
        if (name == null) {
            throw ScreeningException.invalid("A review needs a name.");
        }
        if (name.length() > 300) {
            throw ScreeningException.invalid("A review name has at most 300 characters.");
        }
        r.name = name;
        r.question = Inputs.limit(Inputs.trim(f.question()), 4000, "The question");
        r.inclusionCriteria = Inputs.limit(Inputs.trim(f.inclusionCriteria()), 8000, "The inclusion criteria");
        r.exclusionCriteria = Inputs.limit(Inputs.trim(f.exclusionCriteria()), 8000, "The exclusion criteria");
        r.includeWords = Inputs.limit(Inputs.trim(f.includeWords()), 8000, "The include words");
        r.excludeWords = Inputs.limit(Inputs.trim(f.excludeWords()), 8000, "The exclude words");
        String reasons = Inputs.trim(f.exclusionReasons());
        r.exclusionReasons = Inputs.limit(reasons == null && creating ? String.join("\n", Review.DEFAULT_REASONS)
                : reasons == null ? "" : reasons, 8000, "The exclusion reasons");
        for (String reason : Review.lines(r.exclusionReasons)) {
            if (reason.length() > 200) {
                throw ScreeningException.invalid("An exclusion reason has at most 200 characters: '" + reason.substring(0, 40) + "...'.");
            }
        }
        if (Review.lines(r.exclusionReasons).size() > 9) {
            throw ScreeningException.invalid("At most 9 exclusion reasons (one per digit key 1-9); there are "
                    + Review.lines(r.exclusionReasons).size() + ".");
        }
        r.tagVocabulary = checkVocabulary(Inputs.trim(f.tagVocabulary()));
        String mode = Inputs.trim(f.mode());
        if (mode == null) {
            if (creating) {
                r.mode = Review.Mode.SINGLE;
            }
        } else {
            try {
                r.mode = Review.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScreeningException.invalid("The screening mode is single or dual, not '" + mode + "'.");
            }
        }
        String order = Inputs.trim(f.order());
        if (order != null) {
            try {
                r.queueOrder = Review.Order.valueOf(order.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScreeningException.invalid("The queue's order is relevance (most likely relevant first) or import "
                        + "(the order records joined the review), not '" + order + "'.");
            }
        }
        String query = Inputs.trim(f.query());
        if (query != null) {
            try {
                matches.check(query);
            } catch (QuerySyntaxException e) {
                throw ScreeningException.invalid("The review's query cannot be run: " + e.getMessage());
            }
        }
        r.query = Inputs.limit(query, 8000, "The query");
    }

    private static String checkVocabulary(String text) {
        if (text == null) {
            return null;
        }
        for (String line : Review.lines(text)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || TagDimension.byKey(line.substring(0, colon)).isEmpty()) {
                throw ScreeningException.invalid("Each tag line reads 'dimension: value, value' with a dimension among "
                        + Arrays.stream(TagDimension.values()).map(d -> d.key).toList() + "; this one does not: '"
                        + line + "'.");
            }
        }
        return Inputs.limit(text, 8000, "The tag values");
    }

    public Review review(long id) {
        return Review.require(id);
    }

    /** The ids of a review's records the filter selects, in the review's order, at most {@code max}. */
    @Transactional
    public List<Long> recordIds(long id, RecordFilter filter, int max) {
        Review.require(id);
        return filter.recordIds(max);
    }

    public List<Review> reviews() {
        return Tx.tx(() -> Review.<Review>list("order by name, id"));
    }

    public void unblind(long reviewId, Actor actor) {
        Tx.tx(() -> {
            Review r = Review.require(reviewId);
            members.requireLead(r, actor);
            if (r.blind) {
                r.blind = false;
                ReviewEvent.record(reviewId, null, actor.name(), ReviewEvent.Kind.UNBLINDED, "blind", "unblinded");
            }
            return null;
        });
    }
}
