package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.RunIndexed;
import org.cortexlit.importing.SavedSearch;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleEvent;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.SimilarArticles;
import org.cortexlit.search.query.QuerySyntaxException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records a review holds: those its query matches (now, and after each import run among what the run touched),
 * those a saved search routes to it, those added by PMID, and suggestions of what its query may have missed.
 */
@ApplicationScoped
public class ReviewRecords {

    private static final Logger LOG = Logger.getLogger(ReviewRecords.class);

    private final QueryMatches matches;
    private final SimilarArticles similar;
    private final ReviewMembers members;

    public ReviewRecords(QueryMatches matches, SimilarArticles similar, ReviewMembers members) {
        this.matches = matches;
        this.similar = similar;
        this.members = members;
    }

    /** Adds every searchable article the review's query matches and the review does not hold yet. */
    public int syncQuery(long reviewId) {
        return syncQuery(reviewId, null);
    }

    /**
     * As {@link #syncQuery(long)}, looking only among {@code among} (article keys; null for the whole corpus): after
     * an import run only the articles it touched can be new matches.
     */
    private int syncQuery(long reviewId, Collection<String> among) {
        Review r = Tx.tx(() -> Review.require(reviewId));
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
            added += Tx.tx(() -> addArticles(reviewId, chunk, ReviewRecord.Origin.QUERY));
        }
        if (added > 0) {
            int n = added;
            Tx.tx(() -> ReviewEvent.record(reviewId, null, "query", ReviewEvent.Kind.ADDED, null,
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
        List<Review> withQuery = Tx.tx(() -> Review.<Review>list("query is not null"));
        if (withQuery.isEmpty()) {
            return;
        }
        List<String> touched = Tx.tx(() -> Article.getEntityManager().createQuery("select distinct a from ArticleEvent e, "
                        + "Article a where a.id = e.articleId and e.runId = :run and e.action in (:actions)", Article.class)
                .setParameter("run", runId).setParameter("actions", List.of(ArticleEvent.Action.CREATED,
                        ArticleEvent.Action.UPDATED, ArticleEvent.Action.RESTORED))
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

    /**
     * The highest record number of the review so far, with the review locked until the transaction ends: two
     * transactions adding records to one review (an import's query sync, a lead adding by hand) number them in turn.
     */
    private static int lastNumber(long reviewId) {
        EntityManager em = Article.getEntityManager();
        // plain FOR UPDATE: Hibernate's PostgreSQL dialect writes FOR NO KEY UPDATE, which H2 does not take
        em.createNativeQuery("select id from review where id = ?1 for update").setParameter(1, reviewId).getResultList();
        Integer last = em.createQuery("select max(r.number) from ReviewRecord r where r.reviewId = :r", Integer.class)
                .setParameter("r", reviewId).getSingleResult();
        return last == null ? 0 : last;
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
        int number = lastNumber(reviewId);
        for (Long id : ids) {
            if (present.add(id)) {
                ReviewRecord rec = new ReviewRecord();
                rec.reviewId = reviewId;
                rec.number = ++number;
                rec.articleId = id;
                rec.origin = origin;
                rec.addedAt = now;
                rec.persist();
                added++;
            }
        }
        return added;
    }

    /**
     * What adding records by hand did: added, already there (restored if removed), PMIDs not in the corpus, and the
     * entries that are neither a PMID nor a CortexLit id, each with the reason.
     */
    public record AddResult(int added, int restored, int already, List<String> unknown, List<Rejected> rejected) {
    }

    /** An entry of a list of PMIDs that names no record, and why. */
    public record Rejected(String entry, String reason) {
    }

    /** The longest PMID taken: PubMed's are 8 digits today, so a ninth leaves room to grow and a tenth is a typo. */
    static final int PMID_MAX_DIGITS = 9;

    /** Why {@code token} is not a PMID or a CortexLit id, or null when it is one. */
    static String notAKey(String token) {
        if (token.matches("\\d+")) {
            String digits = token.replaceFirst("^0+", "");
            if (digits.isEmpty()) {
                return "not a PMID: PMIDs start at 1";
            }
            return digits.length() > PMID_MAX_DIGITS ? "not a PMID: more than " + PMID_MAX_DIGITS + " digits" : null;
        }
        if (Article.internalId(token) != null) {
            return null;
        }
        return "not a PMID (digits) or a CortexLit id (CL and digits)";
    }

    /**
     * Adds the records a person listed by PMID or CortexLit id: the entries that name an article of the corpus are
     * added, whatever is wrong with the others, which come back with their reasons.
     */
    public AddResult addByPmid(long reviewId, String pmidText, Actor actor) {
        List<String> pmids = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        boolean given = false;
        for (String token : (pmidText == null ? "" : pmidText).split("[\\s,;]+")) {
            if (token.isEmpty()) {
                continue;
            }
            given = true;
            String why = notAKey(token);
            if (why != null) {
                rejected.add(new Rejected(token, why));
            } else if (token.matches("\\d+")) {
                pmids.add(token.replaceFirst("^0+(?=\\d)", ""));
            } else {
                pmids.add(Article.canonicalKey(token));
            }
        }
        if (!given) {
            throw ScreeningException.invalid("Give one or more PMIDs, separated by spaces, commas or new lines.");
        }
        if (pmids.size() > 10_000) {
            throw ScreeningException.invalid("At most 10,000 PMIDs at a time; use the review's query for more.");
        }
        return Tx.guarded("this review's records", () -> {
            Review r = Review.require(reviewId);
            members.requireLead(r, actor);
            Map<String, Long> byPmid = new LinkedHashMap<>();
            if (!pmids.isEmpty()) {
                Article.findByKeys(pmids).forEach(a -> byPmid.put(a.key(), a.id));
            }
            List<String> unknown = pmids.stream().filter(p -> !byPmid.containsKey(p)).distinct().toList();
            int added = 0, restored = 0, already = 0;
            // one query for the records already there, not one per PMID (each would also flush the session)
            Map<Long, ReviewRecord> present = new HashMap<>();
            if (!byPmid.isEmpty()) {
                ReviewRecord.<ReviewRecord>list("reviewId = ?1 and articleId in ?2", reviewId, List.copyOf(byPmid.values()))
                        .forEach(x -> present.put(x.articleId, x));
            }
            int number = byPmid.isEmpty() ? 0 : lastNumber(reviewId);
            for (Map.Entry<String, Long> e : byPmid.entrySet()) {
                ReviewRecord rec = present.get(e.getValue());
                if (rec == null) {
                    rec = new ReviewRecord();
                    rec.reviewId = reviewId;
                    rec.number = ++number;
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
            return new AddResult(added, restored, already, unknown, List.copyOf(rejected));
        });
    }

    public void remove(long reviewId, long recordId, Actor actor) {
        Tx.tx(() -> {
            Review r = Review.require(reviewId);
            members.requireLead(r, actor);
            ReviewRecord rec = record(reviewId, recordId);
            if (!rec.removed) {
                rec.removed = true;
                ReviewEvent.record(reviewId, recordId, actor.name(), ReviewEvent.Kind.REMOVED, "in the review", "removed");
            }
            return null;
        });
    }

    public ReviewRecord record(long reviewId, long recordId) {
        return ReviewRecord.require(reviewId, recordId);
    }

    /** Studies the most recent included records are built from (MoreLikeThis over more adds little). */
    static final int SIMILAR_SEED = 200;

    /**
     * Articles like the review's included studies (title words double, abstract, MeSH) that the review does
     * not hold yet: what its Boolean query may have missed. Empty until something is included.
     */
    public List<SearchService.Hit> moreLikeIncluded(long reviewId, int size) throws IOException {
        List<String> seed = Tx.tx(() -> {
            Review.require(reviewId);
            return Article.getEntityManager().createQuery("select a.pmid, a.id from ReviewRecord r, Article a where "
                            + "a.id = r.articleId and r.reviewId = :r and r.removed = false and r.status = :s order by r.id desc",
                    Object[].class).setParameter("r", reviewId).setParameter("s", Status.INCLUDED).setMaxResults(SIMILAR_SEED)
                    .getResultList().stream().map(row -> row[0] != null ? (String) row[0] : Article.INTERNAL_PREFIX + row[1])
                    .toList();
        });
        if (seed.isEmpty()) {
            return List.of();
        }
        Set<Long> held = new HashSet<>(Tx.tx(() -> Article.getEntityManager()
                .createQuery("select r.articleId from ReviewRecord r where r.reviewId = :r", Long.class)
                .setParameter("r", reviewId).getResultList()));
        Map<String, Long> idsByKey = new HashMap<>();
        List<SearchService.Hit> hits = similar.similarToAll(seed, 100);
        Tx.tx(() -> {
            Article.findByKeys(hits.stream().map(SearchService.Hit::key).toList())
                    .forEach(a -> idsByKey.put(a.key(), a.id));
            return null;
        });
        return hits.stream().filter(h -> idsByKey.containsKey(h.key()) && !held.contains(idsByKey.get(h.key())))
                .limit(Math.max(1, Math.min(size, 100))).toList();
    }

    /** New imports join the queues of the reviews whose query they match. */
    void onRunIndexed(@Observes RunIndexed event) {
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
        return Tx.tx(() -> {
            ImportRun run = ImportRun.findById(runId);
            if (run == null || run.savedSearchId == null) {
                return 0;
            }
            SavedSearch search = SavedSearch.findById(run.savedSearchId);
            if (search == null || search.reviewId == null || Review.findById(search.reviewId) == null) {
                return 0;
            }
            List<String> keys = Article.getEntityManager().createQuery("select distinct a from ArticleEvent e, Article a "
                            + "where a.id = e.articleId and e.runId = :run and e.action in (:created, :updated)", Article.class)
                    .setParameter("run", runId)
                    .setParameter("created", ArticleEvent.Action.CREATED)
                    .setParameter("updated", ArticleEvent.Action.UPDATED)
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
}
