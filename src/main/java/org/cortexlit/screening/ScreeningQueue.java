package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.library.Article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The next record a reviewer should screen, and how many still wait for them. A review in relevance order serves the
 * waiting record its {@link RelevanceRanking} puts first (dual reviews keep their rule: each reviewer gets the
 * highest-ranked record they have not decided); before there is a ranking, and for records the ranking has not seen
 * yet, the queue follows the order records joined the review.
 */
@ApplicationScoped
public class ScreeningQueue {

    /** How many ranked records one query checks for a waiting one. */
    static final int CHUNK = 64;

    private final RelevanceRanking relevance;

    public ScreeningQueue(RelevanceRanking relevance) {
        this.relevance = relevance;
    }

    /**
     * The next record {@code actor} should screen: the first waiting one after {@code afterId} (where a skip
     * left off), wrapping round to the start, so skipped records come back only after the rest; empty when done.
     * "After" is in the queue's order: the ranking's in relevance order, else the order records joined.
     */
    public Optional<ReviewRecord> next(long reviewId, Actor actor, long afterId) {
        return Tx.tx(() -> {
            Review r = Review.require(reviewId);
            if (r.byRelevance()) {
                Optional<RelevanceRanking.Snapshot> ranking = relevance.current(reviewId);
                if (ranking.isPresent()) {
                    Optional<Long> id = nextRanked(r, actor, ranking.get(), afterId);
                    if (id.isPresent()) {
                        return Optional.of(ReviewRecord.<ReviewRecord>findById(id.get()));
                    }
                }
            }
            Optional<ReviewRecord> next = nextAfter(reviewId, actor, afterId);
            return next.isPresent() || afterId <= 0 ? next : nextAfter(reviewId, actor, 0);
        });
    }

    /**
     * The best-ranked waiting record: among the records nobody had decided when the model was trained (checked
     * {@link #CHUNK} at a time, in ranked order, so the first query nearly always finds one), and in dual mode among the
     * records someone else decided and {@code actor} has not (one query); after {@code afterId}'s place first.
     */
    private Optional<Long> nextRanked(Review r, Actor actor, RelevanceRanking.Snapshot s, long afterId) {
        int from = afterId > 0 ? s.position(afterId) : -1;
        long[] undecided = s.undecided();
        int start = 0;
        while (start < undecided.length && s.position(undecided[start]) <= from) {
            start++;
        }
        Optional<Long> ahead = firstUndecided(r.id, undecided, start, undecided.length);
        Optional<Long> wrapped = ahead.isPresent() ? Optional.empty() : firstUndecided(r.id, undecided, 0, start);
        if (r.decisionsNeeded() > 1) {
            List<Long> partly = Article.getEntityManager().createQuery("select r.id from ReviewRecord r where "
                            + "r.reviewId = :r and r.removed = false and r.decisionCount > 0 and r.decisionCount < :n "
                            + "and r.status <> :c and r.resolvedBy is null and not exists (select 1 "
                            + "from ScreeningDecision d where d.recordId = r.id and d.reviewer = :me)", Long.class)
                    .setParameter("r", r.id).setParameter("n", r.decisionsNeeded()).setParameter("c", Status.CONFLICT)
                    .setParameter("me", actor.name()).getResultList();
            for (long id : partly) {
                int p = s.position(id);
                if (p < 0) {
                    continue;
                }
                if (p > from) {
                    if (ahead.isEmpty() || p < s.position(ahead.get())) {
                        ahead = Optional.of(id);
                    }
                } else if (wrapped.isEmpty() || p < s.position(wrapped.get())) {
                    wrapped = Optional.of(id);
                }
            }
        }
        return ahead.isPresent() ? ahead : wrapped;
    }

