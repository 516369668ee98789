package org.cortexlit.it;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.cortexlit.bench.CorpusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 200 means stored: what the packaged app acknowledged survives a SIGKILL right after the answer (no shutdown,
 * nothing flushed later), on the embedded H2 of a default install.
 */
class CrashDurabilityIT {

    static Path data;
    static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("cortexlit-crash");
        app = new PackagedApp("crash", Map.of("CORTEXLIT_DATA_DIR", data.toString(),
                "CORTEXLIT_ADMIN_PASSWORD", "crash-admin-password")).start(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static RequestSpecification api() {
        return RestAssured.given().baseUri(app.baseUrl()).auth().preemptive().basic("admin", "crash-admin-password")
                .contentType("application/json");
    }

    /** SIGKILL, start again, and wait until the start-up check has brought the index up to the database. */
    private static void crashAndRestart() throws Exception {
        app.kill();
        app.start(Duration.ofSeconds(120));
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var index = api().get("/api/admin/index").then().statusCode(200).extract().jsonPath();
            return !index.getBoolean("checking") && index.get("rebuilding") == null;
        });
    }

    @Test
    void anAcknowledgedDecisionAndAnAcknowledgedImportSurviveAKillRightAfterTheAnswer() throws Exception {
        Path file = Files.createTempFile(data, "corpus", ".xml");
        new CorpusGenerator(20).writePubmedXml(file, 5_000, 40_000_000L, false);
        long run = api().contentType("multipart/form-data").multiPart("file", file.toFile())
                .post("/api/imports?wait=0s").then().statusCode(202).extract().jsonPath().getLong("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !"RUNNING".equals(api().get("/api/imports/" + run).then().extract().jsonPath().getString("status")));
        assertEquals(5_000, api().get("/api/imports/" + run).then().extract().jsonPath().getInt("created"));
        crashAndRestart();
        assertEquals(5_000, api().get("/api/search?q=1900:2100[dp]&size=1").then().statusCode(200)
                .extract().jsonPath().getInt("total"), "every record of the acknowledged import is there after the crash");

        long review = api().body(Map.of("name", "Crash", "mode", "single")).post("/api/reviews").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<String> pmids = List.of("40000001", "40000002", "40000003");
        api().body(Map.of("pmids", pmids)).post("/api/reviews/" + review + "/records").then().statusCode(200);
        for (String pmid : pmids) {
            api().body(Map.of("verdict", "INCLUDE")).put("/api/reviews/" + review + "/records/" + pmid + "/decision")
                    .then().statusCode(200);
            crashAndRestart(); // at once: no time for a delayed write
            assertEquals("INCLUDED", api().get("/api/reviews/" + review + "/records/" + pmid).then().statusCode(200)
                    .extract().jsonPath().getString("status"), "the decision on " + pmid + " survived");
        }
    }
}
