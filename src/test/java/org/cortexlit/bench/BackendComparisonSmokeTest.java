package org.cortexlit.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchService;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend comparison at a tiny size (500 records, 2 rounds), in the default test run, so the SQL translations
 * keep matching queries.txt and the generator's vocabulary. PostgreSQL takes part where it is installed; without it
 * the comparison prints why and runs Lucene and H2 LIKE alone.
 */
@QuarkusTest
class BackendComparisonSmokeTest {

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    SearchService search;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyQueryRunsOnEveryBackendAndFindsSomething() throws Exception {
        Path out = Path.of("target/bench-smoke");
        SearchLatency.prepareCorpus(runner, index, 500, out.resolve("search-corpus"));
        BackendComparison.Report report = BackendBenchmark.compare(search, dataSource, 500, out, 0, 2, 2);
        System.out.println(report.table());

        boolean withPostgres = report.postgresVersion() != null;
        for (BackendComparison.Result r : report.results()) {
            r.hits().forEach((backend, hits) -> assertTrue(hits > 0,
                    backend.label + " finds nothing for '" + r.query().text() + "': fix queries-sql.tsv"));
            assertEquals(withPostgres ? 3 : 2, r.nanos().size(), r.query().text());
            r.nanos().values().forEach(n -> assertEquals(2, n.length, r.query().text()));
        }
        String json = report.json();
        Files.writeString(out.resolve("compare.json"), json);
        assertTrue(json.contains("\"ratioP95\""), json);
    }
}
