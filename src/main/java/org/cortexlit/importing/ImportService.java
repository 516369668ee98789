package org.cortexlit.importing;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.database.Database;
import org.cortexlit.formats.Citation;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordFormatException;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleEvent;
import org.cortexlit.library.DuplicateRules;
import org.cortexlit.library.IndexChanges;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.SearchIndex;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one import: streams the file through its reader, upserts records by PMID in batches (one
 * transaction each), and updates the search index after each batch commits. A bad record is skipped
 * with its number and reason; a broken file ends the run as FAILED, keeping every record read before
 * the fault.
 */
@ApplicationScoped
public class ImportService {

    /** Told when a run's records are searchable (reviews then take in the new matches of their queries). */
    @Inject
    Event<RunIndexed> indexed;

    /** Told after each batch of a file import is written (synchronously, on the import's thread). */
    @Inject
    Event<BatchWritten> batches;

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final CortexLitConfig config;
    private final SearchIndex index;
    private final IndexChanges changes;
    private final Database database;

    private final MeterRegistry registry;

    public ImportService(CortexLitConfig config, SearchIndex index, IndexChanges changes,
                         Database database, MeterRegistry registry) {
        this.registry = registry;
        this.config = config;
        this.index = index;
        this.changes = changes;
        this.database = database;
    }

    /** Records a new RUNNING run and returns its id. */
    public long start(String fileName, ImportRun.Trigger trigger) {
        return start(fileName, trigger, "upload: " + fileName, null, null);
    }

