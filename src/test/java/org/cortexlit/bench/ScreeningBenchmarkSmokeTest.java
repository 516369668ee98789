package org.cortexlit.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.accounts.Accounts;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screening benchmark at a tiny size, in the default run, so the harness never rots. */
@QuarkusTest
class ScreeningBenchmarkSmokeTest {

    @Inject
    ImportRunner runner;
    @Inject
    Reviews reviews;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    SearchIndex index;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ReviewMembers members;
    @Inject
    Accounts accounts;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void decisionsAreTimedAndEachBringsTheNextRecord() throws Exception {
        SearchLatency.prepareCorpus(runner, index, 300, Path.of("target/bench-smoke/screening-corpus"));
        ScreeningLatency.Report report = ScreeningBenchmark.measure(reviews, reviewRecords, base, 300, "relevance", 5, 20, 5);
        System.out.println(report.table());
        assertEquals("relevance", report.order());
        assertTrue(report.ranked() > 0, "the ranking served some of the timed records: " + report.table());
        assertEquals(300, report.reviewRecords());
        assertEquals(20, report.decide().samples());
        assertEquals(5, report.page().samples());
        assertTrue(report.decide().p50() > 0 && report.decide().p50() <= report.decide().p95());
        assertTrue(report.json().contains("\"decide\":{"));
    }

    @Test
    void nextIsTimedWhileSearchersScreenersAndAnImportRun() throws Exception {
        SearchLatency.prepareCorpus(runner, index, 300, Path.of("target/bench-smoke/screening-corpus"));
        ScreeningLoad.Report report = ScreeningBenchmark.measureUnderLoad(reviews, reviewRecords, members, accounts, base,
                300, 200, Path.of("target/bench-smoke/load-import.xml"), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200));
        System.out.println(report.table());
        assertEquals(0, report.errors(), "every request of the load is answered");
        assertTrue(report.importStatus().startsWith("SUCCEEDED, 200 created"), report.importStatus());
        assertEquals(8, report.searchers());
        assertEquals(3, report.screeners());
        assertTrue(report.nextBeforeImport().samples() > 0, "next is timed before the import");
        assertTrue(report.nextDuringImport().samples() > 0, "and while it runs");
        assertTrue(report.searchDuringImport().samples() > 0, "the searchers search meanwhile");
        assertTrue(report.json().contains("\"nextDuringImport\":{"));
    }
}
