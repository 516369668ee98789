package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.library.Article;
import org.cortexlit.library.DuplicateRules;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Fills the DOI and title keys of articles stored before deduplication existed (the V5 migration adds the
 * columns; SQL cannot compute the Java normalisation). Runs once at start-up, in pages; a no-op afterwards.
 * It leaves {@code updated_at} alone: the keys change nothing search shows.
 */
@ApplicationScoped
public class DuplicateKeys {

    private static final Logger LOG = Logger.getLogger(DuplicateKeys.class);
    private static final int PAGE = 1000;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        int filled = 0;
        long lastId = 0;
        while (true) {
            long from = lastId;
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Article.getEntityManager()
                    .createQuery("select a.id, a.doi, a.title from Article a where a.titleKey is null and a.id > ?1 order by a.id",
                            Object[].class)
                    .setParameter(1, from).setMaxResults(PAGE).getResultList());
            if (rows.isEmpty()) {
                break;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object[] row : rows) {
                    Article.getEntityManager()
                            .createQuery("update Article a set a.doiKey = ?1, a.titleKey = ?2 where a.id = ?3")
                            .setParameter(1, DuplicateRules.doiKey((String) row[1]))
                            .setParameter(2, DuplicateRules.titleKey((String) row[2]))
                            .setParameter(3, row[0]).executeUpdate();
                }
            });
            filled += rows.size();
            lastId = (Long) rows.get(rows.size() - 1)[0];
        }
        if (filled > 0) {
            LOG.infof("Deduplication keys filled for %d articles stored before deduplication existed", filled);
        }
    }
}
