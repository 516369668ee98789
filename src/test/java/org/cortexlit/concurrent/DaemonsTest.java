package org.cortexlit.concurrent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's background threads: named daemons, and waiting for their work without hanging. */
class DaemonsTest {

    @Test
    void threadsAreNamedDaemonsWithTheirPriority() throws Exception {
        Thread low = Daemons.named("cortexlit-test", Thread.NORM_PRIORITY - 1).newThread(() -> { });
        assertEquals("cortexlit-test", low.getName());
        assertTrue(low.isDaemon());
        assertEquals(Thread.NORM_PRIORITY - 1, low.getPriority());

        AtomicReference<Thread> ran = new AtomicReference<>();
        Daemons.start("cortexlit-started", () -> ran.set(Thread.currentThread())).join(5_000);
        assertEquals("cortexlit-started", ran.get().getName());
        assertTrue(ran.get().isDaemon());

        ExecutorService single = Daemons.singleThread("cortexlit-single");
        try {
            Thread worker = single.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            assertEquals("cortexlit-single", worker.getName());
            assertTrue(worker.isDaemon());
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void awaitEndSaysWhetherTheWorkEndedInTheWait() {
        assertTrue(Daemons.awaitEnd(CompletableFuture.completedFuture(null), Duration.ofSeconds(1)));
        assertTrue(Daemons.awaitEnd(CompletableFuture.failedFuture(new IllegalStateException("recorded")),
                Duration.ofSeconds(1)), "a failure is an end: the work records its own");

        Future<?> never = new CompletableFuture<>();
        assertFalse(Daemons.awaitEnd(never, Duration.ofMillis(20)));
        assertFalse(Daemons.awaitEnd(never, Duration.ZERO), "zero wait only looks");
        assertTrue(Daemons.awaitEnd(CompletableFuture.completedFuture(null), Duration.ZERO));
    }

    @Test
    void anInterruptedWaiterStopsWaitingAndKeepsItsInterrupt() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Boolean> answer = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            waiting.countDown();
            answer.set(Daemons.awaitEnd(new CompletableFuture<>(), Duration.ofMinutes(5)));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        waiting.await();
        waiter.interrupt();
        waiter.join(10_000);
        assertFalse(waiter.isAlive());
        assertEquals(Boolean.FALSE, answer.get());
        assertEquals(Boolean.TRUE, stillInterrupted.get());
    }
}
