package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.document.Document;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleEvent;
import org.cortexlit.library.DuplicateRules;
import org.cortexlit.library.DuplicateSplit;
import org.cortexlit.library.IndexChanges;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.SearchIndex;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Duplicate groups (a kept article and the records linked to it), splitting a wrong pair, and the PRISMA
 * counts that follow from them. The linking itself happens during imports ({@link DuplicateFinder}).
 */
@ApplicationScoped
public class Duplicates {

    private final SearchIndex index;
    private final IndexChanges changes;

    public Duplicates(SearchIndex index, IndexChanges changes) {
        this.index = index;
        this.changes = changes;
    }

    /** Where a stored record came from: the run that first stored it. */
    public record Origin(Long runId, String source, String format, String trigger) {

        static Origin of(Long runId) {
            ImportRun r = runId == null ? null : ImportRun.findById(runId);
            return r == null ? new Origin(runId, null, null, null)
                    : new Origin(r.id, r.source, r.format, r.trigger == null ? null : r.trigger.name());
        }
    }

    /** One record of a group, as the page and the JSON show it. */
    public record Member(String key, String pmid, String doi, String title, Integer year, String firstAuthor,
                         DuplicateRules.Rule rule, Origin origin) {

        static Member of(Article a) {
            String first = a.authors.isEmpty() ? null : a.authors.get(0).searchName();
            return new Member(a.key(), a.pmid, a.doi, a.title, a.year, first, a.duplicateRule, Origin.of(a.originRunId));
        }
    }

    /** A kept article and the records linked to it as its duplicates. */
    public record Group(Member kept, List<Member> duplicates) {
    }

    /** A page of groups, newest links first, and how many groups and linked records there are in all. */
    public record Page(List<Group> groups, long groupCount, long linkedCount, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (groupCount + size - 1) / size);
        }
    }

    /** Groups of page {@code page} (1-based), {@code size} groups each. */
    public Page groups(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long groupCount = Article.getEntityManager()
                    .createQuery("select count(distinct a.duplicateOf) from Article a where a.duplicateOf is not null", Long.class)
                    .getSingleResult();
            List<Long> keptIds = Article.getEntityManager()
                    .createQuery("select a.duplicateOf from Article a where a.duplicateOf is not null "
                            + "group by a.duplicateOf order by max(a.id) desc, a.duplicateOf desc", Long.class)
                    .setFirstResult((int) Math.min(Integer.MAX_VALUE, (page - 1L) * size)).setMaxResults(size).getResultList();
            Map<Long, List<Member>> linked = new LinkedHashMap<>();
            keptIds.forEach(id -> linked.put(id, new ArrayList<>()));
            if (!keptIds.isEmpty()) {
                for (Article a : Article.<Article>list("duplicateOf in ?1 order by id", keptIds)) {
                    linked.get(a.duplicateOf).add(Member.of(a));
                }
            }
            List<Group> groups = new ArrayList<>();
            for (Map.Entry<Long, List<Member>> e : linked.entrySet()) {
                groups.add(new Group(Member.of(Article.findById(e.getKey())), e.getValue()));
            }
            return new Page(groups, groupCount, Article.countLinkedDuplicates(), page, size);
        });
    }

    /** Why a split cannot be done: a person can act on the message. */
    public static class SplitRefused extends RuntimeException {
        public final boolean notFound;

        SplitRefused(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }
    }

    /** A split's outcome: the record {@code key} is an article of its own again, no longer linked to {@code from}. */
    public record Split(String key, String from) {
    }

    /**
     * Makes the linked record {@code key} an article of its own, searchable, and remembers that it is not a
     * duplicate of the article it was linked to, so no later import links the two again.
     *
     * @param by who split it (a user name), or null
     * @return the split record's key and the key of the article it was linked to
     * @throws SplitRefused when there is no such record or it is not linked
     */
    public Split split(String key, String by) {
        record Done(String key, String from, Document doc, Instant at) {
        }
        Done done = QuarkusTransaction.requiringNew().call(() -> {
            Article a = Article.findByKey(key)
                    .orElseThrow(() -> new SplitRefused("No record " + key + " in the corpus.", true));
            if (a.duplicateOf == null) {
                throw new SplitRefused("Record " + a.key() + " is not linked to another article: nothing to split.", false);
            }
            Article kept = Article.findById(a.duplicateOf);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            DuplicateSplit s = new DuplicateSplit();
            s.articleId = a.id;
            s.fromId = a.duplicateOf;
            s.rule = a.duplicateRule;
            s.splitAt = now;
            s.splitBy = by;
            s.persist();
            a.duplicateOf = null;
            a.duplicateRule = null;
            a.updatedAt = now;
            ArticleEvent.of(a, null, ArticleEvent.Action.SPLIT, now).persist();
            changes.record(List.of(a.key()));
            return new Done(a.key(), kept.key(), a.withdrawn ? null : ArticleDocuments.toDocument(a), now);
        });
        // after the commit, as imports do: the database is the truth, the index follows it
        index.apply(done.doc() == null ? List.of() : List.of(done.doc()), List.of(), done.at());
        index.commit();
        return new Split(done.key(), done.from());
    }

    /** Records identified from one source (all records its runs first stored, linked ones included). */
    public record SourceCount(String source, String format, String trigger, long records, long duplicates) {
    }

    /**
     * PRISMA's identification box for the whole corpus: records identified per source (import source, format
     * and trigger of the run that first stored each record), duplicates removed (records linked to another),
     * and records left after duplicates are removed. Withdrawn citations are not counted.
     */
    public record Prisma(List<SourceCount> identified, long identifiedTotal, long duplicatesRemoved,
                         long afterDuplicatesRemoved) {
    }

    public Prisma prisma() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = Article.getEntityManager().createQuery(
                    "select r.source, r.format, r.trigger, count(a), "
                            + "sum(case when a.duplicateOf is not null then 1 else 0 end) "
                            + "from Article a left join ImportRun r on r.id = a.originRunId where a.withdrawn = false "
                            + "group by r.source, r.format, r.trigger order by count(a) desc, r.source", Object[].class)
                    .getResultList();
            List<SourceCount> identified = new ArrayList<>();
            long total = 0;
            long duplicates = 0;
            for (Object[] row : rows) {
                long n = ((Number) row[3]).longValue();
                long d = row[4] == null ? 0 : ((Number) row[4]).longValue();
                identified.add(new SourceCount((String) row[0], (String) row[1],
                        row[2] == null ? null : ((ImportRun.Trigger) row[2]).name(), n, d));
                total += n;
                duplicates += d;
            }
            return new Prisma(identified, total, duplicates, total - duplicates);
        });
    }
}
