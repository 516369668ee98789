package org.cortexlit.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The screening benchmark: a review of {@code bench.screening.records} records (default 10,000, a large
 * review), screened over HTTP the way the page's htmx does it, timing each decision to the next record's HTML.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -Dbench.records=10000 -Dtest=ScreeningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Writes {@code target/bench/screening.json}.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ScreeningBenchmark {

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    Reviews reviews;

    @TestHTTPResource("/")
    URL base;

    @Test
    void keyPressToNextRecord() throws Exception {
        int records = Integer.getInteger("bench.screening.records", 10_000);
        int decisions = Integer.getInteger("bench.screening.decisions", 500);
        Path out = Path.of("target/bench");
        SearchLatency.prepareCorpus(runner, index, Math.max(records, Integer.getInteger("bench.records", records)),
                out.resolve("search-corpus"));
        ScreeningLatency.Report report = measure(reviews, reviewRecords, base, records, 50, decisions, 100);
        System.out.println(report.table());
        Files.createDirectories(out);
        Files.writeString(out.resolve("screening.json"), report.json());
    }

    /** Creates a fresh review of {@code records} records and screens it; shared with the smoke test. */
    static ScreeningLatency.Report measure(Reviews reviews, ReviewRecords reviewRecords,
                                           URL base, int records, int warmup, int decisions, int pages)
            throws Exception {
        Actor admin = new Actor("admin", true, true);
        long id = reviews.create(new ReviewForm("Screening benchmark " + System.currentTimeMillis(), null, null, null,
                "rTMS, sham, randomized, motor cortex", "case report, rat*, mice", null, null, "single", null), admin).id;
        for (String chunk : ScreeningLatency.pmidChunks(SearchLatency.FIRST_PMID, records, 5000)) {
            reviewRecords.addByPmid(id, chunk, admin);
        }
        long inReview = QuarkusTransaction.requiringNew().call(() -> ReviewRecord.count("reviewId", id));
        assertEquals(records, inReview, "the review holds every generated record");
        return new ScreeningLatency(base.toURI(), TestCorpus.csrf("admin")).run(id, inReview, warmup, decisions, pages);
    }
}
