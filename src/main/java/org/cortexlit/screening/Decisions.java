package org.cortexlit.screening;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.library.Article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Screening decisions: a reviewer's include, exclude (with one of the review's reasons) or maybe, undo, and the
 * lead's resolution of a conflict. Every change is a {@link ReviewEvent}; records carry a version, so two people
 * acting on one record at once never lose a decision silently (the later one is retried once, then told what
 * happened).
 */
@ApplicationScoped
public class Decisions {

    private final ReviewMembers members;
    private final MeterRegistry registry;

    public Decisions(ReviewMembers members, MeterRegistry registry) {
        this.members = members;
        this.registry = registry;
    }

    /**
     * Records {@code actor}'s decision on a record (or changes their earlier one). An exclusion needs one of
     * the review's reasons, given as the text or its number (1-9).
     */
    public ScreeningDecision decide(long reviewId, long recordId, Actor actor, String decision, String reason, String note) {
        Decision d;
        try {
            d = Decision.parse(decision);
        } catch (IllegalArgumentException e) {
            throw ScreeningException.invalid(e.getMessage());
        }
        try {
            ScreeningDecision saved = decideOnce(reviewId, recordId, actor, d, reason, note);
            registry.counter("cortexlit.screening.decisions", "decision", d.name()).increment();
            return saved;
        } catch (ScreeningException e) {
            if (e.kind == ScreeningException.Kind.CONFLICT) {
                // the attempt that lost is part of the record's story too
                QuarkusTransaction.requiringNew().run(() -> ReviewEvent.record(reviewId, recordId, actor.name(),
                        ReviewEvent.Kind.REFUSED, null, d.label() + " not saved: " + e.getMessage()));
            }
            throw e;
        }
    }

    private ScreeningDecision decideOnce(long reviewId, long recordId, Actor actor, Decision d, String reason, String note) {
        return Tx.retryOnce(() -> Tx.tx(() -> {
            Review r = Review.require(reviewId);
            members.requireScreener(r, actor);
            ReviewRecord rec = ReviewRecord.require(reviewId, recordId);
            if (rec.removed) {
                throw ScreeningException.invalid("This record was removed from the review; nothing was saved.");
            }
            if (rec.resolvedBy != null) {
                throw ScreeningException.conflict("The lead (" + rec.resolvedBy + ") has already settled this record as "
                        + rec.finalDecision.label() + "; your decision was not saved.");
            }
            String why = d == Decision.EXCLUDE ? reason(r, reason) : null;
            String n = Inputs.limit(Inputs.trim(note), 4000, "The note");
            ScreeningDecision mine = ScreeningDecision.find("recordId = ?1 and reviewer = ?2", recordId, actor.name()).firstResult();
            if (mine == null) {
                if (rec.decisionCount >= r.decisionsNeeded()) {
                    throw ScreeningException.conflict("This record was screened by "
                            + (ScreeningRules.othersVisible(r, rec.decisionCount) ? othersOf(recordId, actor) : "the other reviewers")
                            + " while you were looking at it, so it needs no decision from you; yours was not saved.");
                }
                mine = new ScreeningDecision();
                mine.recordId = recordId;
                mine.reviewId = reviewId;
                mine.reviewer = actor.name();
                rec.decisionCount++;
            } else if (mine.decision == d && java.util.Objects.equals(mine.reason, why) && java.util.Objects.equals(mine.note, n)) {
                return mine;
            } else if (r.isDual() && rec.decisionCount >= 2) {
                throw ScreeningException.conflict("Both decisions on this record are in, so they are final for "
                        + "agreement; the lead settles it now (on the record's page). Your decision stays "
                        + mine.decision.label() + ".");
            }
            String before = mine.decision == null ? null : mine.describe();
            mine.decision = d;
            mine.reason = why;
            mine.note = n;
            mine.decidedAt = Instant.now();
            mine.persist();
            restatus(r, rec);
            Tx.forceNewVersion(rec); // a decision always moves the record on, even when its status stays
            ReviewEvent.record(reviewId, recordId, actor.name(), before == null ? ReviewEvent.Kind.DECIDED : ReviewEvent.Kind.CHANGED,
                    before, mine.describe());
            return mine;
        }));
    }

    private static String othersOf(long recordId, Actor actor) {
        return String.join(" and ", ScreeningDecision.<ScreeningDecision>list("recordId = ?1 and reviewer <> ?2", recordId, actor.name())
                .stream().map(x -> x.reviewer).toList());
    }

