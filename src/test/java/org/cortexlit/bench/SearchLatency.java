package org.cortexlit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.cortexlit.TestCorpus;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchPasses;
import org.cortexlit.search.SearchService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measuring part of the search benchmark, shared by {@link SearchBenchmark} and its smoke test.
 *
 * <p>Each query of {@code /bench/queries.txt} is timed five ways, in process: the Lucene core
 * ({@link SearchPasses#rankOnly}: translation and the ranked top 20, best match, keys read), the counting pass
 * ({@link SearchPasses#countOnly}: the exact total and every facet), the whole service ({@link SearchService#search}
 * with page 1, 20 hits: both passes, highlighting, stored fields); and over HTTP: the JSON API {@code GET /api/search?q=} and the full HTML page {@code GET /search?q=}, both over
 * loopback with {@link HttpClient} (HTTP/1.1, keep-alive, body read in full). Rounds are interleaved (every
 * iteration runs every query on every path) so a burst of load from elsewhere on the machine spreads over all
 * queries instead of landing on one. Percentiles are nearest-rank over the sorted nanos of each class.
 */
final class SearchLatency {

    /** The way a query is timed. */
    enum Via {
        CORE("core"), COUNTS("counts"), SERVICE("service"), API("api"), PAGE("page");

        final String label;

        Via(String label) {
            this.label = label;
        }
    }

    record Query(String kind, String text) {
    }

    /** One query's hits and its sorted samples (nanos) per path. */
    record QueryResult(Query query, long hits, Map<Via, long[]> nanos) {
    }

    record Percentiles(int samples, double p50Ms, double p95Ms, double p99Ms) {

        static Percentiles of(long[] sortedNanos) {
            return new Percentiles(sortedNanos.length, ms(percentile(sortedNanos, 50)), ms(percentile(sortedNanos, 95)),
                    ms(percentile(sortedNanos, 99)));
        }

        /** The JSON form every benchmark writes: samples and p50ms / p95ms / p99ms to the microsecond. */
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("samples", samples);
            m.put("p50ms", round(p50Ms));
            m.put("p95ms", round(p95Ms));
            m.put("p99ms", round(p99Ms));
            return m;
        }

        static double round(double ms) {
            return Math.round(ms * 1000) / 1000.0;
        }
    }

    record ClassResult(String kind, List<QueryResult> queries, Map<Via, Percentiles> percentiles) {
    }

    record Report(long records, int warmupRounds, int iterations, List<QueryResult> queries) {

        /** Per class, in the order the classes first appear in the query file; samples of its queries pooled. */
        List<ClassResult> classes() {
            Map<String, List<QueryResult>> byKind = new LinkedHashMap<>();
            for (QueryResult q : queries) {
                byKind.computeIfAbsent(q.query().kind(), k -> new ArrayList<>()).add(q);
            }
            List<ClassResult> out = new ArrayList<>();
            byKind.forEach((kind, qs) -> {
                Map<Via, Percentiles> p = new LinkedHashMap<>();
                for (Via path : Via.values()) {
                    long[] pooled = qs.stream().flatMapToLong(q -> Arrays.stream(q.nanos().get(path))).sorted().toArray();
                    p.put(path, Percentiles.of(pooled));
                }
                out.add(new ClassResult(kind, qs, p));
            });
            return out;
        }

        String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%nSearch benchmark: %,d records, %d queries, %d warm-up rounds, %d iterations, "
                            + "%d cores, max heap %d MB%n", records, queries.size(), warmupRounds, iterations,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
            sb.append("latency in ms per class (samples of its queries pooled): p50 / p95 / p99\n");
            sb.append(String.format(Locale.ROOT, "%-11s %3s %21s %24s %24s %24s %24s %24s%n", "class", "n", "hits",
                    "core (Lucene top 20)", "counts (total+facets)", "service (all)", "JSON /api/search", "HTML /search"));
            for (ClassResult c : classes()) {
                long min = c.queries().stream().mapToLong(QueryResult::hits).min().orElse(0);
                long max = c.queries().stream().mapToLong(QueryResult::hits).max().orElse(0);
                sb.append(String.format(Locale.ROOT, "%-11s %3d %21s", c.kind(), c.queries().size(),
                        min == max ? String.format(Locale.ROOT, "%,d", min) : String.format(Locale.ROOT, "%,d-%,d", min, max)));
                for (Via p : Via.values()) {
                    Percentiles x = c.percentiles().get(p);
                    sb.append(String.format(Locale.ROOT, " %24s", String.format(Locale.ROOT, "%.1f / %.1f / %.1f", x.p50Ms(), x.p95Ms(), x.p99Ms())));
                }
                sb.append('\n');
            }
            sb.append("\nper query: hits, p50 ms core / counts / service / api / page\n");
            for (QueryResult q : queries) {
                sb.append(String.format(Locale.ROOT, "%-11s %9d %7.1f %7.1f %7.1f %7.1f %7.1f  %s%n", q.query().kind(), q.hits(),
                        ms(percentile(q.nanos().get(Via.CORE), 50)), ms(percentile(q.nanos().get(Via.COUNTS), 50)),
                        ms(percentile(q.nanos().get(Via.SERVICE), 50)), ms(percentile(q.nanos().get(Via.API), 50)),
                        ms(percentile(q.nanos().get(Via.PAGE), 50)), q.query().text()));
            }
            return sb.toString();
        }

        String json() throws IOException {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("records", records);
            root.put("warmupRounds", warmupRounds);
            root.put("iterations", iterations);
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
            List<Object> classes = new ArrayList<>();
            for (ClassResult c : classes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("class", c.kind());
                m.put("queries", c.queries().size());
                c.percentiles().forEach((p, x) -> m.put(p.label, x.json()));
                classes.add(m);
            }
            root.put("classes", classes);
            List<Object> qs = new ArrayList<>();
            for (QueryResult q : queries) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("class", q.query().kind());
                m.put("query", q.query().text());
                m.put("hits", q.hits());
                q.nanos().forEach((p, n) -> m.put(p.label, Percentiles.of(n).json()));
                qs.add(m);
            }
            root.put("queries", qs);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchPasses search;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // plain-HTTP browsers speak 1.1; no h2c upgrade dance
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** @param base the application's root, e.g. {@code http://localhost:8081/} */
    SearchLatency(SearchPasses search, URI base) {
        this.search = search;
        this.base = base;
    }

    /** The queries of {@code /bench/queries.txt}: {@code class<TAB>query} per line; '#' comments and blank lines skipped. */
    static List<Query> loadQueries() throws IOException {
        List<Query> queries = new ArrayList<>();
        try (InputStream in = SearchLatency.class.getResourceAsStream("/bench/queries.txt")) {
            if (in == null) {
                throw new IOException("No /bench/queries.txt on the test classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || line.substring(tab + 1).isBlank()) {
                    throw new IOException("queries.txt: expected <class><TAB><query>, got: " + line);
                }
                queries.add(new Query(line.substring(0, tab).trim(), line.substring(tab + 1).trim()));
            }
        }
        return queries;
    }

    /**
     * Warms up with {@code warmupRounds} untimed rounds (checking once that the API finds what the core finds),
     * then times {@code iterations} interleaved rounds.
     */
    Report run(List<Query> queries, long records, int warmupRounds, int iterations) throws Exception {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be 1 or more");
        }
        long[] hits = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            hits[i] = search.search(queries.get(i).text(), 1, 20, SearchService.Order.RELEVANCE).total();
            JsonNode api = JSON.readTree(get("/api/search", queries.get(i).text()));
            if (api.path("total").asLong(-1) != hits[i]) {
                throw new IllegalStateException("GET /api/search found " + api.path("total") + " for " + queries.get(i)
                        + ", the service " + hits[i]);
            }
        }
        for (int round = 0; round < warmupRounds; round++) {
            for (Query q : queries) {
                for (Via p : Via.values()) {
                    once(p, q.text());
                }
            }
        }
        long[][][] samples = new long[queries.size()][Via.values().length][iterations];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < queries.size(); i++) {
                for (Via p : Via.values()) {
                    samples[i][p.ordinal()][it] = once(p, queries.get(i).text());
                }
            }
        }
        List<QueryResult> results = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Map<Via, long[]> byPath = new LinkedHashMap<>();
            for (Via p : Via.values()) {
                long[] s = samples[i][p.ordinal()];
                Arrays.sort(s);
                byPath.put(p, s);
            }
            results.add(new QueryResult(queries.get(i), hits[i], byPath));
        }
        return new Report(records, warmupRounds, iterations, results);
    }

    /** Nanos for one search on {@code path}; a failed request fails the benchmark. */
    private long once(Via path, String q) throws Exception {
        long t0 = System.nanoTime();
        switch (path) {
            case CORE -> search.rankOnly(q, 20, SearchService.Order.RELEVANCE);
            case COUNTS -> search.countOnly(q);
            case SERVICE -> search.search(q, 1, 20, SearchService.Order.RELEVANCE);
            case API -> get("/api/search", q);
            case PAGE -> get("/search", q);
        }
        long t = System.nanoTime() - t0;
        return Math.max(1, t);
    }

    private byte[] get(String path, String q) throws Exception {
        URI uri = base.resolve(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ------------------------------------------------------------------------------------------------
    // The corpus

    static final long SEED = 42;
    /** Clear of the import benchmark's PMIDs (10,000,000 up), so its data can never pass for ours. */
    static final long FIRST_PMID = 20_000_000L;
    static final int RECORDS_PER_FILE = 30_000;

    /** What {@link #prepareCorpus} did. */
    record Corpus(long records, boolean imported, double seconds) {
    }

    /**
     * Generates {@code records} records (seed {@value #SEED}) in files of {@value #RECORDS_PER_FILE} under {@code work}
     * and imports them, unless the data dir already holds exactly this corpus: a marker written after the last
     * import names the files' SHA-256, and the database and the index hold exactly {@code records} articles with
     * our first and last PMID. Otherwise the database and index are emptied first.
     */
    static Corpus prepareCorpus(ImportRunner runner, SearchIndex index, int records, Path work) throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(work);
        CorpusGenerator generator = new CorpusGenerator(SEED);
        List<Path> files = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int done = 0, f = 1; done < records; done += RECORDS_PER_FILE, f++) {
            int n = Math.min(RECORDS_PER_FILE, records - done);
            Path p = work.resolve(String.format(Locale.ROOT, "search%02d.xml", f));
            generator.writePubmedXml(p, n, FIRST_PMID + done, false);
            try (InputStream in = new DigestInputStream(Files.newInputStream(p), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            files.add(p);
        }
        String stamp = "seed=" + SEED + " records=" + records + " firstPmid=" + FIRST_PMID + " sha256="
                + HexFormat.of().formatHex(sha.digest());
        Path marker = index.path().resolveSibling("search-benchmark-corpus.txt");
        if (Files.exists(marker) && Files.readString(marker).trim().equals(stamp) && holds(index, records)) {
            return new Corpus(records, false, (System.nanoTime() - t0) / 1e9);
        }
        Files.deleteIfExists(marker);
        TestCorpus.reset(index);
        for (Path p : files) {
            importFile(runner, p);
        }
        if (!holds(index, records)) {
            throw new IllegalStateException("after the import the corpus does not hold the " + records + " generated records: "
                    + "the database shows " + QuarkusTransaction.requiringNew().call(Article::countVisible)
                    + " articles, the index " + index.numDocs());
        }
        Files.writeString(marker, stamp + "\n");
        return new Corpus(records, true, (System.nanoTime() - t0) / 1e9);
    }

    private static boolean holds(SearchIndex index, int records) throws Exception {
        long inDb = QuarkusTransaction.requiringNew().call(Article::countVisible);
        return inDb == records && index.numDocs() == records && QuarkusTransaction.requiringNew().call(() ->
                Article.findByPmid(Long.toString(FIRST_PMID)).isPresent()
                        && Article.findByPmid(Long.toString(FIRST_PMID + records - 1)).isPresent());
    }

    private static void importFile(ImportRunner runner, Path input) throws Exception {
        // the runner takes ownership of (moves) the file it is given: hand it a copy
        Path copy = Files.createTempFile(input.getParent(), "import-", ".xml");
        Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
        ImportRunner.Handle h = runner.submit(copy, input.getFileName().toString(), ImportRun.Trigger.MANUAL);
        while (!h.await(Duration.ofMinutes(10))) {
            // keep waiting: a slow machine is still a result
        }
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> ImportRun.findById(h.runId()));
        if (run.status == ImportRun.Status.FAILED) {
            throw new IllegalStateException("benchmark import of " + input + " failed: " + run.message);
        }
    }
}
