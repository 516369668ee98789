package org.cortexlit.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.screening.Agreement;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
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
 * A whole review through the JSON API, as two people with their own accounts (HTTP Basic, the dev
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
    void anAdminCreatesUsersForScripts() {
        String name = "carol" + System.nanoTime() % 100000;
        as("admin").contentType(ContentType.JSON).body(Map.of("username", name, "password", "carol-password", "role", "REVIEWER"))
                .post("/api/users").then().statusCode(201).body("role", equalTo("REVIEWER"))
                .body("password", Matchers.nullValue());
        given().auth().preemptive().basic(name, "carol-password").get("/api/reviews").then().statusCode(200);
        as("admin").contentType(ContentType.JSON).body(Map.of("username", name, "password", "carol-password", "role", "READER"))
                .post("/api/users").then().statusCode(409).body("error", containsString(name));
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "dave", "password", "short", "role", "READER"))
                .post("/api/users").then().statusCode(400).body("error", containsString("8 characters"));
        as("reviewer").contentType(ContentType.JSON).body(Map.of("username", "eve", "password", "long-enough", "role", "ADMIN"))
                .post("/api/users").then().statusCode(403);
    }

    @Test
    void twoReviewersScreenA500RecordReviewResolveTagFilterAndExport() {
        int id = as("reviewer").contentType(ContentType.JSON)
                .body(Map.of("name", "API review", "question", "Does it work?", "mode", "DUAL",
                        "members", List.of(Map.of("username", "admin", "role", "REVIEWER")),
                        "includeWords", List.of("sham", "randomized"), "excludeWords", List.of("case report"),
                        "reasons", List.of("not pain", "not stimulation")))
                .post("/api/reviews").then().statusCode(201).header("Location", containsString("/api/reviews/"))
                .body("mode", equalTo("dual")).body("blind", equalTo(true)).body("members.size()", equalTo(2))
                .body("includeWords[1]", equalTo("randomized")).body("exclusionReasons[0]", equalTo("not pain"))
                .extract().path("id");
        List<String> pmids = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            pmids.add(String.valueOf(FIRST + i));
        }
        as("reviewer").contentType(ContentType.JSON).body(Map.of("pmids", pmids)).post("/api/reviews/" + id + "/records")
                .then().statusCode(200).body("added", equalTo(N));
        // a reader is refused with a message, never a 500
        as("reader").contentType(ContentType.JSON).body(Map.of("verdict", "INCLUDE"))
                .put("/api/reviews/" + id + "/records/" + FIRST + "/decision").then().statusCode(403);

        int[] table = new int[4]; // both in, admin in / reviewer out, admin out / reviewer in, both out (maybe = in)
        boolean checkedBlind = false;
        for (int n = 0; n < N; n++) {
            Map<String, Object> next = as("admin").get("/api/reviews/" + id + "/next").then().statusCode(200)
                    .extract().jsonPath().getMap("record");
            long pmid = Long.parseLong((String) next.get("pmid"));
            as("admin").contentType(ContentType.JSON).body(Map.of("verdict", adminSays(pmid).toUpperCase(), "reason", "1"))
                    .put("/api/reviews/" + id + "/records/" + pmid + "/decision").then().statusCode(200);
            if (!checkedBlind) {
                // blind: the reviewer sees that a decision exists, not what it is
                as("reviewer").get("/api/reviews/" + id + "/records/" + pmid).then().statusCode(200)
                        .body("decisions.size()", equalTo(0)).body("hiddenDecisions", equalTo(1));
                as("reviewer").get("/api/reviews/" + id + "/records/" + pmid + "/history").then().statusCode(200)
                        .body("size()", equalTo(1)); // only that it was added
                checkedBlind = true;
            }
            as("reviewer").contentType(ContentType.JSON).body(Map.of("verdict", reviewerSays(pmid).toUpperCase(), "reason", "2"))
                    .put("/api/reviews/" + id + "/records/" + pmid + "/decision").then().statusCode(200);
            boolean a = !adminSays(pmid).equals("exclude");
            boolean b = !reviewerSays(pmid).equals("exclude");
            table[(a ? 0 : 2) + (b ? 0 : 1)]++;
        }
        as("admin").get("/api/reviews/" + id + "/next").then().statusCode(204);

        Map<String, Object> progress = as("reader").get("/api/reviews/" + id + "/progress").then().statusCode(200)
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = ((List<Map<String, Object>>) progress.get("agreement")).get(0);
        assertEquals("admin", pair.get("a"));
        assertEquals("reviewer", pair.get("b"));
        assertEquals(N, pair.get("n"));
        assertEquals(Agreement.kappa(table[0], table[1], table[2], table[3]), ((Number) pair.get("kappa")).doubleValue(), 1e-6);
        int conflicts = table[1] + table[2];
        @SuppressWarnings("unchecked")
        Map<String, Object> conflictCounts = (Map<String, Object>) progress.get("conflicts");
        assertEquals(conflicts, ((Number) conflictCounts.get("open")).intValue());
        assertEquals(N, ((Number) progress.get("records")).intValue());

        // the lead resolves every conflict: include
        List<String> open = as("reviewer").queryParam("status", "CONFLICT").queryParam("size", 1000)
                .get("/api/reviews/" + id + "/records").then().statusCode(200).body("total", equalTo(conflicts))
                .body("records[0].decisions.size()", equalTo(2)).extract().path("records.key");
        for (String key : open) {
            as("reviewer").contentType(ContentType.JSON).body(Map.of("verdict", "INCLUDE", "note", "full text decides"))
                    .put("/api/reviews/" + id + "/records/" + key + "/resolution").then().statusCode(200)
                    .body("status", equalTo("INCLUDED")).body("resolvedBy", equalTo("reviewer"));
        }
        as("reader").contentType(ContentType.JSON).body(Map.of("verdict", "EXCLUDE", "reason", "1"))
                .put("/api/reviews/" + id + "/records/" + open.get(0) + "/resolution").then().statusCode(403);
        // tag the included studies: every other one controlled + M1 + rTMS, the rest uncontrolled + DLPFC + tDCS
        List<Map<String, Object>> included = as("reviewer").queryParam("status", "INCLUDED").queryParam("size", 1000)
                .get("/api/reviews/" + id + "/records").then().statusCode(200).extract().jsonPath().getList("records");
        int controlled = 0;
        for (int i = 0; i < included.size(); i++) {
            String key = (String) included.get(i).get("key");
            boolean c = i % 2 == 0;
            controlled += c ? 1 : 0;
            as("reviewer").contentType(ContentType.JSON).body(Map.of("design", c ? "controlled" : "uncontrolled",
                            "targets", List.of(c ? "M1" : "DLPFC"), "modalities", List.of(c ? "rTMS" : "tDCS"), "sessions", "10"))
                    .put("/api/reviews/" + id + "/records/" + key + "/tags").then().statusCode(200)
                    .body("tags.modality[0]", equalTo(c ? "rTMS" : "tDCS")).body("tags.sessions[0]", equalTo("10"));
        }
        as("reader").contentType(ContentType.JSON).body(Map.of("design", "review"))
                .put("/api/reviews/" + id + "/records/" + included.get(0).get("key") + "/tags").then().statusCode(403);
        as("reviewer").contentType(ContentType.JSON).body(Map.of("design", "controlled", "sessions", "many"))
                .put("/api/reviews/" + id + "/records/" + included.get(0).get("key") + "/tags").then().statusCode(400)
                .body("error", containsString("Number of sessions"));
        String filter = "controlled[design] AND M1[target] AND rTMS[modality]";
        as("reader").queryParam("status", "INCLUDED").queryParam("q", filter).get("/api/reviews/" + id + "/records")
                .then().statusCode(200).body("total", equalTo(controlled));
        String ris = as("reader").queryParam("format", "ris").queryParam("status", "INCLUDED").queryParam("q", filter)
                .get("/api/reviews/" + id + "/export").then().statusCode(200).header("X-Total-Count", String.valueOf(controlled))
                .extract().asString();
        assertEquals(controlled, ris.split("\nER  -", -1).length - 1, "one RIS record per controlled M1 rTMS study");
        assertTrue(ris.contains("KW  - design: controlled") && ris.contains("KW  - target: M1"), "tags travel as KW");
        assertTrue(ris.contains("N1  - CortexLit review \"API review\": INCLUDED") && ris.contains("N1  - Decision by admin: include"),
                "decisions travel as N1");
        String csv = as("reader").queryParam("format", "csv").queryParam("status", "INCLUDED").queryParam("q", filter)
                .get("/api/reviews/" + id + "/export").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(controlled + 1, lines.length);
        assertTrue(lines[0].endsWith("status,final_decision,final_reason,resolved_by,decisions,notes,design,target,modality,frequency,sessions,intensity,condition"), lines[0]);
        assertTrue(lines[1].contains(",INCLUDED,") && lines[1].contains(",controlled,M1,rTMS,,10,,"), lines[1]);
        assertTrue(controlled > 20, "a real answer: " + controlled);

        Map<String, Object> prisma = as("reader").get("/api/reviews/" + id + "/progress").then().extract().jsonPath().getMap("prisma");
        assertEquals(N, ((Number) prisma.get("screened")).intValue());
        assertEquals(included.size(), ((Number) prisma.get("included")).intValue());
        // bad input names the problem
        as("reviewer").contentType(ContentType.JSON).body(Map.of("mode", "triple", "name", "x"))
                .post("/api/reviews").then().statusCode(400).body("error", containsString("single or dual"));
        as("reviewer").contentType(ContentType.JSON).body(Map.of("name", "x", "members", List.of(Map.of("username", "reader"))))
                .post("/api/reviews").then().statusCode(400).body("error", containsString("reader"));
        as("reader").queryParam("status", "DONE").get("/api/reviews/" + id + "/records").then().statusCode(400)
                .body("error", containsString("no status 'DONE'"));
        as("reader").get("/api/reviews/999999").then().statusCode(404).body("error", containsString("no review 999999"));
    }
}
