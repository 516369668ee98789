package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The index is a cache: deleted or stale, it is rebuilt from the database with the same answers. */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "admin", roles = "admin")
class IndexRebuildTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        upload("trials.xml").statusCode(201);
        upload("trials.nbib").statusCode(201);
        upload("delete.xml").statusCode(201);
    }

    /** PMIDs newest first (relevance scores move a little when deleted documents leave the statistics). */
    private List<String> answers(String q) {
        return given().queryParam("q", q).queryParam("size", 100).queryParam("sort", "date")
                .get("/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.pmid", String.class);
    }

    @Test
    void deletingTheIndexFolderGivesTheSameAnswersAfterReopening() throws IOException {
        List<String> before = answers("pain OR fibromyalgia");
        assertEquals(4, before.size());
        assertNull(index.staleReason());

        index.close();
        deleteTree(index.path());
        index.open();
        assertNotNull(index.staleReason(), "a missing index must be noticed");
        index.checkAgainstDatabase();

        assertNull(index.staleReason());
        assertEquals(before, answers("pain OR fibromyalgia"));
        assertEquals(List.of(), answers("epidural"), "withdrawn articles stay out of a rebuilt index");
    }

    @Test
    void theAdminRebuildEndpointReportsTheIndexState() {
        given().post("/api/admin/index/rebuild").then().statusCode(200)
                .body("documents", equalTo(4)).body("staleReason", nullValue())
                .body("lastRebuildReason", containsString("API"));
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).post("/imports/reindex").then().statusCode(303);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