    private static String reason(Review r, String reason) {
        List<String> reasons = r.reasons();
        String given = Inputs.trim(reason);
        if (reasons.isEmpty()) {
            return Inputs.limit(given, 300, "The reason");
        }
        if (given == null) {
            throw ScreeningException.invalid("An exclusion needs a reason: " + numbered(reasons) + ".");
        }
        if (given.matches("[1-9]") && Integer.parseInt(given) <= reasons.size()) {
            return reasons.get(Integer.parseInt(given) - 1);
        }
        for (String x : reasons) {
            if (x.equalsIgnoreCase(given)) {
                return x;
            }
        }
        throw ScreeningException.invalid("'" + given + "' is not one of this review's exclusion reasons: " + numbered(reasons) + ".");
    }

    private static String numbered(List<String> reasons) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < reasons.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(i + 1).append(" ").append(reasons.get(i));
        }
        return sb.toString();
    }

    /** Takes back {@code actor}'s most recent decision in the review; returns the record it was on. */
    public Optional<Long> undo(long reviewId, Actor actor) {
        return Tx.retryOnce(() -> Tx.tx(() -> {
            Review r = Review.require(reviewId);
            members.requireScreener(r, actor);
            ScreeningDecision last = ScreeningDecision.find("reviewId = ?1 and reviewer = ?2 order by decidedAt desc, id desc",
                    reviewId, actor.name()).firstResult();
            if (last == null) {
                return Optional.<Long>empty();
            }
            ReviewRecord rec = ReviewRecord.require(reviewId, last.recordId);
            if (r.isDual() && rec.decisionCount >= 2) {
                throw ScreeningException.conflict("Your last decision can no longer be undone: both decisions on that "
                        + "record are in, and the lead settles it now.");
            }
            if (rec.resolvedBy != null) {
                throw ScreeningException.conflict("Your last decision was on a record the lead has since settled; it "
                        + "cannot be undone. Ask the lead to change the resolution.");
            }
            String before = last.describe();
            last.delete();
            rec.decisionCount--;
            Article.getEntityManager().flush();
            restatus(r, rec);
            Tx.forceNewVersion(rec);
            ReviewEvent.record(reviewId, rec.id, actor.name(), ReviewEvent.Kind.UNDONE, before, null);
            return Optional.of(rec.id);
        }));
    }

    /** The lead settles a record (a conflict, or any record whose decisions are in). */
    public void resolve(long reviewId, long recordId, Actor actor, String decision, String reason, String note, Integer expectedVersion) {
        Decision d;
        try {
            d = Decision.parse(decision);
        } catch (IllegalArgumentException e) {
            throw ScreeningException.invalid(e.getMessage());
        }
        Tx.guarded("this record", () -> {
            Review r = Review.require(reviewId);
            members.requireLead(r, actor);
            ReviewRecord rec = ReviewRecord.require(reviewId, recordId);
            if (expectedVersion != null && expectedVersion != rec.version) {
                throw ScreeningException.conflict("This record changed while you were looking at it (a decision was "
                        + "made, changed or undone); nothing was saved. Look at it again and resolve it.");
            }
            if (rec.decisionCount < r.decisionsNeeded() && rec.status != Status.CONFLICT) {
                throw ScreeningException.invalid("This record still waits for its decisions; resolve it once they are in.");
            }
            String before = rec.status.label() + (rec.resolvedBy == null ? "" : " (resolved by " + rec.resolvedBy + ")");
            rec.finalDecision = d;
            rec.finalReason = d == Decision.EXCLUDE ? reason(r, reason) : null;
            rec.resolutionNote = Inputs.limit(Inputs.trim(note), 4000, "The note");
            rec.resolvedBy = actor.name();
            rec.resolvedAt = Instant.now();
            rec.status = Status.of(d);
            Tx.forceNewVersion(rec);
            ReviewEvent.record(reviewId, recordId, actor.name(), ReviewEvent.Kind.RESOLVED, before,
                    d.label() + (rec.finalReason == null ? "" : " (" + rec.finalReason + ")")
                            + (rec.resolutionNote == null ? "" : ": " + rec.resolutionNote));
            return null;
        });
    }

    private static void restatus(Review r, ReviewRecord rec) {
        List<Decision> ds = ScreeningDecision.<ScreeningDecision>list("recordId = ?1 order by decidedAt, id", rec.id)
                .stream().map(x -> x.decision).toList();
        rec.status = ScreeningRules.status(r.mode, ds, rec.resolvedBy == null ? null : rec.finalDecision);
        rec.decisionCount = ds.size();
    }

    static void restatusAll(Review r) {
        for (ReviewRecord rec : ReviewRecord.<ReviewRecord>list("reviewId = ?1 and decisionCount > 0", r.id)) {
            restatus(r, rec);
        }
    }
}
