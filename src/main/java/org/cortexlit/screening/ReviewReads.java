package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cortexlit.library.Article;
import org.cortexlit.library.TagChange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the review pages and the JSON API show, each read in one transaction and returned whole (the pages render
 * after it ends): reviews with their members and counts, a page of records, one record as a viewer may see it
 * ({@link RecordView}), the next record to screen.
 */
@ApplicationScoped
public class ReviewReads {

    /** How many of a record's words the screening page and the API show for its relevance. */
    static final int WHY_WORDS = 6;

    private final ReviewMembers members;
    private final ScreeningQueue queue;
    private final RelevanceRanking relevance;

    public ReviewReads(ReviewMembers members, ScreeningQueue queue, RelevanceRanking relevance) {
        this.members = members;
        this.queue = queue;
        this.relevance = relevance;
    }

    /** A review with its members and counts. */
    public record Summary(Review review, List<ReviewMember> members, ReviewStats stats) {
    }

    @Transactional
    public List<Summary> summaries() {
        return Review.<Review>list("order by name, id").stream()
                .map(r -> new Summary(r, ReviewMember.of(r.id), ReviewStats.of(r.id))).toList();
    }

    @Transactional
    public Summary summary(long id) {
        Review r = Review.require(id);
        return new Summary(r, ReviewMember.of(id), ReviewStats.of(id));
    }

    /**
     * The review's own page: what {@code viewer} may do there, how many records wait for them, the recall curve and
     * stopping estimate, and the ranking the queue follows (null before there is one).
     */
    public record Overview(Summary summary, boolean lead, boolean member, long remaining, String vocabulary,
                           RecallProgress recall, RelevanceRanking.Snapshot ranking) {
    }

    @Transactional
    public Overview overview(long id, Actor viewer) {
        Summary s = summary(id);
        boolean member = members.roleOf(id, viewer).isPresent();
        return new Overview(s, members.isLead(s.review(), viewer), member, member ? queue.remaining(id, viewer) : 0,
                Review.vocabularyText(s.review().vocabulary()), RecallProgress.of(s.review()),
                relevance.current(id).orElse(null));
    }

    /** The recall curve and stopping estimate, with the ranking the queue follows (null before there is one). */
    public record Recall(Review review, RecallProgress progress, RelevanceRanking.Snapshot ranking) {
    }

    @Transactional
    public Recall recall(long id) {
        Review r = Review.require(id);
        return new Recall(r, RecallProgress.of(r), relevance.current(id).orElse(null));
    }

    /** One page of a review's records, filtered, each as {@code viewer} may see it. */
    public record RecordsPage(Review review, long total, List<RecordView> records, boolean lead,
                              Map<String, Map<String, Long>> tagCounts) {
    }

    @Transactional
    public RecordsPage records(long id, RecordFilter filter, int page, int size, Actor viewer) {
        Review r = Review.require(id);
        List<RecordFilter.Item> items = filter.page(page, size);
        Map<Long, List<ScreeningDecision>> decisions = new HashMap<>(); // one query for the page, not one per row
        if (!items.isEmpty()) {
            for (ScreeningDecision d : ScreeningDecision.<ScreeningDecision>list("recordId in ?1 order by decidedAt, id",
                    items.stream().map(i -> i.record().id).toList())) {
                decisions.computeIfAbsent(d.recordId, k -> new ArrayList<>()).add(d);
            }
        }
        List<RecordView> views = new ArrayList<>();
        for (RecordFilter.Item item : items) {
            item.article().tags.size(); // the lists render after the transaction
            views.add(RecordView.of(r, item.record(), item.article(), viewer,
                    decisions.getOrDefault(item.record().id, List.of()), List.of()));
        }
        return new RecordsPage(r, filter.count(), views, members.isLead(r, viewer), ReviewStats.tagCounts(id));
    }

    /** Record {@code recordId} of review {@code id} as {@code viewer} may see it, with its history. */
    @Transactional
    public RecordView record(long id, long recordId, Actor viewer) {
        Review r = Review.require(id);
        return view(r, ReviewRecord.require(id, recordId), viewer);
    }

