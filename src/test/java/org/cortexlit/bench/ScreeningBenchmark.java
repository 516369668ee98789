package org.cortexlit.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.accounts.Accounts;
import org.cortexlit.accounts.User;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The screening benchmark: a review of {@code bench.screening.records} records (default 10,000, a large
 * review), screened over HTTP the way the page's htmx does it, timing each decision to the next record's HTML, with
 * the queue in relevance order (the model retrained in the background after every decision) and in import order; and
 * the same review's {@code GET /api/reviews/{id}/next} under load ({@link ScreeningLoad}): 8 searchers, 3 screeners
 * and an import of {@code bench.load.import} records (default 3,000).
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -Dbench.records=10000 -Dtest=ScreeningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Writes {@code target/bench/screening.json} (relevance order), {@code target/bench/screening-import-order.json} and
 * {@code target/bench/screening-load.json}.
 */
@QuarkusTest
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

    @Inject
    ReviewMembers members;
    @Inject
    Accounts accounts;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void keyPressToNextRecord() throws Exception {
        int records = Integer.getInteger("bench.screening.records", 10_000);
        int decisions = Integer.getInteger("bench.screening.decisions", 500);
        Path out = Path.of("target/bench");
        SearchLatency.prepareCorpus(runner, index, Math.max(records, Integer.getInteger("bench.records", records)),
                out.resolve("search-corpus"));
        ScreeningLatency.Report ranked = measure(reviews, reviewRecords, base, records, "relevance", 50, decisions, 100);
        ScreeningLatency.Report inOrder = measure(reviews, reviewRecords, base, records, "import", 50, decisions, 100);
        System.out.println(ranked.table());
        System.out.println(inOrder.table());
        Files.createDirectories(out);
        Files.writeString(out.resolve("screening.json"), ranked.json());
        Files.writeString(out.resolve("screening-import-order.json"), inOrder.json());
    }

    @Test
    void nextUnderSearchScreeningAndImportLoad() throws Exception {
        int records = Integer.getInteger("bench.screening.records", 10_000);
        int imported = Integer.getInteger("bench.load.import", 3_000);
        Path out = Path.of("target/bench");
        SearchLatency.prepareCorpus(runner, index, records, out.resolve("search-corpus"));
        ScreeningLoad.Report report = measureUnderLoad(reviews, reviewRecords, members, accounts, base, records, imported,
                out.resolve("load-import.xml"), Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ZERO);
        System.out.println(report.table());
        Files.createDirectories(out);
        Files.writeString(out.resolve("screening-load.json"), report.json());
    }

    /** The PMIDs the load's import brings: new to the corpus, far above the generated corpus's. */
    static final long LOAD_IMPORT_FIRST_PMID = SearchLatency.FIRST_PMID + 50_000_000L;

    /**
     * A single-screening review of {@code records} records with three screeners, screened by them through the API while
     * 8 searchers search and an import of {@code imported} new records runs; shared with the smoke test.
     */
    static ScreeningLoad.Report measureUnderLoad(Reviews reviews, ReviewRecords reviewRecords, ReviewMembers members,
                                                 Accounts accounts, URL base, int records, int imported, Path importFile,
                                                 Duration warmup, Duration before, Duration think) throws Exception {
        Actor admin = new Actor("admin", true, true);
        String third = "screener3";
        QuarkusTransaction.requiringNew().run(() -> {
            if (User.findByUsername(third).isEmpty()) {
                accounts.add(third, third + "-password", User.REVIEWER, null);
            }
        });
        long id = reviews.create(new ReviewForm("Screening under load " + System.currentTimeMillis(), null, null, null,
                "rTMS, sham", "case report", null, null, "single", null), admin).id;
        for (String chunk : ScreeningLatency.pmidChunks(SearchLatency.FIRST_PMID, records, 5000)) {
            reviewRecords.addByPmid(id, chunk, admin);
        }
        members.addMember(id, "reviewer", "reviewer", admin);
        members.addMember(id, third, "reviewer", admin);
        Files.createDirectories(importFile.getParent());
        new CorpusGenerator(43).writePubmedXml(importFile, imported, LOAD_IMPORT_FIRST_PMID + System.currentTimeMillis() % 1_000_000 * 10,
                false);
        List<String> queries = SearchLatency.loadQueries().stream().map(SearchLatency.Query::text).toList();
        List<ScreeningLoad.Account> screeners = List.of(new ScreeningLoad.Account("admin", "admin-password"),
                new ScreeningLoad.Account("reviewer", "reviewer-password"), new ScreeningLoad.Account(third, third + "-password"));
        return new ScreeningLoad(base.toURI()).run(id, records, screeners, new ScreeningLoad.Account("reader", "reader-password"),
                8, queries, screeners.get(1), importFile, imported, warmup, before, think);
    }

    /**
     * Creates a fresh review of {@code records} records, its queue in {@code order} ({@code relevance}: every decision
     * retrains its model in the background), and screens it; shared with the smoke test.
     */
    static ScreeningLatency.Report measure(Reviews reviews, ReviewRecords reviewRecords,
                                           URL base, int records, String order, int warmup, int decisions, int pages)
            throws Exception {
        Actor admin = new Actor("admin", true, true);
        long id = reviews.create(new ReviewForm("Screening benchmark " + System.currentTimeMillis(), null, null, null,
                "rTMS, sham, randomized, motor cortex", "case report, rat*, mice", null, null, "single", null, order), admin).id;
        for (String chunk : ScreeningLatency.pmidChunks(SearchLatency.FIRST_PMID, records, 5000)) {
            reviewRecords.addByPmid(id, chunk, admin);
        }
        long inReview = QuarkusTransaction.requiringNew().call(() -> ReviewRecord.count("reviewId", id));
        assertEquals(records, inReview, "the review holds every generated record");
        return new ScreeningLatency(base.toURI(), TestCorpus.csrf("admin")).run(id, inReview, order, warmup, decisions, pages);
    }
}
