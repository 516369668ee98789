package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same records arriving through two tools (real exports of ../shared/corpus) are recognised as
 * duplicates: the second file adds (almost) nothing to search. Skipped when the corpus is absent.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class DedupCorpusTest {

    static final Path CORPUS = Path.of("../shared/corpus");

    @Inject
    SearchIndex index;

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: real-corpus tests skipped");
    }

    @BeforeEach
    void emptyCorpus() {
        TestCorpus.reset(index);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            // first file, second file; the first run: created, linked (a record twice in one file); the second: created, linked.
            // 14 of baseline_zotero.ris carry a PMID in a note or link: those update their twin by PMID (rule 1)
            "asreview/demo_data/_baseline.ris, asreview/demo_data/baseline_zotero.ris, 99, 1, 0, 86",
            "asreview/demo_data/ovid_psycinfo.ris, asreview/demo_data/ovid_zotero.ris, 6, 0, 0, 6",
    })
    void theSameRecordsThroughTwoToolsAreLinked(String first, String second, int created1, int linked1,
                                                int created2, int linked2) throws IOException {
        Path a = CORPUS.resolve(first);
        Path b = CORPUS.resolve(second);
        assumeTrue(Files.isRegularFile(a) && Files.isRegularFile(b), first + " or " + second + " is absent");
        TestCorpus.upload(a.getFileName().toString(), Files.readAllBytes(a)).statusCode(201)
                .body("created", equalTo(created1)).body("duplicates", equalTo(linked1));
        TestCorpus.upload(b.getFileName().toString(), Files.readAllBytes(b)).statusCode(201)
                .body("created", equalTo(created2)).body("duplicates", equalTo(linked2));
        given().get("/api/admin/index").then().body("documents", equalTo(created1 + created2));
        // and again: nothing new, nothing linked twice
        TestCorpus.upload(b.getFileName().toString(), Files.readAllBytes(b)).statusCode(201)
                .body("created", equalTo(0)).body("duplicates", equalTo(0));
    }
}