    /** The same, for the record of an article key (a PMID or CL&lt;id&gt;); 404 when the review does not hold it. */
    @Transactional
    public RecordView recordOf(long id, String key, Actor viewer) {
        Review r = Review.require(id);
        return view(r, ReviewRecord.require(id, recordIdOf(id, key)), viewer);
    }

    /** The id of the review's record for an article key; 404 naming the key when there is none. */
    @Transactional
    public long recordIdOf(long id, String key) {
        Review.require(id);
        Article a = Article.findByKey(key).orElseThrow(() -> ScreeningException.notFound("No article " + key + " in the corpus."));
        ReviewRecord rec = ReviewRecord.find("reviewId = ?1 and articleId = ?2", id, a.id).firstResult();
        if (rec == null) {
            throw ScreeningException.notFound("Review " + id + " does not hold " + key + "; add it with POST /api/reviews/"
                    + id + "/records.");
        }
        return rec.id;
    }

    /** The article key of record {@code recordId} of review {@code id}. */
    @Transactional
    public String keyOf(long id, long recordId) {
        return Article.<Article>findById(ReviewRecord.require(id, recordId).articleId).key();
    }

    /** A record's page also shows the tag history of its article. */
    public record RecordPage(RecordView view, List<TagChange> tagHistory, boolean lead) {
    }

    @Transactional
    public RecordPage recordPage(long id, long recordId, Actor viewer) {
        RecordView v = record(id, recordId, viewer);
        return new RecordPage(v, TagChange.forArticle(v.article().id), members.isLead(v.review(), viewer));
    }

    private RecordView view(Review r, ReviewRecord rec, Actor viewer) {
        Article a = Article.findById(rec.articleId);
        a.tags.size();
        return RecordView.of(r, rec, a, viewer, ScreeningDecision.forRecord(rec.id), ReviewEvent.forRecord(rec.id));
    }

    /**
     * The next record waiting for {@code viewer}, as they may see it, how many wait, and why the ranking put it there
     * (null when the queue is not in relevance order or has no ranking yet); empty when none waits.
     */
    public record Next(RecordView view, long remaining, RelevanceRanking.Why why) {
    }

    @Transactional
    public Optional<Next> next(long id, Actor viewer) {
        Review r = Review.require(id);
        if (members.roleOf(id, viewer).isEmpty()) {
            throw ScreeningException.forbidden("You are not a member of review " + id + ".");
        }
        long remaining = queue.remaining(id, viewer);
        return queue.next(id, viewer, queue.startFor(id, viewer))
                .map(rec -> new Next(view(r, rec, viewer), remaining, why(r, rec.id)));
    }

    /** Why the review's ranking puts record {@code recordId} where it is; null when the queue does not follow one. */
    private RelevanceRanking.Why why(Review r, long recordId) {
        if (!r.byRelevance()) {
            return null;
        }
        return relevance.current(r.id).flatMap(s -> s.why(recordId, WHY_WORDS)).orElse(null);
    }

    /**
     * The screening page: the record to show (asked for, or the next waiting), how many wait for the viewer, and why
     * the ranking put the record there (null when the queue follows no ranking).
     */
    public record Screen(Review review, Optional<RecordView> record, long remaining, RelevanceRanking.Why why) {
    }

    /**
     * What the screening page shows {@code viewer}: record {@code recordId} when given, else the next waiting one
     * after {@code after} (where a skip left off). Only members screen.
     */
    @Transactional
    public Screen screen(long id, Long recordId, long after, Actor viewer) {
        Review review = Review.require(id);
        if (members.roleOf(id, viewer).isEmpty()) {
            throw ScreeningException.forbidden("You are not a member of the review '" + review.name + "'; its lead adds "
                    + "members on the review's page.");
        }
        Optional<ReviewRecord> rec = recordId != null ? Optional.of(ReviewRecord.require(id, recordId))
                : queue.next(id, viewer, after > 0 ? after : queue.startFor(id, viewer));
        return new Screen(review, rec.map(r -> view(review, r, viewer)), queue.remaining(id, viewer),
                rec.map(r -> why(review, r.id)).orElse(null));
    }

