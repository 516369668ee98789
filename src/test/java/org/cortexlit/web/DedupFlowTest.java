package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportService;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Records without a PMID and duplicates across sources, over HTTP: internal ids, linking by DOI and by title,
 * the run's duplicate count, the groups page and JSON, splitting a wrong pair, re-imports, an index rebuild.
 * {@code embase-overlap.ris} holds, against {@code trials.xml}: a DOI match (prefix and upper case), a title
 * match (punctuation, year +1, accented surname), a near miss (same title, years 2 apart) and a new work.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class DedupFlowTest {

    @Inject
    SearchIndex index;
    @Inject
    ImportService imports;

    @BeforeEach
    void emptyCorpus() {
        TestCorpus.reset(index);
    }

    @Test
    void recordsWithoutPmidAreStoredUnderInternalIdsAndReimportUnchanged() {
        upload("embase-overlap.ris").statusCode(201)
                .body("status", equalTo("SUCCEEDED")).body("format", equalTo("RIS"))
                .body("created", equalTo(4)).body("duplicates", equalTo(0)).body("failed", equalTo(0));

        String key = given().queryParam("q", "phantom limb").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].key", matchesPattern("CL\\d+"))
                .body("hits[0].pmid", nullValue()).extract().path("hits[0].key");
        given().get("/api/pubmed/" + key).then().statusCode(200)
                .body("key", equalTo(key)).body("pmid", nullValue())
                .body("doi", equalTo("10.9999/cortexlit.embase.1004")).body("duplicateOf", nullValue());
        given().get("/api/pubmed/" + key.toLowerCase()).then().statusCode(200).body("key", equalTo(key));
        given().get("/articles/" + key).then().statusCode(200)
                .body(containsString("CortexLit id " + key)).body(containsString("source id embase-1004"));
        given().queryParam("q", "phantom").get("/search").then().body(containsString("/articles/" + key));
        given().get("/api/pubmed/CL999999999").then().statusCode(404).body("error", containsString("CL999999999"));

        upload("embase-overlap.ris").statusCode(201)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4))
                .body("duplicates", equalTo(0));
        given().get("/api/admin/index").then().body("documents", equalTo(4));
    }

    @Test
    void anOverlappingRisFileIsLinkedByDoiAndTitleAndNotSearchedTwice() {
        upload("trials.xml").statusCode(201).body("created", equalTo(3)).body("duplicates", equalTo(0));
        int run = upload("embase-overlap.ris").statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(2)).body("duplicates", equalTo(2)).body("unchanged", equalTo(0))
                .extract().path("id");
        given().get("/api/imports/" + run).then().body("duplicates", equalTo(2));
        given().get("/api/imports").then().body("[0].duplicates", equalTo(2));
        given().get("/imports/" + run).then().body(containsString("<td id=\"duplicates\"><a href=\"/duplicates\">2</a></td>"));

        given().queryParam("q", "\"post-stroke pain\"").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000001"));
        given().queryParam("q", "epidural").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000002"));
        // the same title two years later is another work
        given().queryParam("q", "fibromyalgia[ti]").get("/api/search").then().body("total", equalTo(2));

        JsonPath groups = given().get("/api/duplicates").then().statusCode(200)
                .body("groupCount", equalTo(2)).body("linked", equalTo(2)).extract().jsonPath();
        Map<String, Object> byDoi = group(groups, "90000001");
        Map<String, Object> byTitle = group(groups, "90000002");
        assertEquals("DOI", byDoi.get("rule"));
        assertEquals("upload: embase-overlap.ris", byDoi.get("source"));
        assertEquals("RIS", byDoi.get("format"));
        assertEquals("UPLOAD", byDoi.get("trigger"));
        assertEquals(run, byDoi.get("runId"));
        assertEquals("TITLE", byTitle.get("rule"));
        assertEquals(2007, byTitle.get("year"));

        String linked = (String) byDoi.get("key");
        given().get("/api/pubmed/" + linked).then().statusCode(200).body("duplicateOf", equalTo("90000001"));
        given().get("/articles/" + linked).then().statusCode(200).body(containsString("This record duplicates"));
        given().get("/articles/90000001").then().body(containsString("Linked duplicates")).body(containsString(linked));

        upload("embase-overlap.ris").statusCode(201)
                .body("created", equalTo(0)).body("duplicates", equalTo(0)).body("unchanged", equalTo(4));
        given().get("/api/duplicates").then().body("linked", equalTo(2));
    }

    @Test
    void aPubmedRecordArrivingAfterItsScopusCopyIsLinkedToIt() {
        upload("scopus-first.ris").statusCode(201).body("created", equalTo(2));
        upload("export.nbib", TestCorpus.fixture("trials.nbib")).statusCode(201)
                .body("format", equalTo("MEDLINE_TEXT"))
                .body("created", equalTo(0)).body("duplicates", equalTo(2));
        given().get("/api/pubmed/90000031").then().statusCode(200).body("duplicateOf", startsWith("CL"));
        given().get("/api/pubmed/90000032").then().statusCode(200).body("duplicateOf", startsWith("CL"));
        given().queryParam("q", "insula").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].key", startsWith("CL"));
        given().queryParam("q", "90000031[pmid]").get("/api/search").then().body("total", equalTo(0));

        upload("export.nbib", TestCorpus.fixture("trials.nbib")).statusCode(201)
                .body("unchanged", equalTo(2)).body("duplicates", equalTo(0));
    }

    @Test
    void theGroupsPageSplitsAWrongPairWhichAReimportDoesNotRelink() {
        upload("trials.xml").statusCode(201);
        upload("embase-overlap.ris").statusCode(201).body("duplicates", equalTo(2));
        String linked = (String) group(given().get("/api/duplicates").then().extract().jsonPath(), "90000001").get("key");

        given().get("/duplicates").then().statusCode(200)
                .body(containsString("<strong id=\"group-count\">2</strong>"))
                .body(containsString("href=\"/articles/90000001\""))
                .body(containsString("same DOI")).body(containsString("same title, year within 1, shared author"))
                .body(containsString("upload: embase-overlap.ris"))
                .body(containsString("action=\"/duplicates/" + linked + "/split\""));

        given().redirects().follow(false).post("/duplicates/" + linked + "/split").then().statusCode(403); // no CSRF token
        Response split = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .post("/duplicates/" + linked + "/split");
        split.then().statusCode(303).header("Location", endsWith("/duplicates")).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        // the page the browser lands on says what happened, once
        given().cookie(TestCorpus.FLASH, split.getCookie(TestCorpus.FLASH)).get("/duplicates").then().statusCode(200)
                .body(containsString("is now an article of its own")).body(containsString("<strong id=\"group-count\">1</strong>"))
                .header("Set-Cookie", containsString(TestCorpus.FLASH + "=;"));

        given().queryParam("q", "\"post-stroke pain\"").get("/api/search").then()
                .body("total", equalTo(2)).body("hits.key", hasItem(linked));
        given().get("/api/pubmed/" + linked).then().body("duplicateOf", nullValue());
        given().get("/articles/" + linked).then().body(containsString("split"));

        upload("embase-overlap.ris").statusCode(201)
                .body("created", equalTo(0)).body("duplicates", equalTo(0)).body("unchanged", equalTo(4));
        given().get("/api/duplicates").then().body("linked", equalTo(1));

        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .post("/duplicates/" + linked + "/split").then().statusCode(303)
                .header("Location", endsWith("/duplicates")).cookie(TestCorpus.FLASH, TestCorpus.flashError());
        given().post("/api/duplicates/" + linked + "/split").then().statusCode(409).body("error", containsString("not linked"));
        given().post("/api/duplicates/CL999999999/split").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void aReaderSeesTheGroupsButCannotSplit() throws IOException {
        importDirectly("trials.xml");
        importDirectly("embase-overlap.ris"); // readers cannot upload: import as the inbox would
        String linked = (String) group(given().get("/api/duplicates").then().statusCode(200).extract().jsonPath(),
                "90000001").get("key");
        given().get("/duplicates").then().statusCode(200).body(containsString("href=\"/articles/" + linked + "\""))
                .body(not(containsString("/split\"")));
        given().post("/api/duplicates/" + linked + "/split").then().statusCode(403);
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf("reader"))
                .post("/duplicates/" + linked + "/split").then().statusCode(403);
        given().get("/api/duplicates").then().body("linked", equalTo(2));
    }

    private void importDirectly(String fixture) throws IOException {
        Path file = Files.createTempFile("dedup", fixture);
        try {
            Files.write(file, TestCorpus.fixture(fixture));
            imports.execute(imports.start(fixture, ImportRun.Trigger.INBOX), file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aChangedCopyOfASplitRecordIsLinkedToItNotToTheArticleItWasSplitFrom() {
        upload("trials.xml").statusCode(201);
        upload("embase-overlap.ris").statusCode(201);
        String split = (String) group(given().get("/api/duplicates").then().extract().jsonPath(), "90000002").get("key");
        given().post("/api/duplicates/" + split + "/split").then().statusCode(200)
                .body("key", equalTo(split)).body("splitFrom", equalTo("90000002"));

        // the Embase record comes again with an abstract; it has no id of its own, so it is a new record
        String changed = new String(TestCorpus.fixture("embase-overlap.ris"), StandardCharsets.UTF_8)
                .replace("PY  - 2007\r\n", "PY  - 2007\r\nAB  - Eight patients with facial pain were implanted.\r\n");
        upload("embase-overlap-2.ris", changed.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("duplicates", equalTo(1)).body("unchanged", equalTo(3)).body("created", equalTo(0));
        JsonPath groups = given().get("/api/duplicates").then().body("groupCount", equalTo(2)).extract().jsonPath();
        assertEquals("TITLE", group(groups, split).get("rule"));
        assertNull(groups.get("groups.find { it.kept.key == '90000002' }"), "nothing is linked to 90000002 again");
    }

    @Test
    void rebuildingTheIndexKeepsTheSameAnswersAndLeavesDuplicatesOut() {
        upload("trials.xml").statusCode(201);
        upload("embase-overlap.ris").statusCode(201);
        String linked = (String) group(given().get("/api/duplicates").then().extract().jsonPath(), "90000002").get("key");
        given().post("/api/duplicates/" + linked + "/split").then().statusCode(200);

        List<String> before = keys("pain OR stimulation");
        given().post("/api/admin/index/rebuild").then().statusCode(200);
        assertEquals(before, keys("pain OR stimulation"));
        assertEquals(6, before.size()); // 3 PubMed + 2 new Embase + 1 split; the DOI duplicate stays out
        given().get("/api/admin/index").then().body("documents", equalTo(6)).body("staleReason", nullValue());
    }

    @Test
    void prismaCountsRecordsPerSourceAndDuplicatesRemoved() {
        upload("trials.xml").statusCode(201);
        upload("embase-overlap.ris").statusCode(201);
        JsonPath prisma = given().get("/api/duplicates/prisma").then().statusCode(200)
                .body("identifiedTotal", equalTo(7)).body("duplicatesRemoved", equalTo(2))
                .body("afterDuplicatesRemoved", equalTo(5)).extract().jsonPath();
        Map<String, Object> embase = prisma.getMap("identified.find { it.source == 'upload: embase-overlap.ris' }");
        assertNotNull(embase);
        assertEquals(4, embase.get("records"));
        assertEquals(2, embase.get("duplicates"));
        assertEquals("RIS", embase.get("format"));
        assertEquals("UPLOAD", embase.get("trigger"));
        Map<String, Object> pubmed = prisma.getMap("identified.find { it.source == 'upload: trials.xml' }");
        assertEquals(3, pubmed.get("records"));
        assertEquals(0, pubmed.get("duplicates"));
    }

    private static List<String> keys(String q) {
        return given().queryParam("q", q).queryParam("sort", "date").queryParam("size", 100).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.key", String.class);
    }

    /** The first linked record of the group whose kept article is {@code keptKey}. */
    private static Map<String, Object> group(JsonPath groups, String keptKey) {
        Map<String, Object> m = groups.getMap("groups.find { it.kept.key == '" + keptKey + "' }.duplicates[0]");
        assertNotNull(m, "no group kept as " + keptKey + " in " + groups.prettify());
        return m;
    }
}
