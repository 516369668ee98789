package org.cortexlit.screening;

import org.cortexlit.search.QueryMatches;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.cortexlit.library.Article;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a review's records a list, the API or an export wants: by status and by a query in the corpus's
 * syntax (tags included), in the review's order. Page, API and export share it so they always agree.
 */
public final class RecordFilter {

    /** A record with its article. */
    public record Item(ReviewRecord record, Article article) {
    }

    private final long reviewId;
    private final Status status;
    private final List<Long> articleIds;

    private RecordFilter(long reviewId, Status status, List<Long> articleIds) {
        this.reviewId = reviewId;
        this.status = status;
        this.articleIds = articleIds;
    }

    /**
     * @throws ScreeningException (invalid) naming the bad status or the query's problem
     */
    public static RecordFilter of(long reviewId, String status, String query, QueryMatches matches) {
        Status st = Status.parse(status);
        List<Long> ids = null;
        if (query != null && !query.isBlank()) {
            try {
                // the review's own articles that the query matches: never more than the review holds, however
                // much of the corpus matches
                java.util.Set<String> keys = new java.util.HashSet<>(matches.keys(query));
                ids = keys.isEmpty() ? List.of(-1L) : Tx.tx(() -> Article.getEntityManager()
                        .createQuery("select r.articleId, a.pmid from ReviewRecord r, Article a where a.id = r.articleId "
                                + "and r.reviewId = :r", Object[].class).setParameter("r", reviewId).getResultList().stream()
                        .filter(row -> keys.contains(row[1] != null ? (String) row[1] : Article.INTERNAL_PREFIX + row[0]))
                        .map(row -> (Long) row[0]).toList());
                if (ids.isEmpty()) {
                    ids = List.of(-1L);
                }
            } catch (QuerySyntaxException e) {
                throw ScreeningException.invalid("The filter query cannot be run: " + e.getMessage());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new RecordFilter(reviewId, st, ids);
    }

    private String where() {
        StringBuilder w = new StringBuilder("r.reviewId = :r");
        if (status != null) {
            w.append(" and r.status = :s and r.removed = false");
        }
        if (articleIds != null) {
            w.append(" and r.articleId in :a");
        }
        return w.toString();
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> q) {
        q.setParameter("r", reviewId);
        if (status != null) {
            q.setParameter("s", status);
        }
        if (articleIds != null) {
            q.setParameter("a", articleIds);
        }
        return q;
    }

    /** Call inside a transaction. */
    public long count() {
        EntityManager em = Article.getEntityManager();
        return bind(em.createQuery("select count(r) from ReviewRecord r where " + where(), Long.class)).getSingleResult();
    }

    /** One page (1-based), inside a transaction. */
    public List<Item> page(int page, int size) {
        EntityManager em = Article.getEntityManager();
        List<Item> out = new ArrayList<>();
        for (Object[] row : bind(em.createQuery("select r, a from ReviewRecord r, Article a where a.id = r.articleId and "
                + where() + " order by r.id", Object[].class)).setFirstResult((int) Math.min(Integer.MAX_VALUE, (Math.max(1L, page) - 1) * size))
                .setMaxResults(size).getResultList()) {
            out.add(new Item((ReviewRecord) row[0], (Article) row[1]));
        }
        return out;
    }

    /** The article keys of the first {@code max} records, in the review's order, inside a transaction. */
    public List<String> keys(int max) {
        EntityManager em = Article.getEntityManager();
        List<String> out = new ArrayList<>();
        for (Object[] row : bind(em.createQuery("select a.pmid, a.id from ReviewRecord r, Article a where a.id = r.articleId and "
                + where() + " order by r.id", Object[].class)).setMaxResults(max).getResultList()) {
            out.add(row[0] != null ? (String) row[0] : Article.INTERNAL_PREFIX + row[1]);
        }
        return out;
    }

    /** The ids of the first {@code max} records still in the review (removed ones left out), in order. */
    public List<Long> recordIds(int max) {
        EntityManager em = Article.getEntityManager();
        return bind(em.createQuery("select r.id from ReviewRecord r where " + where() + " and r.removed = false order by r.id",
                Long.class)).setMaxResults(max).getResultList();
    }

    public String statusName() {
        return status == null ? "" : status.name();
    }
}