    private static Optional<Long> firstUndecided(long reviewId, long[] ranked, int from, int to) {
        for (int i = from; i < to; i += CHUNK) {
            List<Long> chunk = new ArrayList<>(CHUNK);
            for (int j = i; j < Math.min(to, i + CHUNK); j++) {
                chunk.add(ranked[j]);
            }
            Set<Long> waiting = new HashSet<>(Article.getEntityManager().createQuery("select r.id from ReviewRecord r "
                            + "where r.id in :ids and r.reviewId = :r and r.removed = false and r.decisionCount = 0 "
                            + "and r.status <> :c and r.resolvedBy is null", Long.class)
                    .setParameter("ids", chunk).setParameter("r", reviewId).setParameter("c", Status.CONFLICT)
                    .getResultList());
            for (Long id : chunk) {
                if (waiting.contains(id)) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where {@code actor} starts in the queue. In single mode every record needs one decision from anyone, so
     * members who all took the lowest record would keep colliding ("screened meanwhile"); each starts at their
     * own share of the queue instead (members in name order), and the wrap-round brings the rest later. In
     * dual mode everyone decides every record, so everyone starts at the beginning. In relevance order the k-th
     * member (from 0) starts at the k-th best-ranked record instead: the best records go first, and members still do
     * not all reach for the same one.
     */
    public long startFor(long reviewId, Actor actor) {
        return Tx.tx(() -> {
            Review r = Review.require(reviewId);
            if (r.isDual()) {
                return 0L;
            }
            List<String> members = ReviewMember.of(reviewId).stream().map(m -> m.username).sorted().toList();
            int k = members.indexOf(actor.name());
            if (k <= 0 || members.size() < 2) {
                return 0L;
            }
            if (r.byRelevance()) {
                Optional<RelevanceRanking.Snapshot> ranking = relevance.current(reviewId);
                if (ranking.isPresent()) {
                    long[] undecided = ranking.get().undecided();
                    return undecided.length == 0 ? 0L : undecided[Math.min(k, undecided.length) - 1];
                }
            }
            long waiting = Article.getEntityManager().createQuery("select count(r) from ReviewRecord r where "
                    + "r.reviewId = :r and r.removed = false and r.decisionCount = 0 and r.resolvedBy is null", Long.class)
                    .setParameter("r", reviewId).getSingleResult();
            int offset = (int) (waiting * k / members.size());
            List<Long> at = Article.getEntityManager().createQuery("select r.id from ReviewRecord r where r.reviewId = :r "
                            + "and r.removed = false and r.decisionCount = 0 and r.resolvedBy is null " + IN_QUEUE_ORDER, Long.class)
                    .setParameter("r", reviewId).setFirstResult(Math.max(0, offset - 1)).setMaxResults(1).getResultList();
            return offset == 0 || at.isEmpty() ? 0L : at.get(0);
        });
    }

    /**
     * The order of the queue index ({@code review_record_queue}: review, removed, decision count, id). With the first
     * three fixed by the query it is the order of ids, and naming the index's columns lets the database read the index
     * in order and stop at the first match instead of sorting every waiting record (H2 does so only then).
     */
    private static final String IN_QUEUE_ORDER = "order by r.reviewId, r.removed, r.decisionCount, r.id";

    private Optional<ReviewRecord> nextAfter(long reviewId, Actor actor, long afterId) {
        return Tx.tx(() -> {
            Review r = Review.require(reviewId);
            // one query per decision count a waiting record can have (0; and 1 in dual mode), each read in index order
            Optional<ReviewRecord> first = Optional.empty();
            for (int count = 0; count < r.decisionsNeeded(); count++) {
                Optional<ReviewRecord> next = ReviewRecord.<ReviewRecord>find("from ReviewRecord r where r.reviewId = ?1 "
                                + "and r.removed = false and r.decisionCount = ?2 and r.status <> ?3 and r.resolvedBy is null "
                                + "and r.id > ?4 and not exists (select 1 from ScreeningDecision d where d.recordId = r.id "
                                + "and d.reviewer = ?5) " + IN_QUEUE_ORDER,
                        reviewId, count, Status.CONFLICT, afterId, actor.name()).firstResultOptional();
                if (next.isPresent() && (first.isEmpty() || next.get().id < first.get().id)) {
                    first = next;
                }
            }
            return first;
        });
    }

    /** How many records still wait for {@code actor}. */
    public long remaining(long reviewId, Actor actor) {
        return Tx.tx(() -> {
            Review r = Review.require(reviewId);
            // a record nobody decided cannot hold a decision of the actor's: only the others need the check
            long undecided = Article.getEntityManager().createQuery("select count(r) from ReviewRecord r where "
                            + "r.reviewId = :r and r.removed = false and r.decisionCount = 0 and r.status <> :c "
                            + "and r.resolvedBy is null", Long.class)
                    .setParameter("r", reviewId).setParameter("c", Status.CONFLICT).getSingleResult();
            if (r.decisionsNeeded() <= 1) {
                return undecided;
            }
            return undecided + Article.getEntityManager().createQuery("select count(r) from ReviewRecord r where "
                            + "r.reviewId = :r and r.removed = false and r.decisionCount > 0 and r.decisionCount < :n "
                            + "and r.status <> :c and r.resolvedBy is null and not exists (select 1 "
                            + "from ScreeningDecision d where d.recordId = r.id and d.reviewer = :me)", Long.class)
                    .setParameter("r", reviewId).setParameter("n", r.decisionsNeeded()).setParameter("c", Status.CONFLICT)
                    .setParameter("me", actor.name()).getSingleResult();
        });
    }
}
