package org.cortexlit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cortexlit.TestCorpus;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.database.Database;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.library.Article;
import org.cortexlit.search.Analyzers;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.IndexFields;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.suggest.TagSuggester;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** The steps of the import benchmark, shared by the full benchmark and its smoke test. */
final class ImportLadder {

    /** {@code peakHeapBytes}: the most in use while the step ran, garbage included; {@code liveHeapBytes}: in use
     * after a full collection once it ended (what it left behind: growth across files shows here); {@code rssBytes}:
     * the process's resident memory then. */
    record Step(String name, int records, long nanos, long peakHeapBytes, long liveHeapBytes, long rssBytes,
                Map<String, Double> cores) {
        double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    record Report(int recordsPerFile, List<Step> steps, long articlesInDatabase, long rssBytes) {

        String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%nImport benchmark: %d records per file, %d cores, max heap %d MB%n",
                    recordsPerFile, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
            sb.append(String.format(Locale.ROOT, "%-48s %10s %10s %12s %14s %12s %8s%n", "step", "records", "seconds",
                    "records/s", "peak heap MB", "after GC MB", "RSS MB"));
            for (Step s : steps) {
                sb.append(String.format(Locale.ROOT, "%-48s %10d %10.2f %12.0f %14d %12d %8d%n", s.name(), s.records(),
                        s.nanos() / 1e9, s.perSecond(), s.peakHeapBytes() >> 20, s.liveHeapBytes() >> 20, s.rssBytes() >> 20));
            }
            sb.append(String.format(Locale.ROOT, "articles in the database: %d; process RSS at the end: %d MB%n",
                    articlesInDatabase, rssBytes >> 20));
            sb.append(String.format(Locale.ROOT, "%nStage utilisation: CPU time over wall time, in cores (%d cores in all)%n",
                    Runtime.getRuntime().availableProcessors()));
            sb.append(String.format(Locale.ROOT, "%-48s", "step"));
            Stage.NAMES.forEach(n -> sb.append(String.format(Locale.ROOT, " %9s", n)));
            sb.append(String.format(Locale.ROOT, "%n"));
            for (Step s : steps) {
                sb.append(String.format(Locale.ROOT, "%-48s", s.name()));
                Stage.NAMES.forEach(n -> sb.append(String.format(Locale.ROOT, " %9.2f", s.cores().getOrDefault(n, 0.0))));
                sb.append(String.format(Locale.ROOT, "%n"));
            }
            sb.append(String.format(Locale.ROOT, "(read: the import's parsing thread; import: its database thread, which also "
                    + "builds the documents; index: the indexing thread; merge: Lucene's merges; bench: the benchmark's own "
                    + "thread, which runs the steps before the full imports; other: the rest of the app's threads, H2's "
                    + "writer among them; sampler: this table's own sampling thread; gc: the collectors' pauses, as wall "
                    + "time; jit: the compilers' time; jvm: the process's CPU time outside Java threads, the collectors' "
                    + "and the compilers' threads; process: all of it)%n"));
            return sb.toString();
        }

        String json() throws JsonProcessingException {
            List<Map<String, Object>> stepJson = new ArrayList<>();
            for (Step s : steps) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("records", s.records());
                m.put("seconds", s.nanos() / 1e9);
                m.put("recordsPerSecond", s.perSecond());
                m.put("peakHeapMB", s.peakHeapBytes() >> 20);
                m.put("liveHeapMB", s.liveHeapBytes() >> 20);
                m.put("rssMB", s.rssBytes() >> 20);
                m.put("cores", s.cores());
                stepJson.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("recordsPerFile", recordsPerFile);
            root.put("steps", stepJson);
            root.put("articlesInDatabase", articlesInDatabase);
            root.put("rssMB", rssBytes >> 20);
            return new ObjectMapper().writeValueAsString(root);
        }
    }

    private final ImportRunner runner;
    private final SearchIndex index;
    private final CortexLitConfig config;

    ImportLadder(ImportRunner runner, SearchIndex index, CortexLitConfig config) {
        this.runner = runner;
        this.index = index;
        this.config = config;
    }

    /** Whether {@link #run} also measures the index path's {@link IndexVariant}s (one more parse + index each). */
    private boolean indexVariants = true;

