package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cortexlit.Gates;
import org.cortexlit.TestCorpus;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long import shows its progress and can be cancelled, keeping what it imported. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ImportProgressTest {

    @Inject
    SearchIndex index;

    @Inject
    Gates gates;

    @Inject
    CortexLitConfig config;

    @BeforeEach
    void empty() {
        TestCorpus.reset(index);
    }

    @AfterEach
    void openGates() {
        gates.openAll();
    }

    @Test
    void aRunningImportShowsProgressAndStopsWhenCancelled() throws Exception {
        Path file = Files.createTempFile("big", ".xml");
        new CorpusGenerator(3).writePubmedXml(file, 20_000, 96_000_000L, false);
        gates.importBatches.close(); // the import waits after its first batch until the test has looked
        String location = given().multiPart("file", file.toFile()).queryParam("wait", 0).post("/api/imports")
                .then().statusCode(202).extract().header("Location");
        Files.delete(file);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        gates.importBatches.awaitReached(Duration.ofMinutes(1));
        JsonPath run = given().get(location).then().extract().jsonPath();
        assertEquals("RUNNING", run.getString("status"));
        int batch = config.importing().batchSize();
        assertTrue(run.getInt("recordsRead") >= batch, "its first batch is read: " + run.prettify());
        int progress = run.getInt("progress");
        assertTrue(progress > 0 && progress < 100, "progress between 0 and 100: " + progress);
        given().get("/imports/" + id).then().body(containsString("<progress")).body(containsString("/imports/" + id + "/cancel"));

        given().post(location + "/cancel").then().statusCode(202);
        gates.importBatches.open();
        JsonPath done = TestCorpus.awaitRun(id).body("status", equalTo("FAILED"))
                .body("message", containsString("Cancelled")).body("progress", equalTo(100))
                .extract().jsonPath();
        int created = done.getInt("created");
        assertTrue(created >= batch && created < 20_000, "stopped part-way, keeping what it wrote: " + created);
        given().get("/api/admin/index").then().body("documents", equalTo(created));
        given().post(location + "/cancel").then().statusCode(409).body("error", containsString("not running"));
        given().post("/api/imports/999999/cancel").then().statusCode(404);
    }
}
