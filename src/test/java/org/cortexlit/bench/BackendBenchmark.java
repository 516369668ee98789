package org.cortexlit.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Optional;

/**
 * Our Lucene core against PostgreSQL full-text search and H2 {@code LIKE} over the same records
 * ({@link BackendComparison}). Uses the search benchmark's corpus (imported once, skipped when the bench data dir
 * already holds it), starts a throwaway PostgreSQL cluster under {@code target/bench/pg} (skipped with a message
 * when PostgreSQL is not installed), prints a table and writes {@code target/bench/compare.json}.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -Dbench.records=100000 -Dtest=BackendBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code bench.compare.warmup} (default 5 rounds),
 * {@code bench.compare.iterations} (default 10: at 100,000 records PostgreSQL takes seconds to rank a term most
 * records match, so one round takes about a minute) and {@code bench.compare.like.iterations} (default 5: H2 LIKE
 * reads every row for every query) set the rounds. {@code src/bench/run-benchmarks.sh} runs it
 * with the rest.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class BackendBenchmark {

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    SearchService search;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void luceneAgainstPostgresAndH2Like() throws Exception {
        int records = Integer.getInteger("bench.search.records", Integer.getInteger("bench.records", 100_000));
        Path out = Path.of("target/bench");
        SearchLatency.Corpus corpus = SearchLatency.prepareCorpus(runner, index, records, out.resolve("search-corpus"));
        System.out.printf(Locale.ROOT, "%nComparison corpus: %,d records, %s in %.1f s%n", corpus.records(),
                corpus.imported() ? "generated and imported" : "generated, import skipped (the data dir already holds it)",
                corpus.seconds());
        BackendComparison.Report report = compare(search, dataSource, records, out,
                Integer.getInteger("bench.compare.warmup", 5), Integer.getInteger("bench.compare.iterations", 10),
                Integer.getInteger("bench.compare.like.iterations", 5));
        System.out.println(report.table());
        Files.writeString(out.resolve("compare.json"), report.json());
    }

    /** Loads both SQL backends from the app's database and times the query file; PostgreSQL only where installed. */
    static BackendComparison.Report compare(SearchService search, AgroalDataSource app, long records, Path out,
                                            int warmup, int iterations, int likeIterations) throws Exception {
        Files.createDirectories(out);
        Optional<Path> pgBin = PostgresCluster.find();
        PostgresCluster cluster = pgBin.isPresent() ? PostgresCluster.start(pgBin.get(), out.resolve("pg")) : null;
        try (cluster; Connection h2 = BackendComparison.openH2(out.resolve("h2-like"));
             Connection pg = cluster == null ? null : cluster.connect()) {
            BackendComparison.Load load = BackendComparison.load(app, pg, h2);
            return new BackendComparison(search, pg, h2).run(SearchLatency.loadQueries(), records,
                    cluster == null ? null : cluster.version(), load, warmup, iterations, likeIterations);
        }
    }
}
