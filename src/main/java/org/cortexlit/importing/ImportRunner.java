package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.concurrent.Daemons;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.database.Database;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Queues imports and runs them one at a time on a background thread, so a long file never holds an
 * HTTP request and two imports never race on the same PMIDs. Files are first moved to a spool folder
 * under the data dir, which the import owns until it ends.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportService service;
    private final CortexLitConfig config;
    private final Database database;
    private final ExecutorService executor = Daemons.singleThread("cortexlit-import");

    public ImportRunner(ImportService service, CortexLitConfig config, Database database) {
        this.service = service;
        this.config = config;
        this.database = database;
    }

    /**
     * This node's runs left RUNNING by a crash or a kill are marked FAILED so nobody waits for them; the runs of other
     * nodes sharing the database are theirs to finish.
     */
    void onStart(@Observes @Priority(20) StartupEvent event, StartupWork work) {
        work.then("marking interrupted import runs", this::markInterrupted);
    }

    private void markInterrupted() {
        int n = QuarkusTransaction.requiringNew().call(() -> {
            List<ImportRun> stale = ImportRun.list("status = ?1 and (node = ?2 or node is null)", ImportRun.Status.RUNNING,
                    database.nodeName());
            for (ImportRun run : stale) {
                run.status = ImportRun.Status.FAILED;
                run.finishedAt = Instant.now();
                run.message = "Interrupted by a restart of the application; records imported before it are kept. "
                        + (run.savedSearchId != null ? "The saved search's next run resumes where this one stopped."
                        : "Import the file again to complete it.");
            }
            return stale.size();
        });
        if (n > 0) {
            LOG.warnf("Marked %d interrupted import run(s) as FAILED", n);
        }
    }

    /**
     * Before the index and the database close (after only the start's own work has ended): the running import is
     * asked to stop and ends FAILED with what it read kept; queued ones are dropped (their runs are marked at the next
     * start). The import thread is never interrupted, which would close the database's and the index's files under it.
     */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        service.stopAll();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(25, TimeUnit.SECONDS)) {
                LOG.warn("The running import did not stop within 25 s; its run is marked at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A queued or running import. */
    public record Handle(long runId, Future<?> done) {

        /** Waits up to {@code wait}; true when the run finished in that time (a failed run records its failure). */
        public boolean await(Duration wait) {
            return Daemons.awaitEnd(done, wait);
        }
    }

    /** Takes ownership of {@code file} (moved into the spool) and queues its import. */
    public Handle submit(Path file, String fileName, ImportRun.Trigger trigger) {
        long runId = service.start(fileName, trigger);
        Path spooled = spool(runId, file);
        return submitTask(runId, () -> service.execute(runId, spooled), () -> deleteQuietly(spooled));
    }

    /**
     * Queues {@code task}, which runs and completes run {@code runId} on the import thread, then {@code after}
     * (once the run has ended, whatever happened). Whatever escapes the task (an error, even out of memory) ends
     * the run as FAILED instead of leaving it RUNNING, and the thread goes on to the next import.
     */
    public Handle submitTask(long runId, Runnable task, Runnable after) {
        return new Handle(runId, executor.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "Import run %d stopped by %s", runId, e.getClass().getSimpleName());
                try {
                    service.failIfRunning(runId, "The import stopped: " + (e instanceof OutOfMemoryError
                            ? "the server ran out of memory" : "an internal error (" + e.getClass().getSimpleName() + ")")
                            + ". Records imported before are kept; the server log has the details for run " + runId + ".");
                } catch (RuntimeException | Error again) {
                    LOG.errorf(again, "Could not record the failure of import run %d", runId);
                }
            } finally {
                after.run();
            }
        }));
    }

    /** Copies {@code in} into the spool and queues its import. */
    public Handle submit(InputStream in, String fileName, ImportRun.Trigger trigger) throws IOException {
        Path tmp = Files.createTempFile(spoolDir(), "upload-", ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        return submit(tmp, fileName, trigger);
    }

    private Path spool(long runId, Path file) {
        try {
            Path target = spoolDir().resolve("run-" + runId + ".data");
            try {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded file in the spool folder under "
                    + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private Path spoolDir() throws IOException {
        return Files.createDirectories(config.dataDir().resolve("tmp").resolve("spool"));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warnf("Could not delete spooled file %s: %s", p, e.getMessage());
        }
    }
}
