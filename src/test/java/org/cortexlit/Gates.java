package org.cortexlit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.cortexlit.importing.BatchWritten;
import org.cortexlit.search.SearchIndex;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test hold a running import or index rebuild at a known point instead of racing it: while a gate is
 * closed, the thread that reaches it (after a batch, after a rebuild page) waits there until the test opens it.
 */
@Singleton // not a client proxy: tests reach the gates through its fields
public class Gates {

    /** One gate; open unless a test closed it. */
    public static final class Gate {
        private volatile CountDownLatch open = new CountDownLatch(0);
        private volatile CountDownLatch reached = new CountDownLatch(1);

        /** From now on, the next thread to reach the gate waits there. */
        public void close() {
            reached = new CountDownLatch(1);
            open = new CountDownLatch(1);
        }

        /** Lets every waiting thread (and later ones) through. */
        public void open() {
            open.countDown();
        }

        /** Waits until a thread is held at the closed gate. */
        public void awaitReached(Duration timeout) throws InterruptedException {
            if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("nothing reached the gate within " + timeout);
            }
        }

        void pass() {
            CountDownLatch gate = open;
            if (gate.getCount() == 0) {
                return;
            }
            reached.countDown();
            try {
                if (!gate.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("a test closed a gate and never opened it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After each batch of a file import. */
    public final Gate importBatches = new Gate();
    /** After each page of an index rebuild. */
    public final Gate rebuildPages = new Gate();

    void onBatch(@Observes BatchWritten batch) {
        importBatches.pass();
    }

    void onRebuildPage(@Observes SearchIndex.RebuildProgress progress) {
        rebuildPages.pass();
    }

    /** Opens both gates (for an {@code @AfterEach}: a failed test must not leave a thread held). */
    public void openAll() {
        importBatches.open();
        rebuildPages.open();
    }
}
