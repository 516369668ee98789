package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.search.Query;
import org.cortexlit.library.Article;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search within one review: a Lucene filter for the review's records (optionally of one screening status) and
 * the screening-status facet, counting a query's hits by their status in the review.
 */
@ApplicationScoped
public class ReviewScope {

    /** A search's view of a review: its name, the status chosen (or null), the filter, the status counts and the
     * status of each of its records (by article key), for the hits to show. */
    public record Scope(long reviewId, String reviewName, Status status, Query filter, Map<Status, Long> statusCounts,
                        Map<String, Status> statusByKey) {
        public String statusName() {
            return status == null ? "" : status.name();
        }

        /** The screening status of the record of article {@code key} in this review; null when it holds none. */
        public Status statusOf(String key) {
            return statusByKey.get(key);
        }
    }

    private final QueryMatches matches;

    public ReviewScope(QueryMatches matches) {
        this.matches = matches;
    }

    /** @throws ScreeningException naming an unknown review or status */
    public Scope of(long reviewId, String status, String query) throws IOException {
        Status st = Status.parse(status);
        Status fst = st;
        Object[] loaded = Tx.tx(() -> {
            Review r = Review.findById(reviewId);
            if (r == null) {
                throw ScreeningException.notFound("There is no review " + reviewId + ".");
            }
            List<Object[]> rows = Article.getEntityManager().createQuery("select a.pmid, a.id, r.status from ReviewRecord r, "
                    + "Article a where a.id = r.articleId and r.reviewId = :r and r.removed = false", Object[].class)
                    .setParameter("r", reviewId).getResultList();
            return new Object[]{r.name, rows};
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) loaded[1];
        List<String> keys = new ArrayList<>();
        Map<String, Status> statusByKey = new HashMap<>();
        for (Object[] row : rows) {
            String key = row[0] != null ? (String) row[0] : Article.INTERNAL_PREFIX + row[1];
            statusByKey.put(key, (Status) row[2]);
            if (fst == null || row[2] == fst) {
                keys.add(key);
            }
        }
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        if (query != null && !query.isBlank()) {
            try {
                Set<String> hits = new HashSet<>(matches.keys(query, statusByKey.keySet()));
                statusByKey.forEach((key, s) -> {
                    if (hits.contains(key)) {
                        counts.merge(s, 1L, Long::sum);
                    }
                });
            } catch (QuerySyntaxException e) {
                // the search itself reports the query's problem
            }
        }
        return new Scope(reviewId, (String) loaded[0], fst, QueryMatches.byKeys(keys), counts, Map.copyOf(statusByKey));
    }
}
