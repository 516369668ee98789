package org.cortexlit.concurrent;

import org.cortexlit.config.CortexLitConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start's own work: in order, on its own thread or the caller's, and a stop that lets the task under way end. */
class StartupWorkTest {

    private static CortexLitConfig config(boolean background) {
        CortexLitConfig.Start start = (CortexLitConfig.Start) Proxy.newProxyInstance(StartupWorkTest.class.getClassLoader(),
                new Class<?>[]{CortexLitConfig.Start.class}, (p, m, a) -> switch (m.getName()) {
                    case "background" -> background;
                    case "requestWait" -> Duration.ofSeconds(60);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (CortexLitConfig) Proxy.newProxyInstance(StartupWorkTest.class.getClassLoader(),
                new Class<?>[]{CortexLitConfig.class}, (p, m, a) -> {
                    if (m.getName().equals("start")) {
                        return start;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void inTheBackgroundTasksRunInOrderOnTheirThreadAndThenTheWorkIsDone() throws Exception {
        StartupWork work = new StartupWork(config(true));
        List<String> ran = new CopyOnWriteArrayList<>();
        work.then("first", () -> ran.add("first on " + Thread.currentThread().getName()));
        work.then("second", () -> ran.add("second on " + Thread.currentThread().getName()));
        work.sealed(null);
        work.whenDone().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(work.isDone());
        assertEquals(List.of("first on cortexlit-start", "second on cortexlit-start"), ran);
        assertThrows(IllegalStateException.class, () -> work.then("late", () -> { }), "nothing is handed over after");
    }

    @Test
    void withoutTheBackgroundEachTaskRunsOnTheCaller() {
        StartupWork work = new StartupWork(config(false));
        List<String> ran = new CopyOnWriteArrayList<>();
        work.then("only", () -> ran.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName()), ran);
        work.sealed(null);
        assertTrue(work.isDone());
    }

    @Test
    void aStopWaitsForTheTaskUnderWayAndLeavesTheRestToTheNextStart() throws Exception {
        StartupWork work = new StartupWork(config(true));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        work.then("slow", () -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("slow");
            throw new IllegalStateException("closed under it"); // as a task whose resources a stop closes
        });
        work.then("after", () -> ran.add("after"));
        work.sealed(null);
        running.await(10, TimeUnit.SECONDS);

        Thread stopper = new Thread(() -> {
            try {
                work.onStop(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        stopper.join(200);
        assertTrue(stopper.isAlive(), "the stop waits for the task under way");
        release.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());
        assertEquals(List.of("slow"), ran, "the task after it is left to the next start");
        assertFalse(work.isDone(), "a stopped start's work is not done, and not failed either");
        assertFalse(work.whenDone().toCompletableFuture().isCompletedExceptionally());
    }
}
