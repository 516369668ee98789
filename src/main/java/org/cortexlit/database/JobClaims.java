package org.cortexlit.database;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Scheduled jobs that must run once per due time however many nodes fire them: the first node to write the row
 * (job, due time) runs the job, the others see the key taken and skip it.
 */
@ApplicationScoped
public class JobClaims {

    private final Database database;
    private final EntityManager em;

    public JobClaims(Database database, EntityManager em) {
        this.database = database;
        this.em = em;
    }

    /** True when this node may run {@code job} for the time it was due ({@code dueAt}, to the second). */
    public boolean claim(String job, Instant dueAt) {
        Instant due = dueAt.truncatedTo(ChronoUnit.SECONDS);
        try {
            return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("insert into job_claim (job, due_at, node, "
                            + "claimed_at) values (?1, ?2, ?3, ?4)").setParameter(1, job).setParameter(2, due)
                    .setParameter(3, database.nodeName()).setParameter(4, Instant.now()).executeUpdate() == 1);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException
                        || (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23"))) {
                    return false;
                }
            }
            throw e;
        }
    }
}
