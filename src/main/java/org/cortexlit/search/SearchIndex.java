package org.cortexlit.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cortexlit.concurrent.Daemons;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.library.Article;
import org.cortexlit.suggest.TagSuggester;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The one owner of the Lucene {@link IndexWriter} and its {@link SearcherManager}. The database is the
 * truth; this index is a cache of its visible articles that can always be rebuilt. Each commit carries
 * the schema version and a stamp of the database state it reflects (article count and the newest
 * change), so a start-up can tell whether the index is missing, stale or of another version.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    /**
     * Bump whenever {@link ArticleDocuments}, {@link Analyzers} or {@link PhraseIndex} change what is indexed: an
     * index of another version is rebuilt at start. The suggester's version is part of it, so that new rules reach
     * the suggested-tag fields of every document.
     */
    public static final String SCHEMA_VERSION = "14." + TagSuggester.VERSION;
    static final String KEY_SCHEMA = "schema";
    static final String KEY_MODIFIED = "modified";
    private static final int REBUILD_PAGE = 1000;

    private final CortexLitConfig config;
    private final Analyzer analyzer = Analyzers.create();
    private final ReentrantLock writeLock = new ReentrantLock();

    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searcherManager;
    /** Newest {@code updated_at} (epoch millis) of any article change the index reflects. */
    private long modified;
    private volatile Instant lastRebuild;
    private volatile String lastRebuildReason;

    /** Told after each page of a rebuild (synchronously, on the rebuilding thread). */
    @Inject
    Event<RebuildProgress> rebuildSteps;

    public SearchIndex(CortexLitConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event, StartupWork work) {
        work.then("opening the search index", () -> {
            open();
            if (!config.index().checkOnStart()) {
                return;
            }
            if (config.index().checkInBackground()) {
                startBackgroundCheck();
            } else {
                checkAgainstDatabase();
            }
        });
    }

    /**
     * {@link #checkAgainstDatabase} on its own thread: the app answers at once, and searches use the index as last
     * committed until a rebuild's commit replaces it. A second call while one runs does nothing.
     */
    public synchronized void startBackgroundCheck() {
        if (startupCheck != null) {
            return;
        }
        startupCheck = Daemons.start("cortexlit-index-check", this::checkInBackground);
    }

    private volatile Thread startupCheck;

    private void checkInBackground() {
        try {
            checkAgainstDatabase();
        } catch (RuntimeException e) {
            logBackgroundFailure(e, "Checking the search index against the database failed");
        } finally {
            startupCheck = null;
        }
    }

    /** True while the start-up check or a rebuild it started is still running. */
    public boolean checking() {
        return startupCheck != null;
    }

    /** A rebuild someone asked for, running on its own thread, or null. */
    private volatile CompletableFuture<Void> requestedRebuild;

    /** What {@link #requestRebuild} found: {@code failure} is set only for {@link Outcome#FAILED}. */
    public record RebuildRequest(Outcome outcome, String failure) {
        public enum Outcome {
            /** Another rebuild (asked for, or the start-up check's) is under way; nothing was started. */
            ALREADY_RUNNING,
            /** The rebuild ended within the wait. */
            DONE,
            /** The rebuild goes on in the background; {@link #rebuildProgress()} follows it. */
            STILL_RUNNING,
            /** The rebuild failed; the index keeps its last commit. */
            FAILED
        }
    }

    /**
     * Starts {@link #rebuild} on its own thread and waits up to {@code wait} for it: the API and the imports page
     * answer from the outcome, and a rebuild that outlasts the wait goes on without them.
     */
    public RebuildRequest requestRebuild(String reason, Duration wait) {
        CompletableFuture<Void> done = startRequestedRebuild(reason);
        if (done == null) {
            return new RebuildRequest(RebuildRequest.Outcome.ALREADY_RUNNING, null);
        }
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new RebuildRequest(RebuildRequest.Outcome.DONE, null);
        } catch (TimeoutException e) {
            return new RebuildRequest(RebuildRequest.Outcome.STILL_RUNNING, null);
        } catch (ExecutionException e) {
            return new RebuildRequest(RebuildRequest.Outcome.FAILED, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RebuildRequest(RebuildRequest.Outcome.STILL_RUNNING, null);
        }
    }

    /** Starts the rebuild's thread, or returns null when a rebuild is under way (the lock covers only the start). */
    private synchronized CompletableFuture<Void> startRequestedRebuild(String reason) {
        if (startupCheck != null || requestedRebuild != null || rebuildProgress != null) {
            return null;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = Daemons.named("cortexlit-index-rebuild").newThread(() -> {
            try {
                rebuild(reason);
                done.complete(null);
            } catch (RuntimeException e) {
                logBackgroundFailure(e, "Rebuilding the search index failed");
                done.completeExceptionally(e);
            } finally {
                requestedRebuild = null;
            }
        });
        requestedRebuild = done;
        // shown at once, so that the answer to the request describes the rebuild it started
        rebuildProgress = new RebuildProgress(reason, 0, QuarkusTransaction.requiringNew().call(Article::countVisible),
                Instant.now());
        t.start();
        return done;
    }

    /** How a background check or rebuild reports its end by failure (the stop's abandonment is not an error). */
    private static void logBackgroundFailure(RuntimeException e, String what) {
        if (e instanceof RebuildAbandoned) {
            LOG.info("Search index rebuild abandoned: the application is stopping; the next start rebuilds");
        } else {
            LOG.errorf(e, "%s: %s (POST /api/admin/index/rebuild retries)", what, e.getMessage());
        }
    }

    /**
     * Threads one search spreads its segments over (one per core): a query alone on the machine runs on every core,
     * several at once queue here and each runs mostly on its caller's thread.
     */
    private final ExecutorService searchThreads = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), Daemons.named("cortexlit-search"));

    /** The search threads (one per core), for work a search splits by segment besides Lucene's own (facet counts). */
    ExecutorService searchThreads() {
        return searchThreads;
    }

    /** Searchers whose segments are cut into one slice per core of about equal size (Lucene's default slices need
     * 250,000 documents before a second one). */
    static final class SlicedSearchers extends SearcherFactory {
        private final Executor executor;

        SlicedSearchers(Executor executor) {
            this.executor = executor;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            int perSlice = Math.max(1, (reader.maxDoc() + cores - 1) / cores);
            return new IndexSearcher(reader, executor) {
                @Override
                protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                    return IndexSearcher.slices(leaves, perSlice, Integer.MAX_VALUE);
                }
            };
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Thread check = startupCheck;
        CompletableFuture<Void> requested = requestedRebuild;
        try {
            if (check != null) {
                check.join(60_000);
            }
            if (requested != null) {
                requested.get(60, TimeUnit.SECONDS); // it stops at its next page
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // abandoned, failed (already logged), or still closing: close() below rolls back what is uncommitted
        }
        indexer.shutdown();
        searchThreads.shutdown();
        try {
            indexer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public Path path() {
        return config.dataDir().resolve("index");
    }

    /** Counts the opens: reader versions restart when the folder is deleted, so (epoch, version) names an index state. */
    private volatile long epoch;

    public long epoch() {
        return epoch;
    }

    /** Opens the index folder, creating an empty index when there is none. */
    public void open() {
        writeLock.lock();
        try {
            epoch++;
            Files.createDirectories(path());
            directory = FSDirectory.open(path());
            SegmentInfos last = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory) : null;
            boolean sortedOtherwise = last != null && !sortedAsWeSort(last);
            if (sortedOtherwise) {
                LOG.infof("The search index at %s was written by an older version (another document order): it is "
                        + "started afresh and must be rebuilt from the database. The start-up check does it (%s); "
                        + "searches find nothing until it commits. With cortexlit.index.check-on-start=false, use the "
                        + "imports page's \"Rebuild the search index\" or POST /api/admin/index/rebuild.",
                        path(), config.index().checkOnStart() ? "under way" : "switched off here");
            }
            writer = new IndexWriter(directory, writerConfig(analyzer, sortedOtherwise
                    ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            if (last == null) {
                writer.commit(); // an empty index without a schema stamp: the check rebuilds it
            }
            searcherManager = new SearcherManager(writer, new SlicedSearchers(searchThreads));
            // the last commit's stamp; an index started afresh is stamped older than any database change, in case the
            // stop comes before its rebuild commits (the old commit stays on disk until then: staleReason reads it)
            modified = last == null || sortedOtherwise ? 0 : parseLong(last.getUserData().get(KEY_MODIFIED));
            followed = last == null || sortedOtherwise || !last.getUserData().containsKey(KEY_FOLLOWED) ? -1
                    : parseLong(last.getUserData().get(KEY_FOLLOWED));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path() + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The order of documents in every segment: best rank bonus first ({@link IndexFields#RANK_SORT}). */
    static final Sort INDEX_SORT = indexSort();

    private static Sort indexSort() {
        SortField rank = new SortField(IndexFields.RANK_SORT, SortField.Type.LONG, true);
        rank.setMissingValue(0L);
        return new Sort(rank);
    }

    /** The writer's configuration: shared with the benchmarks and tests that write an index of their own. */
    public static IndexWriterConfig writerConfig(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
        iwc.setOpenMode(mode);
        // 16 MB: as fast as 64 or 256 within the noise of the import ladder's variants, and the import needs less heap
        iwc.setRAMBufferSizeMB(16);
        iwc.setIndexSort(INDEX_SORT);
        return iwc;
    }

    /**
     * Whether every segment of the last commit is sorted by {@link #INDEX_SORT}. Lucene refuses to open a writer
     * with an index sort on segments sorted otherwise (those of schema versions before 10 are not sorted at all).
     */
    static boolean sortedAsWeSort(SegmentInfos commit) {
        for (SegmentCommitInfo segment : commit) {
            if (!INDEX_SORT.equals(segment.info.getIndexSort())) {
                return false;
            }
        }
        return true;
    }

    /** Ordered close: searcher manager, writer, directory. */
    public void close() {
        writeLock.lock();
        try {
            if (searcherManager != null) {
                searcherManager.close();
            }
            if (writer != null && abandoned) {
                writer.rollback(); // back to the last commit: a half-built index must never carry a stamp
            } else if (writer != null) {
                writer.setLiveCommitData(commitData(modified).entrySet());
                writer.close(); // commits what was applied, with its stamp
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warnf(e, "Closing the search index failed");
        } finally {
            searcherManager = null;
            writer = null;
            directory = null;
            abandoned = false;
            writeLock.unlock();
        }
    }

    /** Rebuilds when the index is of another schema version or out of step with the database. */
    public void checkAgainstDatabase() {
        Runnable follow = catchUp;
        if (follow != null && followed >= 0) {
            follow.run(); // what other nodes changed while this one was down, before counting
        }
        String reason = staleReason();
        if (reason != null) {
            LOG.infof("Rebuilding the search index: %s", reason);
            rebuild(reason);
        } else {
            LOG.infof("Search index is current: %d articles", numDocs());
        }
    }

    /** Why the index cannot be trusted, or null when it matches the database. */
    public String staleReason() {
        Map<String, String> data = committedData();
        String schema = data.get(KEY_SCHEMA);
        if (schema == null) {
            return "the index is missing";
        }
        if (!SCHEMA_VERSION.equals(schema)) {
            return "the index has schema version " + schema + ", this version needs " + SCHEMA_VERSION;
        }
        if (!phrasesComplete()) {
            return "some of its documents were indexed with another phrase list than search/phrases.txt's";
        }
        long[] db = QuarkusTransaction.requiringNew().call(SearchIndex::databaseStamp);
        int docs = numDocs();
        if (db[0] != docs) {
            return "the index holds " + docs + " articles, the database " + db[0];
        }
        if (db[1] != parseLong(data.get(KEY_MODIFIED))) {
            return "the index is older than the database's latest change";
        }
        return null;
    }

    /** {visible article count, newest updated_at in epoch millis}. */
    private static long[] databaseStamp() {
        long count = Article.countVisible();
        Instant newest = Article.getEntityManager()
                .createQuery("select max(a.updatedAt) from Article a", Instant.class).getSingleResult();
        return new long[]{count, newest == null ? 0 : newest.toEpochMilli()};
    }

    /** Replaces the whole index with the visible articles of the database. */
    public void rebuild(String reason) {
        long started = System.nanoTime();
        writeLock.lock();
        try {
            // where the change log stands before the first read: a change made during the rebuild is followed again
            LongSupplier position = followPosition;
            long followFrom = position == null ? -1 : position.getAsLong();
            long expected = QuarkusTransaction.requiringNew().call(Article::countVisible);
            rebuildProgress = new RebuildProgress(reason, 0, expected, Instant.now());
            writer.deleteAll();
            long[] lastId = {0};
            int count = 0;
            pendingMax = 0;
            while (true) {
                if (stopping) {
                    abandoned = true; // close() rolls back to the last commit instead of committing half an index
                    throw new RebuildAbandoned();
                }
                // pages by primary key, visibility checked here: with the visibility in the query, H2 walks the
                // article_visible index and reads every visible row for each page (quadratic: hours at 1,000,000)
                boolean[] more = {false};
                List<Document> page = QuarkusTransaction.requiringNew().call(() -> {
                    List<Article> articles = Article.find("id > ?1 order by id", lastId[0]).page(0, REBUILD_PAGE).list();
                    more[0] = !articles.isEmpty();
                    List<Document> docs = new ArrayList<>(articles.size());
                    for (Article a : articles) {
                        lastId[0] = a.id;
                        if (a.visible()) {
                            docs.add(ArticleDocuments.toDocument(a));
                            modifiedSeen(a.updatedAt);
                        }
                    }
                    return docs;
                });
                if (!more[0]) {
                    break;
                }
                writer.addDocuments(page);
                if ((count + page.size()) / 100_000 > count / 100_000) {
                    LOG.infof("Rebuilding the search index: %d of %d articles", count + page.size(), expected);
                }
                count += page.size();
                rebuildProgress = new RebuildProgress(reason, count, Math.max(expected, count), rebuildProgress.started());
                if (rebuildSteps != null) { // null in a subclass made outside CDI
                    rebuildSteps.fire(rebuildProgress);
                }
            }
            modified = Math.max(pendingMax, QuarkusTransaction.requiringNew().call(SearchIndex::newestHidden));
            followed = followFrom;
            writer.setLiveCommitData(commitData(modified).entrySet());
            writer.commit();
            searcherManager.maybeRefreshBlocking();
            lastRebuild = Instant.now();
            lastRebuildReason = reason;
            LOG.infof("Search index rebuilt: %d articles in %d ms (%s)", count, (System.nanoTime() - started) / 1_000_000, reason);
        } catch (IOException e) {
            throw new UncheckedIOException("Rebuilding the search index failed: " + e.getMessage(), e);
        } finally {
            rebuildProgress = null;
            writeLock.unlock();
        }
    }

    /** A rebuild under way: why, how many articles are in, of how many. */
    public record RebuildProgress(String reason, long done, long total, Instant started) {
    }

    private volatile RebuildProgress rebuildProgress;

    /** The rebuild under way, or null. Searches meanwhile answer from the last committed index. */
    public RebuildProgress rebuildProgress() {
        return rebuildProgress;
    }

    /** Set at shutdown: a rebuild stops at its next page. */
    private volatile boolean stopping;
    /** A rebuild stopped half way: its uncommitted work must be rolled back, not committed. */
    private volatile boolean abandoned;

    /** Thrown out of a rebuild the shutdown interrupted. */
    static final class RebuildAbandoned extends RuntimeException {
        RebuildAbandoned() {
            super("the search index rebuild was abandoned because the application is stopping", null, false, false);
        }
    }

    /** Newest change among the articles a rebuild has read so far (guarded by the write lock). */
    private long pendingMax;

    private void modifiedSeen(Instant at) {
        if (at != null) {
            pendingMax = Math.max(pendingMax, at.toEpochMilli());
        }
    }

    /** Newest change of an article search does not show (withdrawn, or a linked duplicate). */
    private static long newestHidden() {
        Instant newest = Article.getEntityManager()
                .createQuery("select max(a.updatedAt) from Article a where a.withdrawn = true or a.duplicateOf is not null",
                        Instant.class)
                .getSingleResult();
        return newest == null ? 0 : newest.toEpochMilli();
    }

    /**
     * Applies one committed database batch: documents to add or replace, keys (PMIDs) to remove, and the newest
     * change time of the batch. New readers see it within a second; {@link #commit()} makes it durable
     * (an import commits when it ends, and at least every {@link #COMMIT_INTERVAL_NANOS} on long runs).
     * A crash before the commit is safe: the stamp then lags the database and start-up rebuilds.
     */
    public void apply(Collection<Document> upserts, Collection<String> removedKeys, Instant newestChange) {
        writeLock.lock();
        try {
            for (Document d : upserts) {
                writer.updateDocument(ArticleDocuments.idTerm(d.get(IndexFields.KEY)), d);
            }
            for (String key : removedKeys) {
                writer.deleteDocuments(ArticleDocuments.idTerm(key));
            }
            if (newestChange != null) {
                modified = Math.max(modified, newestChange.toEpochMilli());
            }
            long now = System.nanoTime();
            if (now - lastCommit > COMMIT_INTERVAL_NANOS) {
                commitLocked();
            } else if (now - lastRefresh > REFRESH_INTERVAL_NANOS) {
                searcherManager.maybeRefresh();
                lastRefresh = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Updating the search index failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Queues {@link #apply} on the index thread, so the next database batch is written while this one is
     * indexed (on two cores that overlap is most of the gain). At most two batches wait; past that the
     * caller indexes the batch itself, which bounds memory. {@link #commit()} waits for the queue.
     */
    public void applyAsync(Collection<Document> upserts, Collection<String> removedPmids, Instant newestChange) {
        synchronized (pendingLock) {
            pending++;
        }
        indexer.execute(() -> {
            try {
                apply(upserts, removedPmids, newestChange);
            } catch (RuntimeException e) {
                failedApply = e;
            } finally {
                synchronized (pendingLock) {
                    pending--;
                    pendingLock.notifyAll();
                }
            }
        });
    }

    /**
     * Batches handed to {@link #applyAsync} and not yet applied, wherever they run: a task run by its caller (the
     * queue full) counts as much as a queued one, so {@link #awaitPending} cannot pass a full queue.
     */
    private final Object pendingLock = new Object();
    private int pending;

    private final ThreadPoolExecutor indexer = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2), Daemons.named("cortexlit-indexer"),
            RUN_IN_CALLER);

    /**
     * The caller runs a batch the queue has no room for; unlike {@code CallerRunsPolicy}, also once the executor has
     * stopped, so no batch is dropped unseen and {@link #awaitPending} never waits for one that will not run.
     */
    static final RejectedExecutionHandler RUN_IN_CALLER = (task, executor) -> task.run();

    private volatile RuntimeException failedApply;

    /** Waits until every queued {@link #applyAsync} has run; rethrows the first failure among them. */
    public void awaitPending() {
        synchronized (pendingLock) {
            while (pending > 0) {
                try {
                    pendingLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        RuntimeException failure = failedApply;
        failedApply = null;
        if (failure != null) {
            throw failure;
        }
    }

    /** Makes every applied change durable, with the stamp of the database state it reflects, and visible. */
    public void commit() {
        awaitPending();
        writeLock.lock();
        try {
            commitLocked();
        } catch (IOException e) {
            throw new UncheckedIOException("Committing the search index failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void commitLocked() throws IOException {
        writer.setLiveCommitData(commitData(modified).entrySet());
        writer.commit();
        searcherManager.maybeRefreshBlocking();
        lastCommit = lastRefresh = System.nanoTime();
    }

    static final long COMMIT_INTERVAL_NANOS = 30_000_000_000L;
    static final long REFRESH_INTERVAL_NANOS = 1_000_000_000L;
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();

    /** Runs {@code work} with a current searcher, released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        SearcherManager manager = searcherManager;
        if (manager == null) {
            throw new IOException("The search index is closed");
        }
        IndexSearcher searcher = manager.acquire();
        try {
            return work.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Whether every document holds the tokens of today's {@link PhraseIndex} (false when the index cannot be read). */
    boolean phrasesComplete() {
        try {
            return withSearcher(s -> PhraseIndex.standard().isComplete(s.getIndexReader()));
        } catch (IOException e) {
            return false;
        }
    }

    public int numDocs() {
        try {
            return withSearcher(s -> s.getIndexReader().numDocs());
        } catch (IOException e) {
            return 0;
        }
    }

    public Instant lastRebuild() {
        return lastRebuild;
    }

    public String lastRebuildReason() {
        return lastRebuildReason;
    }

    private Map<String, String> committedData() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            // the commit's segments file alone: no segment is opened to read a map
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private Map<String, String> commitData(long modified) {
        Map<String, String> m = new HashMap<>();
        m.put(KEY_SCHEMA, SCHEMA_VERSION);
        m.put(KEY_MODIFIED, Long.toString(modified));
        if (followed >= 0) {
            m.put(KEY_FOLLOWED, Long.toString(followed));
        }
        return m;
    }

    // ---------------------------------------------------------------- several nodes (IndexFollower)

    static final String KEY_FOLLOWED = "followed";
    /**
     * On PostgreSQL: the position (a transaction id) in the change log up to which other nodes' changes are in this
     * index, stored with every commit; -1 when unknown (H2, or an index from before).
     */
    private volatile long followed = -1;
    /** Where the change log stands now; set by {@link IndexFollower} on PostgreSQL, null on H2. */
    private volatile LongSupplier followPosition;
    /** Brings the index up to the change log before the start-up check compares it with the database. */
    private volatile Runnable catchUp;

    void followWith(LongSupplier position, Runnable catchUp) {
        this.followPosition = position;
        this.catchUp = catchUp;
    }

    /** See {@link #followed}. */
    public long followed() {
        return followed;
    }

    /**
     * Applies changes other nodes made and moves {@link #followed} to {@code position}, then commits: durable at
     * once, so a restart resumes from there.
     */
    void applyFollowed(Collection<Document> upserts, Collection<String> removed, Instant newestChange, long position) {
        awaitPending();
        writeLock.lock();
        try {
            apply(upserts, removed, newestChange);
            followed = position;
            commitLocked();
        } catch (IOException e) {
            throw new UncheckedIOException("Committing the search index failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
