package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * time have stayed the same across two scans at least {@code cortexlit.inbox.settle} apart, so a file still
 * being copied is never imported half done (the clock of the file's time is never trusted: a time in the future
 * holds nothing up). Only regular files are read: a symbolic link or anything else is moved to {@code failed/}
 * unread. A file whose import stopped the application twice goes to {@code failed/} instead of a third try.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final CortexLitConfig config;
    private final ImportService imports;
    private final ImportRunner runner;
    /** What each waiting file looked like at the previous scan. */
    private final Map<Path, Snapshot> seen = new HashMap<>();

    private record Snapshot(long size, FileTime modified, Instant firstSeen) {
        boolean same(Snapshot other) {
            return other != null && size == other.size && modified.equals(other.modified);
        }
    }

    /** Beside a file in {@code .importing/} once it has been put back after a stop: a second stop fails it. */
    static final String RETRIED = ".retried";

    private boolean recovered;

    public Inbox(CortexLitConfig config, ImportService imports, ImportRunner runner) {
        this.config = config;
        this.imports = imports;
        this.runner = runner;
    }

    public Path dir() {
        return config.inbox().dir().orElse(config.dataDir().resolve("inbox"));
    }

    @Scheduled(every = "${cortexlit.inbox.every}", identity = "inbox", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StartupWork.NotYet.class)
    synchronized void scan() {
        try {
            Path inbox = Files.createDirectories(dir());
            Path working = Files.createDirectories(inbox.resolve(".importing"));
            if (!recovered) {
                recover(inbox, working);
                recovered = true;
            }
            for (Path file : ready(inbox)) {
                Path taken = working.resolve(file.getFileName());
                Files.move(file, taken, StandardCopyOption.ATOMIC_MOVE); // never picked twice
                String name = ImportRun.printable(file.getFileName().toString());
                long runId = imports.start(name, ImportRun.Trigger.INBOX, "inbox: " + name, null, null);
                // the import thread runs these in submission order: name order across the folder
                runner.submitTask(runId, () -> imports.execute(runId, taken), () -> file(taken, runId));
                LOG.infof("Inbox: importing %s as run %d", name, runId);
            }
        } catch (IOException e) {
            LOG.errorf(e, "Inbox: cannot scan %s", dir());
        }
    }

    /**
     * Files a crash or a stop left in {@code .importing/} go back into the queue (re-imports are idempotent),
     * once: a file already put back once goes to {@code failed/}, so a file that brings the application down
     * cannot do it at every start.
     */
    void recover(Path inbox, Path working) throws IOException {
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(working)) {
            ds.forEach(left::add);
        }
        for (Path p : left) {
            String name = p.getFileName().toString();
            if (name.endsWith(RETRIED)) {
                continue;
            }
            Path marker = working.resolve(name + RETRIED);
            if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                Path target = free(Files.createDirectories(dir().resolve("failed")), name);
                Files.move(p, target, LinkOption.NOFOLLOW_LINKS);
                Files.deleteIfExists(marker);
                Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), "The import of "
                        + ImportRun.printable(name) + " was interrupted by a stop of the application twice; it is not "
                        + "tried again. Check the server log, fix or split the file, and drop it into the inbox again.\n");
                LOG.errorf("Inbox: %s stopped the application twice; moved to failed/", ImportRun.printable(name));
            } else {
                Files.move(p, free(inbox, name), LinkOption.NOFOLLOW_LINKS);
                Files.writeString(marker, "");
                LOG.warnf("Inbox: %s was left half imported by the last stop; it will be imported again",
                        ImportRun.printable(name));
            }
        }
    }

    /**
     * Regular files whose size and time have settled, in name order; dot files and partial downloads are
     * ignored; links and other non-files are moved to {@code failed/} unread.
     */
    private List<Path> ready(Path inbox) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(inbox)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") || n.endsWith(".part") || n.endsWith(".tmp") || n.endsWith(".crdownload")
                        || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                } else {
                    refuse(p);
                }
            }
        }
        files.sort(null);
        Instant now = Instant.now();
        List<Path> ready = new ArrayList<>();
        boolean blocked = false;
        Map<Path, Snapshot> current = new HashMap<>();
        for (Path p : files) {
            Snapshot before = seen.get(p);
            Snapshot s = new Snapshot(Files.size(p), Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS), now);
            if (s.same(before)) {
                s = before; // unchanged since it was first seen like this
            }
            current.put(p, s);
            boolean settled = s.same(before) && !s.firstSeen().plus(config.inbox().settle()).isAfter(now);
            // name order: a file still being written holds back every file after it
            blocked |= !settled;
            if (!blocked) {
                ready.add(p);
            }
        }
        seen.clear();
        seen.putAll(current);
        return ready;
    }

    /** A link (or a device, a pipe) is never opened: it goes to failed/ with a note saying why. */
    private void refuse(Path p) {
        String name = p.getFileName().toString();
        try {
            Path target = free(Files.createDirectories(dir().resolve("failed")), name);
            Files.move(p, target, LinkOption.NOFOLLOW_LINKS);
            Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), ImportRun.printable(name)
                    + " is not a regular file (a symbolic link, a device or a pipe) and was not read. Copy the file "
                    + "itself into the inbox.\n");
            LOG.warnf("Inbox: %s is not a regular file; moved to failed/ unread", ImportRun.printable(name));
        } catch (IOException e) {
            LOG.errorf("Inbox: cannot move %s out of the way: %s", ImportRun.printable(name), e.getMessage());
        }
    }

    /** Moves a finished file to processed/ (with an error list if records were skipped) or failed/ (with why). */
    private void file(Path taken, long runId) {
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> ImportRun.findById(runId));
        List<ImportError> errors = QuarkusTransaction.requiringNew().call(() -> ImportError.forRun(runId));
        boolean failed = run.status == ImportRun.Status.FAILED;
        try {
            Files.deleteIfExists(taken.resolveSibling(taken.getFileName() + RETRIED));
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
            LOG.errorf(e, "Inbox: cannot move %s after run %d", ImportRun.printable(taken.toString()), runId);
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
