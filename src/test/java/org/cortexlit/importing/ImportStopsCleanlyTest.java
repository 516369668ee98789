package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever stops an import (an error, running out of memory, a cancel inside one huge record) ends its run. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ImportStopsCleanlyTest {

    @Inject
    SearchIndex index;
    @Inject
    ImportRunner runner;
    @Inject
    ImportService imports;

    @BeforeEach
    void empty() {
        TestCorpus.reset(index);
    }

    private static ImportRun run(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRun.findById(id));
    }

    @Test
    void anErrorEscapingAnImportEndsItsRunAndTheThreadImportsTheNextFile() throws Exception {
        long runId = imports.start("doomed.xml", ImportRun.Trigger.UPLOAD);
        boolean[] after = {false};
        assertTrue(runner.submitTask(runId, () -> {
            throw new OutOfMemoryError("Java heap space");
        }, () -> after[0] = true).await(Duration.ofSeconds(30)));
        ImportRun failed = run(runId);
        assertEquals(ImportRun.Status.FAILED, failed.status);
        assertTrue(failed.message.contains("ran out of memory"), failed.message);
        assertTrue(after[0], "what follows the task (filing an inbox file, deleting the spool) still runs");

        Path next = Files.createTempFile("trials", ".xml");
        Files.write(next, TestCorpus.fixture("trials.xml"));
        ImportRunner.Handle h = runner.submit(next, "trials.xml", ImportRun.Trigger.UPLOAD);
        assertTrue(h.await(Duration.ofSeconds(60)));
        assertEquals(ImportRun.Status.SUCCEEDED, run(h.runId()).status);
    }

    @Test
    void aCancelStopsARunEvenInsideOneEndlessRecord() throws IOException {
        // a few MB of gzip that expand to a title of about 2 GB: read to its end, it would take a minute or more
        Path bomb = Files.createTempFile("bomb", ".xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "stimulation ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 17_000; i++) {
                out.write(chunk);
            }
            out.write("</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
                    .getBytes(StandardCharsets.UTF_8));
        }
        long id = given().multiPart("file", bomb.toFile(), "application/gzip").post("/api/imports?wait=0s").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> run(id).recordsRead == 0 && run(id).format != null);
        given().post("/api/imports/" + id + "/cancel").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> run(id).status != ImportRun.Status.RUNNING);
        given().get("/api/imports/" + id).then().body("status", equalTo("FAILED"))
                .body("message", Matchers.startsWith("Cancelled by a user"));
        Files.deleteIfExists(bomb);
    }
}
