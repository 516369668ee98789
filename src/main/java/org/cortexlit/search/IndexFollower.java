package org.cortexlit.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.lucene.document.Document;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.database.Database;
import org.cortexlit.library.Article;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps this node's index in step with what the other nodes sharing the PostgreSQL database change. They write
 * every change to the {@code index_change} table in the transaction that makes it ({@code library.IndexChanges}),
 * with the transaction's id; this follower reads, every {@code cortexlit.node.follow-every}, the rows of the
 * transactions that have ended since it last looked and re-indexes those articles from the database. "Ended" is
 * PostgreSQL's own snapshot horizon ({@code pg_snapshot_xmin}): a transaction that commits late is read when it
 * commits, never skipped, so nothing is missed however the commits interleave, and nothing is read twice. On H2
 * there is one node and nothing to follow.
 */
@ApplicationScoped
public class IndexFollower {

    private static final Logger LOG = Logger.getLogger(IndexFollower.class);
    /** Articles loaded and indexed per step of a catch-up. */
    private static final int STEP = 2000;
    /** Change rows are kept this long; a node down for longer rebuilds its index at its next start. */
    static final Duration RETENTION = Duration.ofDays(1);

    private final SearchIndex index;
    private final Database database;
    private final EntityManager em;
    private volatile Instant lastCaughtUp = Instant.now();

    public IndexFollower(SearchIndex index, Database database, EntityManager em) {
        this.index = index;
        this.database = database;
        this.em = em;
    }

    /** Before the index's own start-up check (priority 10), so the check first catches up. */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        if (database.isPostgres()) {
            index.followWith(this::position, this::follow);
        }
    }

    /** Where the change log stands: every transaction below this id has ended. */
    long position() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)").getSingleResult()).longValue());
    }

    @Scheduled(every = "${cortexlit.node.follow-every}", delayed = "5s", identity = "index-follower",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = StartupWork.NotYet.class)
    void scheduled() {
        if (!database.isPostgres() || index.checking() || index.rebuildProgress() != null) {
            return; // a rebuild reads the database whole; the changes it misses are followed after it
        }
        follow();
    }

    /** Applies every change other nodes committed since the index's position; returns how many articles it touched. */
    public synchronized int follow() {
        long from = index.followed();
        long to = position();
        if (from < 0) {
            // an index with no position yet: from here on (the start-up check has compared it with the database)
            index.applyFollowed(List.of(), List.of(), null, to);
            return 0;
        }
        if (to <= from) {
            lastCaughtUp = Instant.now();
            return 0;
        }
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select distinct article_key "
                        + "from index_change where tx >= ?1 and tx < ?2 and node <> ?3", String.class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, database.nodeName()).getResultList());
        int touched = 0;
        for (int i = 0; i < keys.size(); i += STEP) {
            List<String> step = keys.subList(i, Math.min(keys.size(), i + STEP));
            List<Document> upserts = new ArrayList<>();
            Set<String> removed = new HashSet<>(step);
            Instant[] newest = {null};
            QuarkusTransaction.requiringNew().run(() -> {
                for (Article a : Article.findByKeys(step)) {
                    if (a.visible()) {
                        upserts.add(ArticleDocuments.toDocument(a));
                        removed.remove(a.key());
                    }
                    if (newest[0] == null || (a.updatedAt != null && a.updatedAt.isAfter(newest[0]))) {
                        newest[0] = a.updatedAt;
                    }
                }
            });
            boolean last = i + STEP >= keys.size();
            index.applyFollowed(upserts, removed, newest[0], last ? to : from);
            touched += step.size();
        }
        if (keys.isEmpty()) {
            index.applyFollowed(List.of(), List.of(), null, to);
        }
        lastCaughtUp = Instant.now();
        if (touched > 0) {
            LOG.debugf("Followed %d article change(s) of other nodes", touched);
        }
        return touched;
    }

    /** How far behind the change log the index is: 0 when it caught up at its last look. */
    public Duration lag() {
        if (!database.isPostgres()) {
            return Duration.ZERO;
        }
        Duration since = Duration.between(lastCaughtUp, Instant.now());
        return since.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ZERO : since;
    }

    /** Change rows past their retention are deleted (every node may do it: it is the same delete). */
    @Scheduled(every = "1h", delayed = "10m", identity = "index-change-purge")
    void purge() {
        if (database.isPostgres()) {
            int n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from index_change where created_at < ?1")
                    .setParameter(1, Instant.now().minus(RETENTION)).executeUpdate());
            LOG.debugf("Deleted %d change row(s) older than %s", n, RETENTION);
        }
    }
}
