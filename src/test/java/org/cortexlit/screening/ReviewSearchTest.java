package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searching within a review, with the screening-status facet, checked against the database. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ReviewSearchTest {

    static final Actor ADMIN = new Actor("admin", true, true);

    @Inject
    SearchIndex index;
    @Inject
    Decisions decisions;
    @Inject
    Reviews reviews;
    @Inject
    ScreeningQueue queue;

    @BeforeEach
    void corpus() throws Exception {
        TestCorpus.reset(index);
        Path file = Files.createTempFile("scope-", ".xml");
        new CorpusGenerator(5).writePubmedXml(file, 150, 39_200_000, false);
        TestCorpus.upload("generated.xml", Files.readAllBytes(file)).statusCode(201);
        Files.delete(file);
    }

    @Test
    void aSearchWithinAReviewCountsItsHitsByScreeningStatus() {
        long id = reviews.create(new ReviewForm("Scope", null, null, null, null, null, null, null, "single",
                "2010:2021[dp]"), ADMIN).id;
        for (int i = 0; i < 6; i++) {
            long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
            decisions.decide(id, rec, ADMIN, i % 3 == 0 ? "exclude" : "include", "1", null);
        }
        String q = "pain OR stimulation OR cortex";
        long inReview = QuarkusTransaction.requiringNew().call(() -> ReviewRecord.count("reviewId", id));
        int corpus = given().queryParam("q", q).get("/api/search").then().extract().path("total");
        int scoped = given().queryParam("q", q).queryParam("review", id).get("/api/search").then().statusCode(200)
                .extract().path("total");
        assertTrue(scoped <= inReview && scoped < corpus, scoped + " within a review of " + inReview + ", corpus " + corpus);
        int included = given().queryParam("q", q).queryParam("review", id).get("/api/search").then()
                .extract().jsonPath().getInt("facets.status.INCLUDED");
        long includedInDb = QuarkusTransaction.requiringNew().call(() -> ReviewRecord.count("reviewId = ?1 and status = ?2",
                id, Status.INCLUDED));
        assertTrue(included <= includedInDb && included > 0, included + " of " + includedInDb);
        given().queryParam("q", q).queryParam("review", id).queryParam("status", "INCLUDED").get("/api/search").then()
                .body("total", equalTo(included));
        given().queryParam("q", q).queryParam("review", id).get("/search").then().statusCode(200)
                .body(containsString("Screening status in Scope")).body(containsString("&status=INCLUDED\">"));
        given().queryParam("q", q).queryParam("review", 99999).get("/api/search").then().statusCode(404)
                .body("error", containsString("99999"));
        given().queryParam("q", q).queryParam("review", id).queryParam("status", "DONE").get("/api/search").then()
                .statusCode(400).body("error", containsString("DONE"));
        assertEquals(corpus, (int) given().queryParam("q", q).get("/api/search").then().extract().path("total"),
                "without a review the whole corpus is searched");
    }
}
