package org.cortexlit.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cortexlit.database.Database;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;

/**
 * The outbox other nodes' indexes follow: a change to what search shows of an article (created, updated,
 * withdrawn, tagged, split) is written here in the transaction that makes it, with this node's name and, on
 * PostgreSQL, the transaction's id. The node that made the change indexes it itself; the others read these rows
 * ({@code search.IndexFollower}). On H2 there is one node and nothing to write.
 */
@ApplicationScoped
public class IndexChanges {

    private final Database database;
    private final EntityManager em;

    public IndexChanges(Database database, EntityManager em) {
        this.database = database;
        this.em = em;
    }

    /** Records that the articles {@code keys} changed; call inside the transaction that changes them. */
    public void record(Collection<String> keys) {
        if (keys.isEmpty() || !database.isPostgres()) {
            return;
        }
        String node = database.nodeName();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(c -> {
            long tx;
            try (PreparedStatement q = c.prepareStatement("select cast(cast(pg_current_xact_id() as text) as bigint)");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                tx = rs.getLong(1);
            }
            try (PreparedStatement ins = c.prepareStatement("insert into index_change (id, article_key, node, tx, created_at) "
                    + "values (nextval('index_change_seq'), ?, ?, ?, ?)")) {
                for (String key : keys) {
                    ins.setString(1, key);
                    ins.setString(2, node);
                    ins.setLong(3, tx);
                    ins.setTimestamp(4, now);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        });
    }
}