    /**
     * The record {@code viewer} decided before the one shown ({@code current}, null when the queue is done): the back
     * key's target, to look again or change the decision. Empty before a first decision.
     */
    @Transactional
    public Optional<Long> previousDecided(long id, Long current, Actor viewer) {
        ScreeningDecision at = current == null ? null
                : ScreeningDecision.find("reviewId = ?1 and recordId = ?2 and reviewer = ?3", id, current, viewer.name()).firstResult();
        ScreeningDecision before = at == null
                ? ScreeningDecision.find("reviewId = ?1 and reviewer = ?2 and recordId <> ?3 order by decidedAt desc, id desc",
                        id, viewer.name(), current == null ? -1L : current).firstResult()
                : ScreeningDecision.find("reviewId = ?1 and reviewer = ?2 and (decidedAt < ?3 or (decidedAt = ?3 and id < ?4)) "
                        + "order by decidedAt desc, id desc", id, viewer.name(), at.decidedAt, at.id).firstResult();
        return Optional.ofNullable(before).map(d -> d.recordId);
    }

    /** The number record {@code recordId} has in review {@code id} ("record 7"). */
    @Transactional
    public int numberOf(long id, long recordId) {
        return ReviewRecord.require(id, recordId).number;
    }

    /** Decisions in force per day (UTC) and reviewer: {@code counts[reviewer][day]}, every day from the first to the
     * last with a decision (the last {@code maxDays} at most). */
    public record DailyDecisions(List<LocalDate> days, List<String> reviewers, long[][] counts) {
    }

    /**
     * How screening went day by day: each reviewer's decisions, by the day they were made (a changed decision counts
     * on the day of its change, an undone one not at all). Only counts: no decision shows, so blinding holds.
     */
    @Transactional
    public DailyDecisions decisionsPerDay(long id, int maxDays) {
        Review.require(id);
        TreeMap<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        TreeSet<String> reviewers = new TreeSet<>();
        for (Object[] row : Article.getEntityManager().createQuery("select d.reviewer, d.decidedAt from ScreeningDecision d, "
                        + "ReviewRecord r where d.recordId = r.id and r.removed = false and d.reviewId = :r", Object[].class)
                .setParameter("r", id).getResultList()) {
            LocalDate day = ((Instant) row[1]).atZone(ZoneOffset.UTC).toLocalDate();
            byDay.computeIfAbsent(day, k -> new HashMap<>()).merge((String) row[0], 1L, Long::sum);
            reviewers.add((String) row[0]);
        }
        if (byDay.isEmpty()) {
            return new DailyDecisions(List.of(), List.of(), new long[0][0]);
        }
        LocalDate last = byDay.lastKey();
        LocalDate first = byDay.firstKey().isBefore(last.minusDays(maxDays - 1L)) ? last.minusDays(maxDays - 1L) : byDay.firstKey();
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<String> names = List.copyOf(reviewers);
        long[][] counts = new long[names.size()][days.size()];
        for (int d = 0; d < days.size(); d++) {
            Map<String, Long> on = byDay.getOrDefault(days.get(d), Map.of());
            for (int r = 0; r < names.size(); r++) {
                counts[r][d] = on.getOrDefault(names.get(r), 0L);
            }
        }
        return new DailyDecisions(days, names, counts);
    }

    /** A review's counts, agreement and PRISMA figures, and its tag counts. */
    public record Progress(ReviewStats stats, Map<String, Map<String, Long>> tagCounts) {
    }

    @Transactional
    public Progress progress(long id) {
        Review.require(id);
        return new Progress(ReviewStats.of(id), ReviewStats.tagCounts(id));
    }

    /** Members take in new matches of the review's query; so does a lead (an admin, say) who is not a member. */
    @Transactional
    public void requireMayTakeInMatches(long id, Actor viewer) {
        if (members.roleOf(id, viewer).isEmpty() && !members.isLead(Review.require(id), viewer)) {
            throw ScreeningException.forbidden("Only the review's members take in new matches of its query.");
        }
    }

    /** Every review, by name: for a choice of review in a form. */
    @Transactional
    public List<Review> all() {
        return Review.list("order by name, id");
    }
}
