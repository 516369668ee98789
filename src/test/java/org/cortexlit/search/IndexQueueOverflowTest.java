package org.cortexlit.search;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index queue's overflow: a batch with no room, or handed over after the stop, runs in the caller. */
class IndexQueueOverflowTest {

    @Test
    void aBatchTheFullQueueCannotTakeRunsInTheCaller() throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                SearchIndex.RUN_IN_CALLER);
        CountDownLatch release = new CountDownLatch(1);
        try {
            executor.execute(() -> await(release)); // the worker is busy
            executor.execute(() -> { });            // the queue is full
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            executor.execute(() -> ranOn.set(Thread.currentThread()));
            assertEquals(Thread.currentThread(), ranOn.get(), "the overflowing batch ran at once, in the caller");
        } finally {
            release.countDown();
            executor.shutdown();
        }
    }

    @Test
    void aBatchHandedOverAfterTheStopStillRuns() throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                SearchIndex.RUN_IN_CALLER);
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        executor.execute(() -> ranOn.set(Thread.currentThread()));
        assertEquals(Thread.currentThread(), ranOn.get(), "CallerRunsPolicy would have dropped it silently");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