    /** Records a new RUNNING run with its source (what it imports from) and returns its id. */
    public long start(String fileName, ImportRun.Trigger trigger, String source, String format, Long savedSearchId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportRun run = new ImportRun();
            run.fileName = ImportRun.printable(fileName);
            run.trigger = trigger;
            run.source = ImportRun.printable(source, 4000);
            run.format = format;
            run.savedSearchId = savedSearchId;
            run.node = database.nodeName();
            run.status = ImportRun.Status.RUNNING;
            run.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            run.persist();
            return run.id;
        });
    }

    /** Imports {@code file} into run {@code runId}, on the calling thread, and finishes the run. */
    public void execute(long runId, Path file) {
        String failure;
        Progress progress = null;
        try {
            progress = new Progress(Files.newInputStream(file), Files.size(file));
        } catch (IOException e) {
            complete(runId, "Cannot read the file: " + e.getMessage());
            return;
        }
        try (RecordReader reader = RecordReaders.open(progress)) {
            String format = reader.format().name();
            QuarkusTransaction.requiringNew().run(() -> ImportRun.<ImportRun>findById(runId).format = format);
            progressOf.put(runId, progress);
            failure = importRecords(runId, reader, 0);
        } catch (RecordFormatException e) {
            failure = stoppedOr(runId, e.getMessage());
        } catch (IOException e) {
            failure = stoppedOr(runId, "Cannot read the file: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "Import run %d failed", runId);
            failure = "Import stopped by an internal error (" + e.getClass().getSimpleName() + "); records read before "
                    + "it are kept. The server log has the details for run " + runId + ".";
        }
        progressOf.remove(runId);
        complete(runId, failure);
    }

    /** Byte counters of the file imports under way, by run id: each batch stores how far its run has read. */
    private final Map<Long, Progress> progressOf = new ConcurrentHashMap<>();
    /** Runs someone asked to stop; the import thread sees it before the next record. */
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    /** Asks run {@code runId} to stop after the record it is reading; true when the run was running. */
    public boolean cancel(long runId) {
        boolean running = QuarkusTransaction.requiringNew().call(() -> {
            ImportRun r = ImportRun.findById(runId);
            return r != null && r.status == ImportRun.Status.RUNNING;
        });
        if (running) {
            cancelled.add(runId);
            Progress p = progressOf.get(runId);
            if (p != null) {
                p.cancel(); // a read inside one huge record stops too, not only between records
            }
        }
        return running;
    }

    /** Whether a stop was asked for run {@code runId}, or for every run (saved searches check it between pages). */
    public boolean cancelRequested(long runId) {
        return stopping || cancelled.contains(runId);
    }

    /** Set when the application stops: every run stops at its next record, cleanly, and ends FAILED with a message. */
    private volatile boolean stopping;

    /**
     * Asks every import under way to stop, as a cancel does: at its next record, or at once inside one long record.
     * Never by interrupting the thread: an interrupt closes the database's and the index's files under them.
     */
    void stopAll() {
        stopping = true;
        progressOf.values().forEach(Progress::cancel);
    }

    /** Records how many records a run expects (a saved search knows its count). */
    public void expect(long runId, int records) {
        QuarkusTransaction.requiringNew().run(() -> ImportRun.<ImportRun>findById(runId).recordsExpected = records);
    }

    /**
     * Reads every record of {@code reader} into run {@code runId} in batches, without finishing the run (a
     * saved search feeds several efetch pages into one run). Record numbers in errors are offset by
     * {@code recordOffset}. Records read before a fault are kept.
     *
     * @return null, or why the import stopped (a broken file, an internal error); the run is still RUNNING
     */
    public String importRecords(long runId, RecordReader reader, int recordOffset) {
        int batchSize = Math.max(1, config.importing().batchSize());
        String failure = null;
        try (ReadAhead ahead = new ReadAhead(reader, batchSize, recordOffset, () -> stopRequested(runId),
                "cortexlit-import-read")) {
            while (true) {
                ReadAhead.Item item = ahead.take();
                if (item instanceof ReadAhead.Batch batch) {
                    writeBatch(runId, batch.events()); // records read before a fault or a stop are whole: keep them
                    if (batch.full()) {
                        batches.fire(new BatchWritten(runId, batch.lastRecord() - recordOffset));
                    }
                    if (stopRequested(runId)) {
                        failure = stoppedOr(runId, CANCELLED);
                        break;
                    }
                } else if (item instanceof ReadAhead.End end) {
                    failure = end.stopped() ? stoppedOr(runId, CANCELLED) : failure(runId, end);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = STOPPED;
        } catch (RuntimeException e) {
            failure = internalError(runId, e);
        }
        return failure;
    }

    private boolean stopRequested(long runId) {
        return stopping || cancelled.contains(runId);
    }

    /** Why the run ended when a stop or a cancel explains it (a read fails once either is asked for), else {@code other}. */
    private String stoppedOr(long runId, String other) {
        return stopping ? STOPPED : cancelled.contains(runId) ? CANCELLED : other;
    }

    private static String internalError(long runId, Throwable e) {
        LOG.errorf(e, "Import run %d failed", runId);
        return "Import stopped by an internal error (" + e.getClass().getSimpleName() + "). Records of earlier "
                + "batches are kept. The server log has the details for run " + runId + ".";
    }

    /** What the end of a file's records means for the run: null at the end of the file, else why it stopped. */
    private String failure(long runId, ReadAhead.End end) {
        Throwable fault = end.fault();
        if (fault == null) {
            return null;
        }
        if (fault instanceof RecordFormatException e) {
            return stoppedOr(runId, e.getMessage());
        }
        if (fault instanceof IOException e) {
            return stoppedOr(runId, "Cannot read the records: " + e.getMessage());
        }
        if (fault instanceof OutOfMemoryError) {
            int at = end.lastRecord() + 1;
            LOG.errorf(fault, "Import run %d ran out of memory at record %d", runId, at);
            return "The import stopped: the server ran out of memory reading record " + at + ". Records before it "
                    + "are kept. A record that large is not a real citation: check the file.";
        }
        return internalError(runId, fault);
    }

    /** Records a problem that belongs to the whole run (record number 0), e.g. what NCBI said about a query. */
    public void runError(long runId, String message) {
        QuarkusTransaction.requiringNew().run(() -> ImportError.of(runId, 0, null, message).persist());
    }

    /** Ends run {@code runId} as FAILED with {@code message} unless it has already ended. */
    public void failIfRunning(long runId, String message) {
        boolean running = QuarkusTransaction.requiringNew().call(() -> {
            ImportRun r = ImportRun.findById(runId);
            return r != null && r.status == ImportRun.Status.RUNNING;
        });
        if (running) {
            progressOf.remove(runId);
            complete(runId, message);
        }
    }

    static final String STOPPED = "The import was stopped because the application is stopping; the records imported "
            + "before are kept. Import the file (or run the search) again to complete it.";

    static final String CANCELLED = "Cancelled by a user; the records imported before are kept. Import the file "
            + "(or run the search) again to complete it.";

    /** Makes the run searchable, then marks it finished: FAILED with {@code failure}, else SUCCEEDED or PARTIAL. */
    public void complete(long runId, String failure) {
        cancelled.remove(runId);
        try {
            index.commit(); // waits for queued batches: a run that reads as finished is searchable
        } catch (RuntimeException e) {
            LOG.errorf(e, "Updating the search index for run %d failed; rebuilding it from the database", runId);
            index.rebuild("an import could not update the index: " + e.getMessage());
        }
        try {
            indexed.fire(new RunIndexed(runId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "After run %d: a follower of new imports failed", runId);
        }
        finish(runId, failure);
    }

    private void finish(long runId, String failure) {
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> {
            ImportRun r = ImportRun.findById(runId);
            r.finishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (failure != null) {
                r.status = ImportRun.Status.FAILED;
                r.message = failure.length() > 4000 ? failure.substring(0, 3997) + "..." : failure;
            } else {
                r.status = r.failed > 0 ? ImportRun.Status.PARTIAL : ImportRun.Status.SUCCEEDED;
            }
            return r;
        });
        registry.counter("cortexlit.import.runs", "status", run.status.name()).increment();
        for (String[] outcome : new String[][]{{"created", "" + run.created}, {"updated", "" + run.updated},
                {"unchanged", "" + run.unchanged}, {"duplicate", "" + run.duplicates}, {"withdrawn", "" + run.withdrawn},
                {"failed", "" + run.failed}}) {
            registry.counter("cortexlit.import.records", "outcome", outcome[0]).increment(Long.parseLong(outcome[1]));
        }
        long millis = run.duration().toMillis();
        if (run.recordsRead > 0 && millis > 0) {
            DistributionSummary.builder("cortexlit.import.records.per.second")
                    .description("Records read per second, per import run").register(registry)
                    .record(run.recordsRead * 1000.0 / millis);
        }
        LOG.infof("Import run %d of %s: %s, %d read, %d created, %d updated, %d unchanged, %d duplicates linked, %d withdrawn, %d failed in %d ms%s",
                run.id, run.fileName, run.status, run.recordsRead, run.created, run.updated, run.unchanged,
                run.duplicates, run.withdrawn, run.failed, run.duration().toMillis(), failure == null ? "" : " (" + failure + ")");
    }

    /**
     * What a committed batch changed, for the index: {@code at} is the time its changed articles carry, or null when
     * it changed none (the index's stamp must not pass the database's newest change, or the next start rebuilds it).
     */
    private record BatchChanges(List<Document> upserts, Set<String> removed, Instant at) {
    }

    /**
     * Writes a batch in one transaction. When the database refuses it (a record the checks of {@link RecordRules}
     * let through but a column or constraint does not take), the batch is written again record by record, so only
     * the record at fault is skipped, with its number, and the records around it are stored.
     */
    private void writeBatch(long runId, List<ReadEvent> events) {
        BatchChanges changes;
        try {
            changes = QuarkusTransaction.requiringNew().call(() -> upsert(runId, events));
        } catch (RuntimeException e) {
            if (events.size() == 1) {
                throw e;
            }
            LOG.warnf("Import run %d: a batch of %d records was refused (%s); writing its records one by one", runId,
                    events.size(), rootMessage(e));
            for (ReadEvent event : events) {
                writeAlone(runId, event);
            }
            return;
        }
        index.applyAsync(changes.upserts(), changes.removed(), changes.at());
    }

    private void writeAlone(long runId, ReadEvent event) {
        try {
            BatchChanges changes = QuarkusTransaction.requiringNew().call(() -> upsert(runId, List.of(event)));
            index.applyAsync(changes.upserts(), changes.removed(), changes.at());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import run %d: record %d was refused by the database", runId, event.recordNumber());
            String pmid = event instanceof ReadEvent.Parsed p ? p.record().pmid() : null;
            QuarkusTransaction.requiringNew().run(() -> {
                ImportRun run = ImportRun.findById(runId);
                run.recordsRead++;
                run.failed++;
                ImportError.of(runId, event.recordNumber(), pmid, "the database refused this record ("
                        + refusal(e) + "); it was skipped").persist();
            });
        }
    }

    /** A database refusal as a person can act on it, without SQL. */
    static String refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return switch (sql.getSQLState()) {
                    case "22001" -> "a value is longer than its column";
                    case "23505", "23000" -> "it duplicates a record already stored";
                    case "22003" -> "a number is out of range";
                    default -> "SQL state " + sql.getSQLState();
                };
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Upserts one batch in the current transaction and returns what the index must learn. */
    private BatchChanges upsert(long runId, List<ReadEvent> events) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Set<String> pmids = new LinkedHashSet<>();
        for (ReadEvent e : events) {
            if (e instanceof ReadEvent.Parsed p && p.record().pmid() != null) {
                pmids.add(p.record().pmid());
            } else if (e instanceof ReadEvent.Deleted d) {
                pmids.addAll(d.pmids());
            }
        }
        // What is stored of these PMIDs, without loading the articles: a record whose stored version is current (and
        // not withdrawn) needs nothing more, and most records of a file imported again are.
        Map<String, Article.Stamp> stored = Article.stampsByPmids(pmids);
        Map<Citation, String> hashes = new IdentityHashMap<>();
        Set<String> toLoad = new LinkedHashSet<>();
        for (ReadEvent e : events) {
            if (e instanceof ReadEvent.Parsed p && p.record().pmid() != null) {
                Article.Stamp stamp = stored.get(p.record().pmid());
                if (stamp != null) {
                    String hash = contentHash(p.record());
                    hashes.put(p.record(), hash);
                    if (stamp.withdrawn() || !hash.equals(stamp.contentHash())) {
                        toLoad.add(stamp.pmid());
                    }
                }
            } else if (e instanceof ReadEvent.Deleted d) {
                for (String pmid : d.pmids()) {
                    Article.Stamp stamp = stored.get(pmid);
                    if (stamp != null && !stamp.withdrawn()) {
                        toLoad.add(pmid);
                    }
                }
            }
        }
        Map<String, Article> known = Article.findByPmids(toLoad).stream()
                .collect(Collectors.toMap(a -> a.pmid, Function.identity()));
        ImportRun run = ImportRun.findById(runId);
        // records their PMID does not place are matched by DOI and title: two indexed lookups for the batch
        Map<Citation, DuplicateRules.Keys> keysOf = new IdentityHashMap<>();
        for (ReadEvent e : events) {
            if (e instanceof ReadEvent.Parsed p && (p.record().pmid() == null || !stored.containsKey(p.record().pmid()))) {
                Citation r = p.record();
                keysOf.put(r, DuplicateRules.Keys.of(r.pmid(), r.doi(), r.title(), r.year(),
                        r.authors().stream().map(Citation.Author::lastName).toList()));
            }
        }
        DuplicateFinder finder = DuplicateFinder.load(keysOf.values());
        Progress progress = progressOf.get(runId);
        if (progress != null && progress.permille() >= 0) {
            run.progressPermille = progress.permille();
        }
        long errorsKept = run.failed == 0 ? 0 : ImportError.count("runId", runId);
        Map<String, Article> changed = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        boolean stamped = false; // whether an article was given this batch's time (linked duplicates included)
        for (ReadEvent e : events) {
            run.recordsRead++;
            if (e instanceof ReadEvent.Invalid invalid) {
                run.failed++;
                if (errorsKept++ < config.importing().maxErrorsKept()) {
                    ImportError.of(runId, invalid.recordNumber(), invalid.pmid(), invalid.reason()).persist();
                }
            } else if (e instanceof ReadEvent.Parsed parsed) {
                Citation r = parsed.record();
                String problem = RecordRules.problem(r);
                if (problem != null) {
                    run.failed++;
                    if (errorsKept++ < config.importing().maxErrorsKept()) {
                        ImportError.of(runId, parsed.recordNumber(), r.pmid(), problem).persist();
                    }
                    continue;
                }
                if (r.pmid() != null && stored.containsKey(r.pmid()) && !known.containsKey(r.pmid())) {
                    run.unchanged++; // every copy of it in this batch matched the stored, current version
                    continue;
                }
                String hash = hashes.containsKey(r) ? hashes.get(r) : contentHash(r);
                Article a = r.pmid() == null ? null : known.get(r.pmid());
                DuplicateFinder.Outcome outcome = a != null ? new DuplicateFinder.Same(a)
                        : finder.decide(r, keysOf.get(r), hash, run.format);
                if (outcome instanceof DuplicateFinder.Same same) {
                    a = same.article();
                    if (!a.withdrawn && hash.equals(a.contentHash)) {
                        run.unchanged++;
                        continue;
                    }
                    ArticleEvent.Action action = a.withdrawn ? ArticleEvent.Action.RESTORED : ArticleEvent.Action.UPDATED;
                    a.apply(r, hash);
                    a.withdrawn = false;
                    a.withdrawnAt = null;
                    a.updatedAt = now;
                    a.lastRunId = runId;
                    ArticleEvent.of(a, runId, action, now).persist();
                    run.updated++;
                    stamped = true;
                } else {
                    a = new Article();
                    a.apply(r, hash);
                    a.createdAt = now;
                    a.updatedAt = now;
                    a.lastRunId = runId;
                    a.originRunId = runId;
                    if (outcome instanceof DuplicateFinder.Link link) {
                        a.duplicateOf = link.kept().id;
                        a.duplicateRule = link.rule();
                    }
                    a.persist();
                    stamped = true;
                    if (a.pmid != null) {
                        known.put(a.pmid, a);
                    }
                    finder.add(a);
                    if (a.duplicateOf != null) {
                        ArticleEvent.of(a, runId, ArticleEvent.Action.LINKED, now).persist();
                        run.duplicates++;
                    } else {
                        ArticleEvent.of(a, runId, ArticleEvent.Action.CREATED, now).persist();
                        run.created++;
                    }
                }
                if (a.visible()) {
                    changed.put(a.key(), a);
                    removed.remove(a.key());
                }
            } else if (e instanceof ReadEvent.Deleted deleted) {
                for (String pmid : deleted.pmids()) {
                    Article a = known.get(pmid);
                    if (a != null && !a.withdrawn) {
                        a.withdrawn = true;
                        a.withdrawnAt = now;
                        a.updatedAt = now;
                        a.lastRunId = runId;
                        ArticleEvent.of(a, runId, ArticleEvent.Action.WITHDRAWN, now).persist();
                        run.withdrawn++;
                        stamped = true;
                        changed.remove(pmid);
                        removed.add(pmid);
                    } else if (a == null && !stored.containsKey(pmid)) {
                        run.withdrawnUnknown++;
                    }
                }
            }
        }
        List<Document> docs = new ArrayList<>(changed.size());
        for (Article a : changed.values()) {
            docs.add(ArticleDocuments.toDocument(a));
        }
        if (!changed.isEmpty() || !removed.isEmpty()) {
            Set<String> keys = new LinkedHashSet<>(changed.keySet());
            keys.addAll(removed);
            changes.record(keys);
        }
        return new BatchChanges(docs, removed, stamped ? now : null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** SHA-256 of the record's full content: equal hashes mean an identical record ("unchanged"). */
    static String contentHash(Citation r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(r.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
