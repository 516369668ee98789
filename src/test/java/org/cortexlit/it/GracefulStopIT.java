package org.cortexlit.it;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.cortexlit.bench.CorpusGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM (systemd, Kubernetes) stops the app within its grace period, and the import running then ends cleanly. */
class GracefulStopIT {

    @Test
    void aStopDuringAnImportEndsTheRunCleanlyAndKeepsWhatItImported() throws Exception {
        Path data = Files.createTempDirectory("cortexlit-stop");
        try (PackagedApp app = new PackagedApp("graceful", Map.of("CORTEXLIT_DATA_DIR", data.toString(),
                "CORTEXLIT_ADMIN_PASSWORD", "graceful-admin"))) {
            app.start(Duration.ofSeconds(120));
            RequestSpecification api = RestAssured.given().baseUri(app.baseUrl()).auth().preemptive().basic("admin", "graceful-admin");
            Path file = Files.createTempFile(data, "big", ".xml");
            new CorpusGenerator(5).writePubmedXml(file, 60_000, 42_000_000L, false);
            long run = api.multiPart("file", file.toFile()).post("/api/imports?wait=0s").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().baseUri(app.baseUrl()).auth().preemptive()
                    .basic("admin", "graceful-admin").get("/api/imports/" + run).then().extract().jsonPath().getInt("recordsRead") > 0);
            long t0 = System.nanoTime();
            app.stop(Duration.ofSeconds(45));
            long stoppedMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(stoppedMs < 35_000, "stopped within the 30 s grace period: " + stoppedMs + " ms");

            app.start(Duration.ofSeconds(120));
            var json = RestAssured.given().baseUri(app.baseUrl()).auth().preemptive().basic("admin", "graceful-admin")
                    .get("/api/imports/" + run).then().statusCode(200).extract().jsonPath();
            assertEquals("FAILED", json.getString("status"));
            assertTrue(json.getString("message").contains("application is stopping"), json.getString("message"));
            int created = json.getInt("created");
            assertTrue(created > 0 && created < 60_000, "part of the file, kept: " + created);
            assertEquals(created, (int) RestAssured.given().baseUri(app.baseUrl()).auth().preemptive()
                    .basic("admin", "graceful-admin").get("/api/search?q=1900:2100[dp]&size=1").then().extract().path("total"),
                    "what the run counted is what search finds");
        }
    }
}
