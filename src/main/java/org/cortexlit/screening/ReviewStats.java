package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.library.Article;
import org.cortexlit.library.TagDimension;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A review's progress and agreement, counted by the database: records by status, decisions by reviewer,
 * conflicts open and resolved, Cohen's kappa per pair of reviewers, exclusion reasons, and PRISMA 2020's
 * title-and-abstract counts.
 */
public record ReviewStats(long records, long removed, Map<Status, Long> byStatus,
                          Map<String, Map<Decision, Long>> byReviewer, long conflictsOpen, long conflictsResolved,
                          List<Agreement.Pair> agreement, Map<String, Long> exclusionReasons, Prisma prisma) {

    /**
     * PRISMA 2020 counts at the title/abstract stage. {@code identified} is per source: the file or saved PubMed
     * search whose import first stored each record, or "added by hand", with the duplicates linked to the review's
     * records counted under their own source; {@code duplicatesRemoved} counts those duplicates. {@code screened}
     * counts the records whose screening is settled (included, maybe or excluded) and {@code awaiting} the rest:
     * unscreened, awaiting a second decision, or in conflict, so the two add up to the review's records.
     */
    public record Prisma(Map<String, Long> identified, long identifiedTotal, long duplicatesRemoved, long removedByHand,
                         long screened,
                         long excluded, long included, long maybe, long awaiting) {
        /** Records sought for full-text retrieval: the included ones and the maybes. */
        public long sought() {
            return included + maybe;
        }
    }

    public long count(Status s) {
        return byStatus.getOrDefault(s, 0L);
    }

    /** How many of the review's records carry each tag value, per dimension (dimensions in DOMAIN.md's order). */
    public static Map<String, Map<String, Long>> tagCounts(long reviewId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            for (TagDimension d : TagDimension.values()) {
                out.put(d.key, new LinkedHashMap<>());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Article.getEntityManager().createNativeQuery("select t.dimension, t.tag_value, count(*) "
                    + "from review_record r join article_tag t on t.article_id = r.article_id where r.review_id = ?1 "
                    + "and r.removed = false group by t.dimension, t.tag_value order by count(*) desc, t.tag_value")
                    .setParameter(1, reviewId).getResultList();
            for (Object[] row : rows) {
                Map<String, Long> values = out.get((String) row[0]);
                if (values != null) {
                    values.put((String) row[1], ((Number) row[2]).longValue());
                }
            }
            out.values().removeIf(Map::isEmpty);
            return out;
        });
    }

    /** One reviewer's decisions, for the progress table. */
    public record ReviewerRow(String reviewer, long include, long maybe, long exclude) {
    }

    public List<ReviewerRow> reviewers() {
        return byReviewer.entrySet().stream().map(e -> new ReviewerRow(e.getKey(),
                e.getValue().getOrDefault(Decision.INCLUDE, 0L), e.getValue().getOrDefault(Decision.MAYBE, 0L),
                e.getValue().getOrDefault(Decision.EXCLUDE, 0L))).toList();
    }

    public long unscreened() {
        return count(Status.UNSCREENED);
    }

    public long awaitingSecond() {
        return count(Status.AWAITING_SECOND);
    }

    public long included() {
        return count(Status.INCLUDED);
    }

    public long maybe() {
        return count(Status.MAYBE);
    }

    public long excluded() {
        return count(Status.EXCLUDED);
    }

    public long settled() {
        return count(Status.INCLUDED) + count(Status.EXCLUDED) + count(Status.MAYBE);
    }

    public int percentSettled() {
        return records == 0 ? 0 : (int) (settled() * 100 / records);
    }

    public static ReviewStats of(long reviewId) {
        return QuarkusTransaction.joiningExisting().call(() -> compute(reviewId));
    }

    private static ReviewStats compute(long reviewId) {
        EntityManager em = Article.getEntityManager();
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0L);
        }
        long records = 0;
        for (Object[] row : em.createQuery("select r.status, count(r) from ReviewRecord r where r.reviewId = :r "
                + "and r.removed = false group by r.status", Object[].class).setParameter("r", reviewId).getResultList()) {
            byStatus.put((Status) row[0], (Long) row[1]);
            records += (Long) row[1];
        }
        long removed = em.createQuery("select count(r) from ReviewRecord r where r.reviewId = :r and r.removed = true", Long.class)
                .setParameter("r", reviewId).getSingleResult();

        // While a dual review is blind, a record with one decision must not show up in anyone's counts: watching
        // a colleague's "exclude" count rise would tell their vote.
        Review review = Review.findById(reviewId);
        int minDecisions = review != null && review.isDual() && review.blind ? 2 : 1;
        Map<String, Map<Decision, Long>> byReviewer = new TreeMap<>();
        for (Object[] row : em.createQuery("select d.reviewer, d.decision, count(d) from ScreeningDecision d, ReviewRecord r "
                        + "where d.recordId = r.id and r.removed = false and d.reviewId = :r and r.decisionCount >= :min "
                        + "group by d.reviewer, d.decision",
                Object[].class).setParameter("r", reviewId).setParameter("min", minDecisions).getResultList()) {
            byReviewer.computeIfAbsent((String) row[0], k -> new EnumMap<>(Decision.class)).put((Decision) row[1], (Long) row[2]);
        }

        long resolved = em.createQuery("select count(r) from ReviewRecord r where r.reviewId = :r and r.removed = false "
                + "and r.resolvedBy is not null", Long.class).setParameter("r", reviewId).getSingleResult();

        Map<Long, Map<String, Decision>> votes = new HashMap<>();
        for (Object[] row : em.createQuery("select d.recordId, d.reviewer, d.decision from ScreeningDecision d, ReviewRecord r "
                        + "where d.recordId = r.id and r.removed = false and r.reviewId = :r and r.decisionCount >= 2",
                Object[].class).setParameter("r", reviewId).getResultList()) {
            votes.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((String) row[1], (Decision) row[2]);
        }

        // The reason that counts is the final one: the lead's when resolved, else the (agreeing) reviewers' first.
        // counted here, not grouped in SQL: a group by a correlated subquery is not portable between H2 and PostgreSQL
        Map<String, Long> counted = new HashMap<>();
        for (String reason : em.createQuery("select coalesce(r.finalReason, (select min(d.reason) from ScreeningDecision d "
                        + "where d.recordId = r.id and d.decision = :ex)) from ReviewRecord r where r.reviewId = :r "
                        + "and r.removed = false and r.status = :excluded", String.class)
                .setParameter("r", reviewId).setParameter("ex", Decision.EXCLUDE).setParameter("excluded", Status.EXCLUDED)
                .getResultList()) {
            counted.merge(reason == null ? "(no reason)" : reason, 1L, Long::sum);
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        counted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> reasons.put(e.getKey(), e.getValue()));

        // one row per source, as PRISMA 2020 asks: each file or saved search whose import first stored the article
        Map<String, Long> identified = new TreeMap<>();
        for (Object[] row : em.createQuery("select r.origin, i.trigger, i.fileName, count(r) from ReviewRecord r join Article a on "
                        + "a.id = r.articleId left join ImportRun i on i.id = a.originRunId where r.reviewId = :r "
                        + "group by r.origin, i.trigger, i.fileName", Object[].class)
                .setParameter("r", reviewId).getResultList()) {
            String source = row[0] == ReviewRecord.Origin.MANUAL ? "added by hand"
                    : sourceName((ImportRun.Trigger) row[1], (String) row[2]);
            identified.merge(source, (Long) row[3], Long::sum);
        }
        long identifiedTotal = identified.values().stream().mapToLong(Long::longValue).sum();

        long excluded = byStatus.get(Status.EXCLUDED);
        long included = byStatus.get(Status.INCLUDED);
        long maybe = byStatus.get(Status.MAYBE);
        long awaiting = byStatus.get(Status.UNSCREENED) + byStatus.get(Status.AWAITING_SECOND) + byStatus.get(Status.CONFLICT);
        // the duplicates an import linked to the review's records were identified too, each from its own source
        long duplicates = 0;
        for (Object[] row : em.createQuery("select i.trigger, i.fileName, count(a) from Article a left join ImportRun i on "
                        + "i.id = a.originRunId where a.duplicateOf in (select r.articleId from ReviewRecord r where "
                        + "r.reviewId = :r and r.removed = false) group by i.trigger, i.fileName", Object[].class)
                .setParameter("r", reviewId).getResultList()) {
            identified.merge(sourceName((ImportRun.Trigger) row[0], (String) row[1]), (Long) row[2], Long::sum);
            duplicates += (Long) row[2];
        }
        identifiedTotal += duplicates;
        Prisma prisma = new Prisma(identified, identifiedTotal, duplicates, removed, excluded + included + maybe, excluded, included,
                maybe, awaiting);
        return new ReviewStats(records, removed, byStatus, byReviewer, byStatus.get(Status.CONFLICT), resolved,
                Agreement.pairs(votes), reasons, prisma);
    }

    /** A source as PRISMA's identification box names it: the file, or the saved PubMed search, an import read. */
    private static String sourceName(ImportRun.Trigger trigger, String fileName) {
        if (trigger == null) {
            return "other (no import recorded)";
        }
        return switch (trigger) {
            case UPLOAD -> fileName + " (uploaded file)";
            case INBOX -> fileName + " (inbox folder)";
            case SCHEDULE, MANUAL -> fileName; // "PubMed search: <its name>"
        };
    }
}
