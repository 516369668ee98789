package org.cortexlit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cortexlit.TestCorpus;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.library.Article;
import org.cortexlit.search.Analyzers;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.suggest.TagSuggester;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** The steps of the import benchmark, shared by the full benchmark and its smoke test. */
final class ImportLadder {

    /** {@code peakHeapBytes}: the most in use while the step ran, garbage included; {@code liveHeapBytes}: in use
     * after a full collection once it ended (what it left behind: growth across files shows here); {@code rssBytes}:
     * the process's resident memory then. */
    record Step(String name, int records, long nanos, long peakHeapBytes, long liveHeapBytes, long rssBytes) {
        double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    record Report(int recordsPerFile, List<Step> steps, long articlesInDatabase, long rssBytes) {

        String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%nImport benchmark: %d records per file, %d cores, max heap %d MB%n",
                    recordsPerFile, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
            sb.append(String.format(Locale.ROOT, "%-34s %10s %10s %12s %14s %12s %8s%n", "step", "records", "seconds",
                    "records/s", "peak heap MB", "after GC MB", "RSS MB"));
            for (Step s : steps) {
                sb.append(String.format(Locale.ROOT, "%-34s %10d %10.2f %12.0f %14d %12d %8d%n", s.name(), s.records(),
                        s.nanos() / 1e9, s.perSecond(), s.peakHeapBytes() >> 20, s.liveHeapBytes() >> 20, s.rssBytes() >> 20));
            }
            sb.append(String.format(Locale.ROOT, "articles in the database: %d; process RSS at the end: %d MB%n",
                    articlesInDatabase, rssBytes >> 20));
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
        steps.add(measure("parse + index (Lucene alone)", () -> parseAndIndex(first, work.resolve("ladder-index"))));
        steps.add(measure("parse + database (no index)", () -> withoutIndex(() -> importFile(first))));
        TestCorpus.reset(index); // the full imports start from an empty database again
        for (int f = 0; f < files; f++) {
            Path input = inputs.get(f);
            steps.add(measure("full import, file " + (f + 1) + " (new)", () -> importFile(input)));
        }
        steps.add(measure("re-import file 1 (unchanged)", () -> importFile(first)));
        long inDb = QuarkusTransaction.requiringNew().call(Article::countVisible);
        return new Report(records, steps, inDb, rss());
    }

    interface Work {
        int run() throws Exception;
    }

    private static Step measure(String name, Work work) throws Exception {
        System.gc();
        HeapSampler sampler = new HeapSampler();
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
        return new Step(name, n, nanos, sampler.peak(), live, rss());
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
     * Parse, make each record's document as the import does ({@link ArticleDocuments#toDocument} of an unsaved
     * article) and add it to a new index in {@code dir} with the app's analyzer and writer settings; one thread (the
     * app indexes on its own thread while the next batch goes to the database).
     */
    static int parseAndIndex(Path file, Path dir) throws Exception {
        TestCorpus.deleteTree(dir);
        int n = 0;
        IndexWriterConfig iwc = SearchIndex.writerConfig(
                Analyzers.create(), IndexWriterConfig.OpenMode.CREATE);
        try (Directory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, iwc);
             RecordReader reader = RecordReaders.open(file)) {
            ReadEvent e;
            while ((e = reader.next()) != null) {
                if (e instanceof ReadEvent.Parsed p) {
                    Article a = new Article();
                    a.apply(p.record(), "ladder");
                    w.addDocument(ArticleDocuments.toDocument(a));
                    n++;
                }
            }
            w.commit();
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

    /** Samples used heap every 20 ms; the peak is what a step needed at most (garbage included). */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
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

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        long peak() {
            return peak;
        }
    }
}
