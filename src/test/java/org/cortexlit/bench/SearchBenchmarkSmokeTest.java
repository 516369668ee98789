package org.cortexlit.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchPasses;
import org.cortexlit.search.SearchService;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search benchmark at a tiny size (500 records, 3 iterations), in the default test run and its app, so the
 * harness never rots and the query file keeps matching the generator's vocabulary.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class SearchBenchmarkSmokeTest {

    /** The query classes docs/performance.md reports, plus author and term-mapped queries. */
    static final Set<String> CLASSES = Set.of("term", "and", "phrase", "fielded", "range", "truncation", "or10",
            "strategy", "author", "mapped");

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    SearchService search;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyQueryClassIsTimedOnEveryPath() throws Exception {
        Path out = Path.of("target/bench-smoke");
        SearchLatency.prepareCorpus(runner, index, 500, out.resolve("search-corpus"));
        assertEquals(500, index.numDocs());

        SearchLatency.Report report = new SearchLatency(new SearchPasses(search, index), base.toURI())
                .run(SearchLatency.loadQueries(), 500, 1, 3);
        System.out.println(report.table());

        List<SearchLatency.ClassResult> classes = report.classes();
        assertEquals(new TreeSet<>(CLASSES), classes.stream().map(SearchLatency.ClassResult::kind)
                .collect(Collectors.toCollection(TreeSet::new)));
        for (SearchLatency.ClassResult c : classes) {
            c.percentiles().forEach((via, p) -> {
                String what = c.kind() + " " + via.label + " " + p;
                assertEquals(3L * c.queries().size(), p.samples(), what);
                assertTrue(p.p50Ms() > 0, what);
                assertTrue(p.p95Ms() >= p.p50Ms(), what);
                assertTrue(p.p99Ms() >= p.p95Ms(), what);
            });
        }
        SearchLatency.QueryResult term = report.queries().stream()
                .filter(q -> q.query().kind().equals("term")).findFirst().orElseThrow();
        assertTrue(term.hits() > 0, "the term query '" + term.query().text() + "' finds nothing in the generated corpus");
        // a query that finds nothing times an empty result, not a search: keep queries.txt within the vocabulary
        report.queries().forEach(q -> assertTrue(q.hits() > 0, "no hits in 500 generated records: " + q.query()));

        Files.createDirectories(out);
        Path json = out.resolve("search.json");
        Files.writeString(json, report.json());
        String written = Files.readString(json);
        assertTrue(written.contains("\"p95ms\""), written);
        for (String kind : CLASSES) {
            assertTrue(written.contains("\"class\" : \"" + kind + "\""), kind);
        }
    }
}
