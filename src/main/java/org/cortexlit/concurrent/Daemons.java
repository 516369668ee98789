package org.cortexlit.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The application's own threads: named {@code cortexlit-…} so a thread dump says whose they are, and daemons so none
 * of them keeps the JVM alive once Quarkus has shut down (each owner stops its work in its shutdown observer).
 */
public final class Daemons {

    private Daemons() {
    }

    /** Makes daemon threads with this name. */
    public static ThreadFactory named(String name) {
        return named(name, Thread.NORM_PRIORITY);
    }

    /** Makes daemon threads with this name and priority (below normal for work that should yield to requests). */
    public static ThreadFactory named(String name, int priority) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    /** One daemon thread that runs its tasks in order. */
    public static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /**
     * Waits up to {@code wait} (zero: not at all) for work handed to a daemon; true when it ended in that time, by
     * failure too (the work records its own), false when it goes on or the waiting thread is interrupted.
     */
    public static boolean awaitEnd(Future<?> done, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return done.isDone();
        }
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Starts {@code task} on a new daemon thread of this name. */
    public static Thread start(String name, Runnable task) {
        Thread t = named(name).newThread(task);
        t.start();
        return t;
    }
}
