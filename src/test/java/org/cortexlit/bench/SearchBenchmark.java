package org.cortexlit.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchPasses;
import org.cortexlit.search.SearchService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search benchmark: imports {@code bench.records} generated records (seed 42, files of 30,000; skipped when
 * the bench data dir already holds exactly that corpus), then times every query of {@code bench/queries.txt} in
 * the Lucene core, through the JSON API and through the HTML page. Prints a table and writes
 * {@code target/bench/search.json}.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -Dbench.records=100000 -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The corpus size is {@code bench.records} (the pom's default is 30,000, so name it); {@code bench.search.records}
 * overrides it, {@code bench.search.warmup} (default 50 rounds) and {@code bench.search.iterations} (default 200)
 * set the rounds. Surefire hands every {@code -D} of the mvn command line to the test JVM, so these work there too.
 * A round runs every query on every path once: at 100,000 records one took about 3 s on two cores, so the
 * defaults (250 rounds) run for about 14 minutes; {@code -Dbench.search.warmup=10 -Dbench.search.iterations=30}
 * (about 2 minutes after the import) is a quicker look.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class SearchBenchmark {

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    SearchService search;

    @TestHTTPResource("/")
    URL base;

    @Test
    void searchLatency() throws Exception {
        int records = Integer.getInteger("bench.search.records", Integer.getInteger("bench.records", 100_000));
        int warmup = Integer.getInteger("bench.search.warmup", 50);
        int iterations = Integer.getInteger("bench.search.iterations", 200);
        Path out = Path.of("target/bench");

        SearchLatency.Corpus corpus = SearchLatency.prepareCorpus(runner, index, records, out.resolve("search-corpus"));
        System.out.printf(Locale.ROOT, "%nSearch benchmark corpus: %,d records, %s in %.1f s%n", corpus.records(),
                corpus.imported() ? "generated and imported" : "generated, import skipped (the data dir already holds it)",
                corpus.seconds());

        long t0 = System.nanoTime();
        SearchLatency.Report report = new SearchLatency(new SearchPasses(search, index), base.toURI())
                .run(SearchLatency.loadQueries(), records, warmup, iterations);
        System.out.println(report.table());
        System.out.printf(Locale.ROOT, "measured in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Files.createDirectories(out);
        Files.writeString(out.resolve("search.json"), report.json());
        assertEquals(records, index.numDocs());
    }
}
