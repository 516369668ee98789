package org.cortexlit.screening;

import org.cortexlit.search.QueryMatches;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.cortexlit.accounts.User;
import org.cortexlit.library.Article;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.query.QuerySyntaxException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reviews and title/abstract screening: creating and editing reviews, filling their queues from a query,
 * the next record for a reviewer, decisions, undo, conflicts and their resolution. Every change is a
 * {@link ReviewEvent}; records carry a version, so two people acting on one record at once never lose a
 * decision silently (the later one is retried once, then told what happened).
 */
@ApplicationScoped
public class Screening {

    private static final Logger LOG = Logger.getLogger(Screening.class);

    private final QueryMatches matches;
    private final org.cortexlit.search.SimilarArticles similar;
    private final io.micrometer.core.instrument.MeterRegistry registry;

    public Screening(QueryMatches matches, org.cortexlit.search.SimilarArticles similar,
                     io.micrometer.core.instrument.MeterRegistry registry) {
        this.matches = matches;
        this.similar = similar;
        this.registry = registry;
    }

    // ---------------------------------------------------------------- reviews

    public Review create(ReviewForm form, Actor actor) {
        if (!actor.editor()) {
            throw ScreeningException.forbidden("Only reviewers and admins create reviews.");
        }
        Review review = tx(() -> {
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
        syncQuery(review.id);
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
        guarded("these settings", () -> {
            Review r = review(reviewId);
            requireLead(r, actor);
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
                restatusAll(r);
            }
            return null;
        });
        syncQuery(reviewId);
    }

    private static String summary(Review r) {
        return "name=" + r.name + "; mode=" + r.mode + "; query=" + (r.query == null ? "" : r.query)
                + "; reasons=" + String.join(" | ", r.reasons());
    }

    private void apply(Review r, ReviewForm f, boolean creating) {
        String name = trim(f.name());
        if (name == null) {
            throw ScreeningException.invalid("A review needs a name.");
        }
        if (name.length() > 300) {
            throw ScreeningException.invalid("A review name has at most 300 characters.");
        }
        r.name = name;
        r.question = limit(trim(f.question()), 4000, "The question");
        r.inclusionCriteria = limit(trim(f.inclusionCriteria()), 8000, "The inclusion criteria");
        r.exclusionCriteria = limit(trim(f.exclusionCriteria()), 8000, "The exclusion criteria");
        r.includeWords = limit(trim(f.includeWords()), 8000, "The include words");
        r.excludeWords = limit(trim(f.excludeWords()), 8000, "The exclude words");
        String reasons = trim(f.exclusionReasons());
        r.exclusionReasons = limit(reasons == null && creating ? String.join("\n", Review.DEFAULT_REASONS)
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
        r.tagVocabulary = checkVocabulary(trim(f.tagVocabulary()));
        String mode = trim(f.mode());
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
        String query = trim(f.query());
        if (query != null) {
            try {
                matches.check(query);
            } catch (QuerySyntaxException e) {
                throw ScreeningException.invalid("The review's query cannot be run: " + e.getMessage());
            }
        }
        r.query = limit(query, 8000, "The query");
    }

    private static String checkVocabulary(String text) {
        if (text == null) {
            return null;
        }
        for (String line : Review.lines(text)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || TagDimension.byKey(line.substring(0, colon)).isEmpty()) {
                throw ScreeningException.invalid("Each tag line reads 'dimension: value, value' with a dimension among "
                        + java.util.Arrays.stream(TagDimension.values()).map(d -> d.key).toList() + "; this one does not: '"
                        + line + "'.");
            }
        }
        return limit(text, 8000, "The tag values");
    }

    public Review review(long id) {
        Review r = Review.findById(id);
        if (r == null) {
            throw ScreeningException.notFound("There is no review " + id + ".");
        }
        return r;
    }

    public List<Review> reviews() {
        return tx(() -> Review.<Review>list("order by name, id"));
    }

    // ---------------------------------------------------------------- members

    public void addMember(long reviewId, String username, String role, Actor actor) {
        tx(() -> {
            Review r = review(reviewId);
            requireLead(r, actor);
            String name = trim(username);
            User user = name == null ? null : User.findByUsername(name).orElse(null);
            if (user == null) {
                throw ScreeningException.invalid("There is no user called '" + username + "'. An admin adds users on the Users page.");
            }
            if (User.READER.equals(user.role)) {
                throw ScreeningException.invalid(name + " is a reader: readers search and read but never screen. "
                        + "An admin can make them a reviewer first.");
            }
            ReviewMember.Role newRole;
            try {
                newRole = ReviewMember.Role.valueOf((role == null ? "REVIEWER" : role.trim()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScreeningException.invalid("A member is a lead or a reviewer, not '" + role + "'.");
            }
            ReviewMember m = ReviewMember.find(reviewId, name).orElse(null);
            if (m != null && m.role == ReviewMember.Role.LEAD && newRole != ReviewMember.Role.LEAD
                    && ReviewMember.count("reviewId = ?1 and role = ?2", reviewId, ReviewMember.Role.LEAD) == 1) {
                throw ScreeningException.invalid("A review keeps at least one lead; make someone else lead first.");
            }
            String before = m == null ? null : m.role.name();
            if (m == null) {
                m = new ReviewMember();
                m.reviewId = reviewId;
                m.username = name;
            }
            m.role = newRole;
            m.persist();
            ReviewEvent.record(reviewId, null, actor.name(), ReviewEvent.Kind.MEMBER, before == null ? null : name + " " + before,
                    name + " " + newRole);
            return null;
        });
    }

    public void removeMember(long reviewId, String username, Actor actor) {
        tx(() -> {
            Review r = review(reviewId);
            requireLead(r, actor);
            ReviewMember m = ReviewMember.find(reviewId, username)
                    .orElseThrow(() -> ScreeningException.notFound(username + " is not a member of this review."));
            if (m.role == ReviewMember.Role.LEAD && ReviewMember.count("reviewId = ?1 and role = ?2", reviewId,
                    ReviewMember.Role.LEAD) == 1) {
                throw ScreeningException.invalid("A review keeps at least one lead; make someone else lead first.");
            }
            m.delete();
            ReviewEvent.record(reviewId, null, actor.name(), ReviewEvent.Kind.MEMBER, username + " " + m.role, null);
            return null;
        });
    }

    /** The actor's role in the review, if a member. */
    public Optional<ReviewMember.Role> roleOf(long reviewId, Actor actor) {
        return ReviewMember.find(reviewId, actor.name()).map(m -> m.role);
    }

    public boolean isLead(Review r, Actor actor) {
        return actor.admin() || roleOf(r.id, actor).filter(role -> role == ReviewMember.Role.LEAD).isPresent();
    }

    private void requireLead(Review r, Actor actor) {
        if (!isLead(r, actor)) {
            throw ScreeningException.forbidden("Only the review's lead (or an admin) can do this.");
        }
    }

    private void requireScreener(Review r, Actor actor) {
        if (!actor.editor() || roleOf(r.id, actor).isEmpty()) {
            throw ScreeningException.forbidden("Only members of this review screen it; the lead adds members on "
                    + "the review's page.");
        }
    }

    // ---------------------------------------------------------------- records

    /** Adds every searchable article the review's query matches and the review does not hold yet. */
    public int syncQuery(long reviewId) {
        return syncQuery(reviewId, null);
    }

    /**
     * As {@link #syncQuery(long)}, looking only among {@code among} (article keys; null for the whole corpus): after
     * an import run only the articles it touched can be new matches.
     */
    private int syncQuery(long reviewId, java.util.Collection<String> among) {
        Review r = tx(() -> review(reviewId));
        if (r.query == null) {
            return 0;
        }
        List<String> pmids;
        try {
            pmids = matches.keys(r.query, among);
        } catch (QuerySyntaxException | IOException e) {
            LOG.warnf("Review %d: its query cannot be run (%s)", reviewId, e.getMessage());
            return 0;
        }
        int added = 0;
        for (int from = 0; from < pmids.size(); from += 1000) {
            List<String> chunk = pmids.subList(from, Math.min(pmids.size(), from + 1000));
            added += tx(() -> addArticles(reviewId, chunk, ReviewRecord.Origin.QUERY));
        }
        if (added > 0) {
            int n = added;
            tx(() -> ReviewEvent.record(reviewId, null, "query", ReviewEvent.Kind.ADDED, null,
                    n + " record(s) matching the review's query"));
            LOG.infof("Review %d: %d new record(s) from its query", reviewId, added);
        }
        return added;
    }

    /**
     * Every review with a query takes in the articles import run {@code runId} created, updated or restored that
     * match it: the run's own articles are searched, never the whole corpus again.
     */
    public void syncRun(long runId) {
        List<Review> withQuery = tx(() -> Review.<Review>list("query is not null"));
        if (withQuery.isEmpty()) {
            return;
        }
        List<String> touched = tx(() -> Article.getEntityManager().createQuery("select distinct a from ArticleEvent e, "
                        + "Article a where a.id = e.articleId and e.runId = :run and e.action in (:actions)", Article.class)
                .setParameter("run", runId).setParameter("actions", List.of(org.cortexlit.library.ArticleEvent.Action.CREATED,
                        org.cortexlit.library.ArticleEvent.Action.UPDATED, org.cortexlit.library.ArticleEvent.Action.RESTORED))
                .getResultList().stream().filter(Article::visible).map(Article::key).toList());
        if (touched.isEmpty()) {
            return;
        }
        for (Review r : withQuery) {
            try {
                syncQuery(r.id, touched);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Review %d: could not add the new records matching its query", r.id);
            }
        }
    }

    private static int addArticles(long reviewId, List<String> keys, ReviewRecord.Origin origin) {
        EntityManager em = Article.getEntityManager();
        List<Long> ids = Article.findByKeys(keys).stream().filter(Article::visible).map(a -> a.id).sorted().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        Set<Long> present = new HashSet<>(em.createQuery("select r.articleId from ReviewRecord r where r.reviewId = :r "
                + "and r.articleId in :ids", Long.class).setParameter("r", reviewId).setParameter("ids", ids).getResultList());
        Instant now = Instant.now();
        int added = 0;
        for (Long id : ids) {
            if (present.add(id)) {
                ReviewRecord rec = new ReviewRecord();
                rec.reviewId = reviewId;
                rec.articleId = id;
                rec.origin = origin;
                rec.addedAt = now;
                rec.persist();
                added++;
            }
        }
        return added;
    }

    /** What adding records by hand did: added, already there (restored if removed), and PMIDs not in the corpus. */
    public record AddResult(int added, int restored, int already, List<String> unknown) {
    }

    public AddResult addByPmid(long reviewId, String pmidText, Actor actor) {
        List<String> pmids = new ArrayList<>();
        for (String token : (pmidText == null ? "" : pmidText).split("[\\s,;]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.matches("\\d{1,9}")) {
                pmids.add(token.replaceFirst("^0+(?=\\d)", ""));
            } else if (Article.internalId(token) != null) {
                pmids.add(Article.canonicalKey(token));
            } else {
                throw ScreeningException.invalid("'" + token + "' is not a PMID (digits) or a CortexLit id (CL and digits); "
                        + "nothing was added.");
            }
        }
        if (pmids.isEmpty()) {
            throw ScreeningException.invalid("Give one or more PMIDs, separated by spaces, commas or new lines.");
        }
        if (pmids.size() > 10_000) {
            throw ScreeningException.invalid("At most 10,000 PMIDs at a time; use the review's query for more.");
        }
        return guarded("this review's records", () -> {
            Review r = review(reviewId);
            requireLead(r, actor);
            Map<String, Long> byPmid = new LinkedHashMap<>();
            Article.findByKeys(pmids).forEach(a -> byPmid.put(a.key(), a.id));
            List<String> unknown = pmids.stream().filter(p -> !byPmid.containsKey(p)).distinct().toList();
            int added = 0, restored = 0, already = 0;
            // one query for the records already there, not one per PMID (each would also flush the session)
            Map<Long, ReviewRecord> present = new java.util.HashMap<>();
            if (!byPmid.isEmpty()) {
                ReviewRecord.<ReviewRecord>list("reviewId = ?1 and articleId in ?2", reviewId, List.copyOf(byPmid.values()))
                        .forEach(x -> present.put(x.articleId, x));
            }
            for (Map.Entry<String, Long> e : byPmid.entrySet()) {
                ReviewRecord rec = present.get(e.getValue());
                if (rec == null) {
                    rec = new ReviewRecord();
                    rec.reviewId = reviewId;
                    rec.articleId = e.getValue();
                    rec.origin = ReviewRecord.Origin.MANUAL;
                    rec.addedAt = Instant.now();
                    rec.persist();
                    ReviewEvent.record(reviewId, rec.id, actor.name(), ReviewEvent.Kind.ADDED, null, "PMID " + e.getKey() + " by hand");
                    added++;
                } else if (rec.removed) {
                    rec.removed = false;
                    ReviewEvent.record(reviewId, rec.id, actor.name(), ReviewEvent.Kind.RESTORED, "removed", "in the review");
                    restored++;
                } else {
                    already++;
                }
            }
            return new AddResult(added, restored, already, unknown);
        });
    }

    public void remove(long reviewId, long recordId, Actor actor) {
        tx(() -> {
            Review r = review(reviewId);
            requireLead(r, actor);
            ReviewRecord rec = record(reviewId, recordId);
            if (!rec.removed) {
                rec.removed = true;
                ReviewEvent.record(reviewId, recordId, actor.name(), ReviewEvent.Kind.REMOVED, "in the review", "removed");
            }
            return null;
        });
    }

    public ReviewRecord record(long reviewId, long recordId) {
        ReviewRecord rec = ReviewRecord.findById(recordId);
        if (rec == null || rec.reviewId != reviewId) {
            throw ScreeningException.notFound("Review " + reviewId + " has no record " + recordId + ".");
        }
        return rec;
    }

    // ---------------------------------------------------------------- screening

    /**
     * The next record {@code actor} should screen: the first waiting one after {@code afterId} (where a skip
     * left off), wrapping round to the start, so skipped records come back only after the rest; empty when done.
     */
    public Optional<ReviewRecord> next(long reviewId, Actor actor, long afterId) {
        Optional<ReviewRecord> next = nextAfter(reviewId, actor, afterId);
        return next.isPresent() || afterId <= 0 ? next : nextAfter(reviewId, actor, 0);
    }

    /**
     * Where {@code actor} starts in the queue. In single mode every record needs one decision from anyone, so
     * members who all took the lowest record would keep colliding ("screened meanwhile"); each starts at their
     * own share of the queue instead (members in name order), and the wrap-round brings the rest later. In
     * dual mode everyone decides every record, so everyone starts at the beginning.
     */
    public long startFor(long reviewId, Actor actor) {
        return tx(() -> {
            Review r = review(reviewId);
            if (r.isDual()) {
                return 0L;
            }
            List<String> members = ReviewMember.of(reviewId).stream().map(m -> m.username).sorted().toList();
            int k = members.indexOf(actor.name());
            if (k <= 0 || members.size() < 2) {
                return 0L;
            }
            long waiting = Article.getEntityManager().createQuery("select count(r) from ReviewRecord r where "
                    + "r.reviewId = :r and r.removed = false and r.decisionCount = 0 and r.resolvedBy is null", Long.class)
                    .setParameter("r", reviewId).getSingleResult();
            int offset = (int) (waiting * k / members.size());
            List<Long> at = Article.getEntityManager().createQuery("select r.id from ReviewRecord r where r.reviewId = :r "
                            + "and r.removed = false and r.decisionCount = 0 and r.resolvedBy is null order by r.id", Long.class)
                    .setParameter("r", reviewId).setFirstResult(Math.max(0, offset - 1)).setMaxResults(1).getResultList();
            return offset == 0 || at.isEmpty() ? 0L : at.get(0);
        });
    }

    private Optional<ReviewRecord> nextAfter(long reviewId, Actor actor, long afterId) {
        return tx(() -> {
            Review r = review(reviewId);
            return ReviewRecord.<ReviewRecord>find("from ReviewRecord r where r.reviewId = ?1 and r.removed = false "
                            + "and r.decisionCount < ?2 and r.status <> ?3 and r.resolvedBy is null and r.id > ?4 "
                            + "and not exists (select 1 from "
                            + "ScreeningDecision d where d.recordId = r.id and d.reviewer = ?5) order by r.id",
                    reviewId, r.decisionsNeeded(), Status.CONFLICT, afterId, actor.name())
                    .firstResultOptional();
        });
    }

    /** How many records still wait for {@code actor}. */
    public long remaining(long reviewId, Actor actor) {
        return tx(() -> {
            Review r = review(reviewId);
            return Article.getEntityManager().createQuery("select count(r) from ReviewRecord r where r.reviewId = :r "
                            + "and r.removed = false and r.decisionCount < :n and r.status <> :c and r.resolvedBy is null "
                            + "and not exists (select 1 "
                            + "from ScreeningDecision d where d.recordId = r.id and d.reviewer = :me)", Long.class)
                    .setParameter("r", reviewId).setParameter("n", r.decisionsNeeded()).setParameter("c", Status.CONFLICT)
                    .setParameter("me", actor.name()).getSingleResult();
        });
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
        return retryOnce(() -> tx(() -> {
            Review r = review(reviewId);
            requireScreener(r, actor);
            ReviewRecord rec = record(reviewId, recordId);
            if (rec.removed) {
                throw ScreeningException.invalid("This record was removed from the review; nothing was saved.");
            }
            if (rec.resolvedBy != null) {
                throw ScreeningException.conflict("The lead (" + rec.resolvedBy + ") has already settled this record as "
                        + rec.finalDecision.label() + "; your decision was not saved.");
            }
            String why = d == Decision.EXCLUDE ? reason(r, reason) : null;
            String n = limit(trim(note), 4000, "The note");
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
            forceNewVersion(rec); // a decision always moves the record on, even when its status stays
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
        String given = trim(reason);
        if (reasons.isEmpty()) {
            return limit(given, 300, "The reason");
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
        return retryOnce(() -> tx(() -> {
            Review r = review(reviewId);
            requireScreener(r, actor);
            ScreeningDecision last = ScreeningDecision.find("reviewId = ?1 and reviewer = ?2 order by decidedAt desc, id desc",
                    reviewId, actor.name()).firstResult();
            if (last == null) {
                return Optional.<Long>empty();
            }
            ReviewRecord rec = record(reviewId, last.recordId);
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
            forceNewVersion(rec);
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
        guarded("this record", () -> {
            Review r = review(reviewId);
            requireLead(r, actor);
            ReviewRecord rec = record(reviewId, recordId);
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
            rec.resolutionNote = limit(trim(note), 4000, "The note");
            rec.resolvedBy = actor.name();
            rec.resolvedAt = Instant.now();
            rec.status = Status.of(d);
            forceNewVersion(rec);
            ReviewEvent.record(reviewId, recordId, actor.name(), ReviewEvent.Kind.RESOLVED, before,
                    d.label() + (rec.finalReason == null ? "" : " (" + rec.finalReason + ")")
                            + (rec.resolutionNote == null ? "" : ": " + rec.resolutionNote));
            return null;
        });
    }

    public void unblind(long reviewId, Actor actor) {
        tx(() -> {
            Review r = review(reviewId);
            requireLead(r, actor);
            if (r.blind) {
                r.blind = false;
                ReviewEvent.record(reviewId, null, actor.name(), ReviewEvent.Kind.UNBLINDED, "blind", "unblinded");
            }
            return null;
        });
    }

    private static void restatus(Review r, ReviewRecord rec) {
        List<Decision> ds = ScreeningDecision.<ScreeningDecision>list("recordId = ?1 order by decidedAt, id", rec.id)
                .stream().map(x -> x.decision).toList();
        rec.status = ScreeningRules.status(r.mode, ds, rec.resolvedBy == null ? null : rec.finalDecision);
        rec.decisionCount = ds.size();
    }

    private static void restatusAll(Review r) {
        for (ReviewRecord rec : ReviewRecord.<ReviewRecord>list("reviewId = ?1 and decisionCount > 0", r.id)) {
            restatus(r, rec);
        }
    }

    // ---------------------------------------------------------------- discovery

    /** Studies the most recent included records are built from (MoreLikeThis over more adds little). */
    static final int SIMILAR_SEED = 200;

    /**
     * Articles like the review's included studies (title words double, abstract, MeSH) that the review does
     * not hold yet: what its Boolean query may have missed. Empty until something is included.
     */
    public List<org.cortexlit.search.SearchService.Hit> moreLikeIncluded(long reviewId, int size) throws IOException {
        List<String> seed = tx(() -> {
            review(reviewId);
            return Article.getEntityManager().createQuery("select a.pmid, a.id from ReviewRecord r, Article a where "
                            + "a.id = r.articleId and r.reviewId = :r and r.removed = false and r.status = :s order by r.id desc",
                    Object[].class).setParameter("r", reviewId).setParameter("s", Status.INCLUDED).setMaxResults(SIMILAR_SEED)
                    .getResultList().stream().map(row -> row[0] != null ? (String) row[0] : Article.INTERNAL_PREFIX + row[1])
                    .toList();
        });
        if (seed.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> held = new HashSet<>(tx(() -> Article.getEntityManager()
                .createQuery("select r.articleId from ReviewRecord r where r.reviewId = :r", Long.class)
                .setParameter("r", reviewId).getResultList()));
        java.util.Map<String, Long> idsByKey = new java.util.HashMap<>();
        List<org.cortexlit.search.SearchService.Hit> hits = similar.similarToAll(seed, 100);
        tx(() -> {
            Article.findByKeys(hits.stream().map(org.cortexlit.search.SearchService.Hit::key).toList())
                    .forEach(a -> idsByKey.put(a.key(), a.id));
            return null;
        });
        return hits.stream().filter(h -> idsByKey.containsKey(h.key()) && !held.contains(idsByKey.get(h.key())))
                .limit(Math.max(1, Math.min(size, 100))).toList();
    }

    // ---------------------------------------------------------------- plumbing

    private static void forceNewVersion(ReviewRecord rec) {
        Article.getEntityManager().lock(rec, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /** New imports join the queues of the reviews whose query they match. */
    void onRunIndexed(@jakarta.enterprise.event.Observes org.cortexlit.importing.RunIndexed event) {
        try {
            routeSavedSearch(event.runId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %d: could not put its records in its saved search's review", event.runId());
        }
        syncRun(event.runId());
    }

    /**
     * A run of a saved search that names a review puts every article it created or updated in that review's
     * queue (origin SEARCH), whether or not the review's own query matches it.
     */
    public int routeSavedSearch(long runId) {
        return tx(() -> {
            org.cortexlit.importing.ImportRun run = org.cortexlit.importing.ImportRun.findById(runId);
            if (run == null || run.savedSearchId == null) {
                return 0;
            }
            org.cortexlit.importing.SavedSearch search = org.cortexlit.importing.SavedSearch.findById(run.savedSearchId);
            if (search == null || search.reviewId == null || Review.findById(search.reviewId) == null) {
                return 0;
            }
            List<String> keys = Article.getEntityManager().createQuery("select distinct a from ArticleEvent e, Article a "
                            + "where a.id = e.articleId and e.runId = :run and e.action in (:created, :updated)", Article.class)
                    .setParameter("run", runId)
                    .setParameter("created", org.cortexlit.library.ArticleEvent.Action.CREATED)
                    .setParameter("updated", org.cortexlit.library.ArticleEvent.Action.UPDATED)
                    .getResultList().stream().map(Article::key).toList();
            int added = 0;
            for (int from = 0; from < keys.size(); from += 1000) {
                added += addArticles(search.reviewId, keys.subList(from, Math.min(keys.size(), from + 1000)),
                        ReviewRecord.Origin.SEARCH);
            }
            if (added > 0) {
                ReviewEvent.record(search.reviewId, null, "saved search", ReviewEvent.Kind.ADDED, null,
                        added + " record(s) from the saved search '" + search.name + "' (import run " + runId + ")");
                LOG.infof("Review %d: %d record(s) from saved search %d, run %d", search.reviewId, added, search.id, runId);
            }
            return added;
        });
    }

    /** {@code work} in its own transaction; a concurrent change becomes a conflict with a message, not a 500. */
    static <T> T guarded(String what, Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            if (isConcurrentChange(e)) {
                throw ScreeningException.conflict("Someone else changed " + what + " at the same moment; nothing of "
                        + "yours was saved. Reload and try again.");
            }
            throw e;
        }
    }

    static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }

    /** Runs {@code work} again once when another person's change to the same record won the race. */
    private static <T> T retryOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!isConcurrentChange(e)) {
                throw e;
            }
            LOG.debugf("Concurrent change, retrying once: %s", e.getMessage());
            try {
                return work.get();
            } catch (RuntimeException again) {
                if (isConcurrentChange(again)) {
                    throw ScreeningException.conflict("Someone else changed this record at the same moment; your "
                            + "decision was not saved. Look at it again and decide.");
                }
                throw again;
            }
        }
    }

    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static String limit(String s, int max, String what) {
        if (s != null && s.length() > max) {
            throw ScreeningException.invalid(what + " has at most " + max + " characters (it has " + s.length() + ").");
        }
        return s;
    }
}
