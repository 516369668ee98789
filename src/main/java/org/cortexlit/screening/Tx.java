package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import org.cortexlit.library.Article;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Transactions of the screening services: each change in its own transaction, a concurrent change to the same
 * record turned into a message a person can act on, retried once where that is safe.
 */
final class Tx {

    private static final Logger LOG = Logger.getLogger(Tx.class);

    private Tx() {
    }

    /** {@code work} in its own transaction; a concurrent change becomes a conflict with a message, not a 500. */
    static <T> T guarded(String what, Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            if (Tx.isConcurrentChange(e)) {
                throw ScreeningException.conflict("Someone else changed " + what + " at the same moment; nothing of "
                        + "yours was saved. Reload and try again.");
            }
            throw e;
        }
    }

    static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }

    /** Runs {@code work} again once when another person's change to the same record won the race. */
    static <T> T retryOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!Tx.isConcurrentChange(e)) {
                throw e;
            }
            LOG.debugf("Concurrent change, retrying once: %s", e.getMessage());
            try {
                return work.get();
            } catch (RuntimeException again) {
                if (Tx.isConcurrentChange(again)) {
                    throw ScreeningException.conflict("Someone else changed this record at the same moment; your "
                            + "decision was not saved. Look at it again and decide.");
                }
                throw again;
            }
        }
    }

    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    static void forceNewVersion(ReviewRecord rec) {
        Article.getEntityManager().lock(rec, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
}
