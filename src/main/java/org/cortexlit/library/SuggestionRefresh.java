package org.cortexlit.library;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.cortexlit.concurrent.Daemons;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.suggest.Suggestions;
import org.cortexlit.suggest.TagSuggester;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the stored suggested tags of the rules in force: an import stores them for every record it writes, and when
 * {@link TagSuggester#VERSION} changes, this recomputes the rows of another version in the background after start,
 * page by page, then records the version as done in {@code suggestion_refresh} (so a start with nothing to do costs
 * one query). Search does not wait for it: the index computes suggestions afresh for a row still of an older version
 * ({@link Article#currentSuggestions()}), and so does the API. The update leaves the article's version alone, so a
 * reviewer tagging the study meanwhile is not told someone changed it. Two nodes starting together may both work
 * through the rows; the result is the same.
 */
@ApplicationScoped
public class SuggestionRefresh {

    private static final Logger LOG = Logger.getLogger(SuggestionRefresh.class);
    private static final int PAGE = 500;

    private final EntityManager em;
    private final SuggestionsColumn column = new SuggestionsColumn();
    private volatile boolean stopping;
    private volatile Thread thread;

    public SuggestionRefresh(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes @Priority(30) StartupEvent event, StartupWork work) {
        work.then("checking the suggested tags' rules", this::refreshWhenStale);
    }

    private void refreshWhenStale() {
        if (isDone()) {
            return;
        }
        thread = Daemons.start("cortexlit-suggestions", () -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.errorf(e, "Recomputing suggested tags failed: %s (the next start tries again)", e.getMessage());
                }
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Whether every stored suggestion is of the current rules. */
    public boolean isDone() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from suggestion_refresh where version = ?1").setParameter(1, TagSuggester.VERSION)
                .getSingleResult()).longValue() > 0);
    }

    /** Waits for a refresh started at start-up (for tests and tools). */
    public void awaitStartupRefresh() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    /**
     * Recomputes every row whose suggestions are missing or of another version, then records the version as done.
     * Returns the number of rows recomputed.
     */
    public long refresh() {
        long started = System.nanoTime();
        long last = 0;
        long count = 0;
        while (!stopping) {
            long from = last;
            List<Article> page = QuarkusTransaction.requiringNew().call(() -> Article.<Article>find(
                    "id > ?1 and (suggestionsVersion is null or suggestionsVersion <> ?2) order by id", from,
                    TagSuggester.VERSION).page(0, PAGE).list());
            if (page.isEmpty()) {
                break;
            }
            List<Object[]> updates = new ArrayList<>(page.size());
            for (Article a : page) {
                Suggestions s = TagSuggester.suggest(a.suggestInput());
                updates.add(new Object[]{column.convertToDatabaseColumn(s), a.id});
                last = a.id;
            }
            write(updates);
            count += page.size();
            if (count % 100_000 < PAGE) {
                LOG.infof("Suggested tags: %d articles recomputed with the rules of version %d", count, TagSuggester.VERSION);
            }
        }
        if (stopping) {
            return count;
        }
        long done = count;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into suggestion_refresh (version, "
                        + "finished_at, articles) select ?1, ?2, ?3 where not exists (select 1 from suggestion_refresh "
                        + "where version = ?1)").setParameter(1, TagSuggester.VERSION)
                .setParameter(2, Timestamp.from(Instant.now())).setParameter(3, done).executeUpdate());
        if (count > 0) {
            LOG.infof("Suggested tags: %d articles recomputed with the rules of version %d in %d ms", count,
                    TagSuggester.VERSION, (System.nanoTime() - started) / 1_000_000);
        }
        return count;
    }

    private void write(List<Object[]> updates) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update article set suggestions_json = ?, suggestions_version = ? where id = ?")) {
                for (Object[] u : updates) {
                    st.setString(1, (String) u[0]);
                    st.setInt(2, TagSuggester.VERSION);
                    st.setLong(3, (Long) u[1]);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }));
    }
}
