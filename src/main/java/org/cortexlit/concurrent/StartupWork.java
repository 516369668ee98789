package org.cortexlit.concurrent;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.cortexlit.config.CortexLitConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The start's own work, done in the order it is handed over (the start-up observers' priorities): creating the
 * first admin, opening the search index, marking runs a crash interrupted. With {@code cortexlit.start.background}
 * it runs on one thread of its own after the HTTP server opens, so the sign-in page answers while Hibernate finishes
 * its start; until it ends, other requests wait ({@code web/StartGate}), the jobs that import or read the index skip
 * their turn ({@link NotYet}) and {@code /q/health/ready} says so. A failure stops the application, as a failure
 * during a synchronous start does.
 */
@ApplicationScoped
public class StartupWork {

    private static final Logger LOG = Logger.getLogger(StartupWork.class);

    private final boolean background;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private ExecutorService thread;
    private long startedNanos;
    private volatile boolean stopping;

    public StartupWork(CortexLitConfig config) {
        this.background = config.start().background();
    }

    /**
     * Runs {@code task} after the work handed over before it: on the start's thread, or at once on the caller's when
     * the start is not in the background (a failure then fails the start itself).
     *
     * @param what what the task does, for the log when it fails ("creating the first admin")
     */
    public synchronized void then(String what, Runnable task) {
        if (done.isDone()) {
            throw new IllegalStateException("the start's work has ended; " + what + " comes too late");
        }
        if (!background) {
            task.run();
            return;
        }
        if (thread == null) {
            thread = Daemons.singleThread("cortexlit-start");
            startedNanos = System.nanoTime();
        }
        thread.execute(() -> {
            if (done.isDone() || stopping) {
                return; // an earlier task failed, or the application is stopping: the next start does it
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (stopping) {
                    LOG.infof("The start's work ended unfinished at %s: the application is stopping", what);
                    return;
                }
                LOG.errorf(e, "CortexLit cannot start: %s failed: %s", what, e.getMessage());
                done.completeExceptionally(new IllegalStateException(what + " failed: " + e.getMessage(), e));
                Quarkus.asyncExit(1);
            }
        });
    }

    /** After every other start-up observer: what they handed over is all there is. */
    synchronized void sealed(@Observes @Priority(100_000) StartupEvent event) {
        if (thread == null) {
            done.complete(null);
            return;
        }
        thread.execute(() -> {
            if (!stopping && done.complete(null)) { // a stop left tasks undone: not done, nor failed
                LOG.infof("Start-up work done in %d ms, the server answering the sign-in page meanwhile",
                        (System.nanoTime() - startedNanos) / 1_000_000);
            }
        });
        thread.shutdown();
    }

    /**
     * A stop during the start's work (before every other shutdown observer): the task under way ends first, so
     * nothing the others close is opened meanwhile; the tasks after it are left to the next start.
     */
    void onStop(@Observes @Priority(0) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        ExecutorService t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.shutdown();
            if (!t.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("The start's work still runs after %d s; stopping without it", STOP_WAIT_SECONDS);
            }
        }
    }

    static final long STOP_WAIT_SECONDS = 30;

    /** True once the start's work has ended well. */
    public boolean isDone() {
        return done.isDone() && !done.isCompletedExceptionally();
    }

    /** Completes when the start's work has ended; exceptionally when it failed (the application is then stopping). */
    public CompletionStage<Void> whenDone() {
        return done.minimalCompletionStage();
    }

    /** For {@code @Scheduled(skipExecutionIf = StartupWork.NotYet.class)}: a job's turn before the start's work ended
     * is skipped (the next turn runs). */
    @Singleton
    public static class NotYet implements Scheduled.SkipPredicate {

        private final StartupWork work;

        public NotYet(StartupWork work) {
            this.work = work;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !work.isDone();
        }
    }

    /** {@code /q/health/ready}: not ready while the start's work runs, so a load balancer waits for it. */
    @Readiness
    @ApplicationScoped
    public static class Health implements HealthCheck {

        private final StartupWork work;

        public Health(StartupWork work) {
            this.work = work;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("start-up").status(work.isDone()).build();
        }
    }
}