    ImportLadder withoutIndexVariants() {
        indexVariants = false;
        return this;
    }

    Report run(int records, int files, Path work) throws Exception {
        Files.createDirectories(work);
        TestCorpus.reset(index);
        CorpusGenerator generator = new CorpusGenerator(42);
        List<Path> inputs = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            Path p = work.resolve(String.format(Locale.ROOT, "bench%02d.xml", f + 1));
            generator.writePubmedXml(p, records, 10_000_000L + (long) f * records, false);
            inputs.add(p);
        }
        List<Step> steps = new ArrayList<>();
        Path first = inputs.get(0);
        steps.add(measure("raw StAX pass (anchor)", () -> rawStax(first)));
        steps.add(measure("parse to records", () -> parseOnly(first)));
        steps.add(measure("parse + suggest tags", () -> parseAndSuggest(first)));
        Path indexDir = work.resolve("ladder-index");
        steps.add(measure("parse + index (Lucene alone)", () -> parseAndIndex(first, indexDir, IndexVariant.SHIPPED)));
        if (indexVariants) {
            for (IndexVariant v : IndexVariant.values()) {
                if (v != IndexVariant.SHIPPED) {
                    steps.add(measure("  index " + v.label, () -> parseAndIndex(first, indexDir, v)));
                }
            }
        }
        steps.add(measure("parse + database (no index)", () -> withoutIndex(() -> importFile(first))));
        if (indexVariants && !isPostgres()) {
            // H2's settings, each for one more import of the same file into an empty database
            long cacheMb = Long.parseLong(h2Setting("info.CACHE_MAX_SIZE"));
            String writeDelay = h2Setting("WRITE_DELAY"); // restored as found, whatever the URL set
            for (String[] setting : new String[][]{
                    {"  database with WRITE_DELAY 500 (shipped: " + writeDelay + ")", "SET WRITE_DELAY 500",
                            "SET WRITE_DELAY " + writeDelay},
                    {"  database with a " + cacheMb * 4 + " MB page cache (shipped: " + cacheMb + ")",
                            "SET CACHE_SIZE " + cacheMb * 4 * 1024, "SET CACHE_SIZE " + cacheMb * 1024},
                    // the first database step pays for compiling the database path's code; this one does not
                    {"  database as shipped, again (compiled)", null, null}}) {
                TestCorpus.reset(index);
                if (setting[1] != null) {
                    sql(setting[1]);
                }
                try {
                    steps.add(measure(setting[0], () -> withoutIndex(() -> importFile(first))));
                } finally {
                    if (setting[2] != null) {
                        sql(setting[2]);
                    }
                }
            }
        }
        TestCorpus.reset(index); // the full imports start from an empty database again
        for (int f = 0; f < files; f++) {
            Path input = inputs.get(f);
            steps.add(measure("full import, file " + (f + 1) + " (new)", () -> importFile(input)));
        }
        steps.add(measure("re-import file 1 (unchanged)", () -> importFile(first)));
        long inDb = QuarkusTransaction.requiringNew().call(Article::countVisible);
        return new Report(records, steps, inDb, rss());
    }

    private static boolean isPostgres() {
        return Arc.container().instance(Database.class).get().isPostgres();
    }

    /** The value of one of H2's settings, as {@code INFORMATION_SCHEMA.SETTINGS} shows it. */
    private static String h2Setting(String name) throws SQLException {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select setting_value from information_schema.settings where setting_name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("H2 has no setting " + name);
                }
                return r.getString(1);
            }
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    interface Work {
        int run() throws Exception;
    }

    private static Step measure(String name, Work work) throws Exception {
        System.gc();
        Sampler sampler = new Sampler();
        sampler.start();
        long t0 = System.nanoTime();
        int n;
        try {
            n = work.run();
        } finally {
            sampler.stop();
        }
        long nanos = System.nanoTime() - t0;
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Step(name, n, nanos, sampler.peak(), live, rss(), sampler.cores(nanos));
    }

    private int importFile(Path input) throws Exception {
        Path copy = Files.createTempFile(input.getParent(), "import-", ".xml");
        Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
        ImportRunner.Handle h = runner.submit(copy, input.getFileName().toString(), ImportRun.Trigger.MANUAL);
        while (!h.await(Duration.ofMinutes(10))) {
            // keep waiting: a slow machine is still a result
        }
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> ImportRun.findById(h.runId()));
        if (run.status == ImportRun.Status.FAILED) {
            throw new IllegalStateException("benchmark import failed: " + run.message);
        }
        return run.recordsRead;
    }

    /**
     * The whole import (reader, rules, duplicates, entities, history) with the index left out: the search index bean is
     * swapped, for this step only, for one that drops what it is given.
     */
    private int withoutIndex(Work work) throws Exception {
        SearchIndex real = ClientProxy.unwrap(index); // before the swap: afterwards the proxy leads to the stand-in
        QuarkusMock.installMockForType(new SearchIndex(config) {
            @Override
            public void applyAsync(Collection<Document> upserts,
                                   Collection<String> removedKeys, Instant newestChange) {
            }

            @Override
            public void apply(Collection<Document> upserts,
                              Collection<String> removedKeys, Instant newestChange) {
            }

            @Override
            public void commit() {
            }
        }, SearchIndex.class);
        try {
            return work.run();
        } finally {
            QuarkusMock.installMockForType(real, SearchIndex.class);
        }
    }

    /**
     * The index path as shipped, and each with one choice changed, to price that choice: the writer's RAM buffer, the
     * index sort, the phrase tokens, the catch-all field, and the document alone without the writer.
     */
    enum IndexVariant {
        SHIPPED("as shipped"),
        BUFFER_64("with a 64 MB RAM buffer (shipped: 16)"),
        BUFFER_256("with a 256 MB RAM buffer"),
        UNSORTED("without the index sort"),
        NO_PHRASES("without the phrase tokens"),
        NO_CATCH_ALL("without the catch-all field"),
        DOCUMENTS_ONLY("documents built, not indexed"),
        /** The first step pays for compiling Lucene's code; this one, last, does not. */
        SHIPPED_WARM("as shipped, again (compiled)");

        final String label;

        IndexVariant(String label) {
            this.label = label;
        }

        IndexWriterConfig config() {
            Analyzer analyzer = this == NO_PHRASES ? Analyzers.text() : Analyzers.create();
            IndexWriterConfig shipped = SearchIndex.writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE);
            IndexWriterConfig iwc = this != UNSORTED ? shipped : new IndexWriterConfig(analyzer) // a sort is for good
                    .setOpenMode(shipped.getOpenMode()).setRAMBufferSizeMB(shipped.getRAMBufferSizeMB());
            if (this == BUFFER_64) {
                iwc.setRAMBufferSizeMB(64);
            } else if (this == BUFFER_256) {
                iwc.setRAMBufferSizeMB(256);
            }
            return iwc;
        }
    }

    /**
     * Parse, make each record's document as the import does ({@link ArticleDocuments#toDocument} of an unsaved
     * article) and add it to a new index in {@code dir} with the app's analyzer and writer settings, changed as
     * {@code variant} says; one thread (the app indexes on its own thread while the next batch goes to the database).
     */
    static int parseAndIndex(Path file, Path dir, IndexVariant variant) throws Exception {
        TestCorpus.deleteTree(dir);
        int n = 0;
        try (Directory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, variant.config());
             RecordReader reader = RecordReaders.open(file)) {
            ReadEvent e;
            long fields = 0;
            while ((e = reader.next()) != null) {
                if (e instanceof ReadEvent.Parsed p) {
                    Article a = new Article();
                    a.apply(p.record(), "ladder");
                    Document doc = ArticleDocuments.toDocument(a);
                    if (variant == IndexVariant.NO_CATCH_ALL) {
                        doc.removeFields(IndexFields.ALL);
                    }
                    if (variant == IndexVariant.DOCUMENTS_ONLY) {
                        fields += doc.getFields().size();
                    } else {
                        w.addDocument(doc);
                    }
                    n++;
                }
            }
            w.commit();
            if (variant == IndexVariant.DOCUMENTS_ONLY && fields == 0) {
                throw new IllegalStateException("documents without fields");
            }
        }
        TestCorpus.deleteTree(dir);
        return n;
    }

    static int rawStax(Path file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("PubmedArticle")) {
                    n++;
                }
            }
            r.close();
        }
        return n;
    }

    static int parseOnly(Path file) throws Exception {
        int n = 0;
        try (RecordReader reader = RecordReaders.open(file)) {
            ReadEvent e;
            while ((e = reader.next()) != null) {
                if (e instanceof ReadEvent.Parsed) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Parses and suggests tags for every record, as the import does: the suggester's share of an import. */
    static int parseAndSuggest(Path file) throws Exception {
        int n = 0;
        long designs = 0;
        try (RecordReader reader = RecordReaders.open(file)) {
            ReadEvent e;
            while ((e = reader.next()) != null) {
                if (e instanceof ReadEvent.Parsed p) {
                    n++;
                    if (TagSuggester.suggest(p.record()).design() != null) {
                        designs++;
                    }
                }
            }
        }
        return designs >= 0 ? n : 0;
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // not Linux: report 0
        }
        return 0;
    }

    /** The stages of the import as its threads' names tell them, for the utilisation table. */
    static final class Stage {
        static final List<String> NAMES = List.of("read", "import", "index", "merge", "bench", "other", "sampler", "gc",
                "jit", "jvm", "process");

        private Stage() {
        }

        static String of(String threadName, long threadId, long benchThread) {
            if (threadId == benchThread) {
                return "bench";
            } else if (threadName.equals("heap-sampler")) {
                return "sampler";
            } else if (threadName.startsWith("cortexlit-import-read")) {
                return "read";
            } else if (threadName.startsWith("cortexlit-import")) {
                return "import";
            } else if (threadName.startsWith("cortexlit-indexer")) {
                return "index";
            } else if (threadName.startsWith("Lucene Merge")) {
                return "merge";
            }
            return "other";
        }
    }

    /**
     * Samples every 20 ms the used heap (its peak is what a step needed at most, garbage included) and each thread's
     * CPU time (a thread that ends during the step counts up to its last sample, at most 20 ms short).
     */
    static final class Sampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long benchThread = Thread.currentThread().getId();
        /** Thread id -> its CPU nanoseconds when the step began (0 for a thread begun since). */
        private final Map<Long, Long> cpuAtStart = new HashMap<>();
        /** Thread id -> the most CPU nanoseconds seen; and its name. */
        private final Map<Long, Long> cpuSeen = new ConcurrentHashMap<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final long processCpuAtStart = processCpu();
        private final long gcMillisAtStart = gcMillis();
        private final long jitMillisAtStart = jitMillis();

        /** Milliseconds the collectors report (pauses, and for G1 its concurrent cycles too, as wall time). */
        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        }

        private static long jitMillis() {
            return ManagementFactory.getCompilationMXBean() == null ? 0
                    : ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        void start() {
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null) {
                    cpuAtStart.put(t.getThreadId(), Math.max(0, threads.getThreadCpuTime(t.getThreadId())));
                }
            }
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    cpuSeen.merge(t.getThreadId(), cpu, Math::max);
                    names.putIfAbsent(t.getThreadId(), t.getThreadName());
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
            processCpuEnd = processCpu();
        }

        private long processCpuEnd;

        long peak() {
            return peak;
        }

        /** Each stage's CPU time over the step's {@code wallNanos}: how many cores it kept busy on average. */
        Map<String, Double> cores(long wallNanos) {
            Map<String, Double> out = new LinkedHashMap<>();
            Stage.NAMES.forEach(n -> out.put(n, 0.0));
            double javaThreads = 0;
            for (Map.Entry<Long, Long> e : cpuSeen.entrySet()) {
                double used = (e.getValue() - cpuAtStart.getOrDefault(e.getKey(), 0L)) / (double) wallNanos;
                out.merge(Stage.of(names.get(e.getKey()), e.getKey(), benchThread), used, Double::sum);
                javaThreads += used;
            }
            double process = (processCpuEnd - processCpuAtStart) / (double) wallNanos;
            double gc = (gcMillis() - gcMillisAtStart) * 1e6 / wallNanos;
            double jit = (jitMillis() - jitMillisAtStart) * 1e6 / wallNanos;
            out.put("gc", gc);
            out.put("jit", jit);
            out.put("jvm", Math.max(0, process - javaThreads));
            out.put("process", process);
            return out;
        }

        private static long processCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }
    }
}
