package org.cortexlit.screening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done when" through the JSON API, as two people with their own accounts (HTTP Basic, the dev
 * accounts): a 500-record review screened in dual blind mode, conflicts resolved, included studies tagged,
 * filtered by tag and exported.
 */
@QuarkusTest
class ReviewsApiTest {

    static final int N = 500;
    static final long FIRST = 39_100_000;

    @Inject
    SearchIndex index;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-password");
    }

    @BeforeEach
    void corpus() throws Exception {
        TestCorpus.reset(index);
        Path file = Files.createTempFile("api-review-", ".xml");
        new CorpusGenerator(11).writePubmedXml(file, N, FIRST, false);
        as("reviewer").multiPart("file", "generated.xml", Files.readAllBytes(file), "text/xml")
                .post("/api/imports?wait=120").then().statusCode(201).body("created", equalTo(N));
        Files.delete(file);
    }

    /** The plan: admin includes every third record; the reviewer agrees except on every seventh. */
    static String adminSays(long pmid) {
        return pmid % 3 == 0 ? "include" : "exclude";
    }

    static String reviewerSays(long pmid) {
        String a = adminSays(pmid);
        return pmid % 7 == 0 ? (a.equals("include") ? "exclude" : "maybe") : a;
    }

    @Test
    void twoReviewersScreenA500RecordReviewResolveTagFilterAndExport() {
        int id = as("reviewer").contentType(ContentType.JSON)
                .body(Map.of("name", "API review", "mode", "dual", "exclusionReasons", List.of("not pain", "not stimulation")))
                .post("/api/reviews").then().statusCode(201).header("Location", containsString("/api/reviews/"))
                .body("mode", equalTo("dual")).body("blind", equalTo(true)).extract().path("id");
        List<String> pmids = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            pmids.add(String.valueOf(FIRST + i));
        }
        as("reviewer").contentType(ContentType.JSON).body(Map.of("pmids", pmids)).post("/api/reviews/" + id + "/records")
                .then().statusCode(200).body("added", equalTo(N));
        as("reviewer").contentType(ContentType.JSON).body(Map.of("username", "admin", "role", "reviewer"))
                .post("/api/reviews/" + id + "/members").then().statusCode(200);
        // a reader is refused with a message, never a 500
        as("reader").contentType(ContentType.JSON).body(Map.of("decision", "include"))
                .post("/api/reviews/" + id + "/records/1/decision").then().statusCode(403);

        int[] table = new int[4]; // both in, admin in / reviewer out, admin out / reviewer in, both out (maybe = in)
        boolean checkedBlind = false;
        for (int n = 0; n < N; n++) {
            Map<String, Object> next = as("admin").get("/api/reviews/" + id + "/next").then().statusCode(200)
                    .extract().jsonPath().getMap("record");
            int rid = (Integer) next.get("id");
            long pmid = Long.parseLong((String) next.get("pmid"));
            as("admin").contentType(ContentType.JSON).body(Map.of("decision", adminSays(pmid), "reason", "1"))
                    .post("/api/reviews/" + id + "/records/" + rid + "/decision").then().statusCode(200);
            if (!checkedBlind) {
                // blind: the reviewer sees that a decision exists, not what it is
                as("reviewer").get("/api/reviews/" + id + "/records/" + rid).then().statusCode(200)
                        .body("decisions.size()", equalTo(0)).body("hiddenDecisions", equalTo(1));
                checkedBlind = true;
            }
            as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", reviewerSays(pmid), "reason", "2"))
                    .post("/api/reviews/" + id + "/records/" + rid + "/decision").then().statusCode(200);
            boolean a = !adminSays(pmid).equals("exclude");
            boolean b = !reviewerSays(pmid).equals("exclude");
            table[(a ? 0 : 2) + (b ? 0 : 1)]++;
        }
        as("admin").get("/api/reviews/" + id + "/next").then().statusCode(204);

        Map<String, Object> stats = as("reader").get("/api/reviews/" + id).then().statusCode(200).extract().jsonPath().getMap("stats");
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = ((List<Map<String, Object>>) stats.get("agreement")).get(0);
        assertEquals(N, pair.get("shared"));
        assertEquals(Agreement.kappa(table[0], table[1], table[2], table[3]), ((Number) pair.get("kappa")).doubleValue(), 1e-6);
        int conflicts = table[1] + table[2];
        assertEquals(conflicts, ((Number) stats.get("conflictsOpen")).intValue());

        // the lead resolves every conflict: include
        List<Integer> open = as("reviewer").queryParam("status", "CONFLICT").queryParam("size", 1000)
                .get("/api/reviews/" + id + "/records").then().statusCode(200).body("total", equalTo(conflicts))
                .body("records[0].decisions.size()", equalTo(2)).extract().path("records.id");
        for (Integer rid : open) {
            as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "include", "note", "full text decides"))
                    .post("/api/reviews/" + id + "/records/" + rid + "/resolve").then().statusCode(200)
                    .body("status", equalTo("INCLUDED")).body("resolvedBy", equalTo("reviewer"));
        }
        as("reader").contentType(ContentType.JSON).body(Map.of("decision", "exclude", "reason", "1"))
                .post("/api/reviews/" + id + "/records/" + open.get(0) + "/resolve").then().statusCode(403);
        // tag the included studies: every other one controlled + M1 + rTMS, the rest uncontrolled + DLPFC + tDCS
        List<Map<String, Object>> included = as("reviewer").queryParam("status", "INCLUDED").queryParam("size", 1000)
                .get("/api/reviews/" + id + "/records").then().statusCode(200).extract().jsonPath().getList("records");
        int controlled = 0;
        for (int i = 0; i < included.size(); i++) {
            String key = (String) included.get(i).get("key");
            boolean c = i % 2 == 0;
            controlled += c ? 1 : 0;
            as("reviewer").contentType(ContentType.JSON).body(Map.of("values", List.of(c ? "controlled" : "uncontrolled")))
                    .put("/api/pubmed/" + key + "/tags/design").then().statusCode(200);
            as("reviewer").contentType(ContentType.JSON).body(Map.of("values", List.of(c ? "M1" : "DLPFC")))
                    .put("/api/pubmed/" + key + "/tags/target").then().statusCode(200);
            as("reviewer").contentType(ContentType.JSON).body(Map.of("values", List.of(c ? "rTMS" : "tDCS")))
                    .put("/api/pubmed/" + key + "/tags/modality").then().statusCode(200)
                    .body("tags.modality[0]", equalTo(c ? "rTMS" : "tDCS"));
        }
        as("reader").contentType(ContentType.JSON).body(Map.of("values", List.of("review")))
                .put("/api/pubmed/" + included.get(0).get("key") + "/tags/design").then().statusCode(403);
        String filter = "controlled[design] AND M1[target] AND rTMS[modality]";
        as("reader").queryParam("status", "INCLUDED").queryParam("q", filter).get("/api/reviews/" + id + "/records")
                .then().statusCode(200).body("total", equalTo(controlled));
        String ris = as("reader").queryParam("format", "ris").queryParam("status", "INCLUDED").queryParam("q", filter)
                .get("/api/reviews/" + id + "/export").then().statusCode(200).header("X-Total-Count", String.valueOf(controlled))
                .extract().asString();
        assertEquals(controlled, ris.split("\nER  -", -1).length - 1, "one RIS record per controlled M1 rTMS study");
        assertTrue(controlled > 20, "a real answer: " + controlled);

        Map<String, Object> prisma = as("reader").get("/api/reviews/" + id).then().extract().jsonPath().getMap("stats.prisma");
        assertEquals(N, ((Number) prisma.get("screened")).intValue());
        assertEquals(included.size(), ((Number) prisma.get("included")).intValue());
        // bad input names the problem
        as("reviewer").contentType(ContentType.JSON).body(Map.of("mode", "triple", "name", "x"))
                .post("/api/reviews").then().statusCode(400).body("error", containsString("single or dual"));
        as("reader").queryParam("status", "DONE").get("/api/reviews/" + id + "/records").then().statusCode(400)
                .body("error", containsString("no status 'DONE'"));
        as("reader").get("/api/reviews/999999").then().statusCode(404).body("error", containsString("no review 999999"));
    }
}
