package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.config.CortexLitConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox folder: files dropped there are imported on a schedule, in name order (so PubMed update files
 * apply in sequence and later versions and deletions win), then moved to {@code processed/} or
 * {@code failed/} with a short report beside them. A file is taken only once its size and modification
 * time have stayed the same across two scans and for {@code cortexlit.inbox.settle}, so a file still
 * being copied is never imported half done.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final CortexLitConfig config;
    private final ImportService imports;
    private final ImportRunner runner;
    /** What each waiting file looked like at the previous scan. */
    private final Map<Path, Snapshot> seen = new HashMap<>();

    private record Snapshot(long size, FileTime modified) {
    }

    private boolean recovered;

    public Inbox(CortexLitConfig config, ImportService imports, ImportRunner runner) {
        this.config = config;
        this.imports = imports;
        this.runner = runner;
    }

    public Path dir() {
        return config.inbox().dir().orElse(config.dataDir().resolve("inbox"));
    }

    @Scheduled(every = "${cortexlit.inbox.every}", identity = "inbox", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void scan() {
        try {
            Path inbox = Files.createDirectories(dir());
            Path working = Files.createDirectories(inbox.resolve(".importing"));
            if (!recovered) {
                // files a crash or a stop left half imported go back into the queue; re-imports are idempotent
                try (DirectoryStream<Path> left = Files.newDirectoryStream(working)) {
                    for (Path p : left) {
                        Files.move(p, free(inbox, p.getFileName().toString()));
                        LOG.warnf("Inbox: %s was left half imported by the last stop; it will be imported again", p.getFileName());
                    }
                }
                recovered = true;
            }
            for (Path file : ready(inbox)) {
                Path taken = working.resolve(file.getFileName());
                Files.move(file, taken, StandardCopyOption.ATOMIC_MOVE); // never picked twice
                String name = file.getFileName().toString();
                long runId = imports.start(name, ImportRun.Trigger.INBOX, "inbox: " + name, null, null);
                // the import thread runs these in submission order: name order across the folder
                runner.submitTask(runId, () -> {
                    imports.execute(runId, taken);
                    file(taken, runId);
                });
                LOG.infof("Inbox: importing %s as run %d", name, runId);
            }
        } catch (IOException e) {
            LOG.errorf(e, "Inbox: cannot scan %s", dir());
        }
    }

    /** Files whose size and time have settled, in name order; dot files and partial downloads are ignored. */
    private List<Path> ready(Path inbox) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(inbox)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && !n.endsWith(".part") && !n.endsWith(".tmp")
                        && !n.endsWith(".crdownload")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        Instant settledBefore = Instant.now().minus(config.inbox().settle());
        List<Path> ready = new ArrayList<>();
        boolean blocked = false;
        Map<Path, Snapshot> now = new HashMap<>();
        for (Path p : files) {
            Snapshot s = new Snapshot(Files.size(p), Files.getLastModifiedTime(p));
            now.put(p, s);
            boolean settled = s.equals(seen.get(p)) && s.modified().toInstant().isBefore(settledBefore);
            // name order: a file still being written holds back every file after it
            blocked |= !settled;
            if (!blocked) {
                ready.add(p);
            }
        }
        seen.clear();
        seen.putAll(now);
        return ready;
    }

    /** Moves a finished file to processed/ (with an error list if records were skipped) or failed/ (with why). */
    private void file(Path taken, long runId) {
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> ImportRun.findById(runId));
        List<ImportError> errors = QuarkusTransaction.requiringNew().call(() -> ImportError.forRun(runId));
        boolean failed = run.status == ImportRun.Status.FAILED;
        try {
            Path target = free(Files.createDirectories(dir().resolve(failed ? "failed" : "processed")), taken.getFileName().toString());
            Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
            if (failed || !errors.isEmpty()) {
                StringBuilder report = new StringBuilder();
                report.append("Import run ").append(run.id).append(" of ").append(run.fileName).append(": ").append(run.status)
                        .append(" at ").append(run.finishedAt).append('\n');
                if (run.message != null) {
                    report.append(run.message).append('\n');
                }
                report.append(run.created).append(" new, ").append(run.updated).append(" updated, ").append(run.unchanged)
                        .append(" unchanged, ").append(run.withdrawn).append(" withdrawn, ").append(run.failed).append(" skipped\n");
                for (ImportError e : errors) {
                    report.append("record ").append(e.recordNumber).append(e.pmid == null ? "" : " (PMID " + e.pmid + ")")
                            .append(": ").append(e.message).append('\n');
                }
                if (run.failed > errors.size()) {
                    report.append("... ").append(run.failed - errors.size()).append(" more skipped records\n");
                }
                Files.writeString(target.resolveSibling(target.getFileName() + (failed ? ".error.txt" : ".errors.txt")), report);
            }
        } catch (IOException e) {
            LOG.errorf(e, "Inbox: cannot move %s after run %d", taken, runId);
        }
    }

    /** {@code name} in {@code dir}, or name-2, name-3 ... when a file of that name is already there. */
    private static Path free(Path dir, String name) {
        Path p = dir.resolve(name);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(i + "-" + name);
        }
        return p;
    }
}
