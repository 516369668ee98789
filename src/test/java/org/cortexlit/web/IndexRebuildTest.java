package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cortexlit.Gates;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.search.Analyzers;
import org.cortexlit.search.IndexFields;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index is a cache: deleted or stale, it is rebuilt from the database with the same answers. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class IndexRebuildTest {

    @Inject
    SearchIndex index;

    @Inject
    Gates gates;

    @AfterEach
    void openGates() {
        gates.openAll();
    }

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
        TestCorpus.deleteTree(index.path());
        index.open();
        assertNotNull(index.staleReason(), "a missing index must be noticed");
        index.checkAgainstDatabase();

        assertNull(index.staleReason());
        assertEquals(before, answers("pain OR fibromyalgia"));
        assertEquals(List.of(), answers("epidural"), "withdrawn articles stay out of a rebuilt index");
    }

    /**
     * A batch that changes nothing (a file imported again) must not move the index's stamp past the database's newest
     * change: the start-up check would then find the index "older than the database" and rebuild all of it.
     */
    @Test
    void aFileImportedAgainUnchangedLeavesTheIndexCurrent() {
        assertNull(index.staleReason());
        upload("trials.xml").statusCode(201).body("unchanged", Matchers.greaterThan(0)).body("created", equalTo(0));
        assertNull(index.staleReason());
    }

    /**
     * Schema 10 sorts each segment by rank bonus, and Lucene will not open a writer with an index sort on segments
     * sorted otherwise: an index of an older version (unsorted, schema 9) must be started afresh and rebuilt, not
     * fail the start.
     */
    @Test
    void anUnsortedIndexOfAnOlderVersionIsStartedAfreshAndRebuilt() throws IOException {
        List<String> before = answers("pain OR fibromyalgia");
        assertEquals(4, before.size());
        index.close();
        TestCorpus.deleteTree(index.path());
        try (Directory d = FSDirectory.open(index.path());
             IndexWriter w = new IndexWriter(d,
                     new IndexWriterConfig(Analyzers.create()))) {
            for (String pmid : List.of("1", "2", "3")) {
                Document doc = new Document();
                doc.add(new StringField("key", pmid, Field.Store.YES));
                w.addDocument(doc);
            }
            w.setLiveCommitData(Map.of("schema", "9", "modified", "0").entrySet());
            w.commit();
        }

        index.open(); // would throw "cannot change previous indexSort" without the fresh start
        assertEquals("the index has schema version 9, this version needs " + SearchIndex.SCHEMA_VERSION,
                index.staleReason());
        assertEquals(0, index.numDocs(), "the old documents are not served as if they were of this version");
        index.checkAgainstDatabase();

        assertNull(index.staleReason());
        assertEquals(before, answers("pain OR fibromyalgia"));
        try (Directory d = FSDirectory.open(index.path())) {
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(d)) {
                assertEquals("<long: \"rank_sort\">! missingValue=0", segment.info.getIndexSort().toString());
            }
        }
    }

    /**
     * Documents indexed with another phrase list (search/phrases.txt edited, or an index from before the phrase index)
     * lack today's phrase tokens: while any is in the index, phrases are searched by positions, so none is missed, and
     * the check rebuilds the index.
     */
    @Test
    void documentsOfAnotherPhraseListAreSearchedByPositionsUntilTheRebuild() throws IOException {
        List<String> before = answers("\"neuropathic pain\"");
        assertFalse(before.isEmpty());
        assertNull(index.staleReason());
        index.close();
        try (Directory d = FSDirectory.open(index.path());
             IndexWriter w = new IndexWriter(d, SearchIndex.writerConfig(
                     Analyzers.text(), IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> stamp = SegmentInfos.readLatestCommit(d).getUserData();
            Document doc = new Document();
            doc.add(new StringField(IndexFields.KEY, "99999999", Store.YES));
            doc.add(new StringField(IndexFields.PMID, "99999999", Store.YES));
            doc.add(new TextField(IndexFields.TITLE, "Neuropathic pain after stroke", Store.YES));
            doc.add(new TextField(IndexFields.ALL, "Neuropathic pain after stroke", Store.NO));
            doc.add(new StringField(IndexFields.PHRASES, "another list", Store.NO));
            w.addDocument(doc);
            w.setLiveCommitData(stamp.entrySet());
            w.commit();
        }
        index.open();

        assertEquals("some of its documents were indexed with another phrase list than search/phrases.txt's",
                index.staleReason());
        List<String> during = answers("\"neuropathic pain\"");
        assertTrue(during.contains("99999999"), "the phrase is matched by positions: " + during);
        assertTrue(during.containsAll(before), during.toString());

        index.checkAgainstDatabase();
        assertNull(index.staleReason());
        assertEquals(before, answers("\"neuropathic pain\""));
    }

    @Test
    void theStartUpCheckRebuildsInTheBackgroundWhileSearchAnswersAndSaysSo() throws Exception {
        uploadGenerated(2_000); // more than one page of the rebuild: it is held after the first
        long expected = index.numDocs();
        index.close();
        TestCorpus.deleteTree(index.path());
        index.open();

        gates.rebuildPages.close();
        index.startBackgroundCheck();
        gates.rebuildPages.awaitReached(Duration.ofMinutes(1));
        assertNotNull(index.rebuildProgress(), "a missing index starts a rebuild");
        given().queryParam("q", "pain").get("/search").then().statusCode(200)
                .body(containsString("The search index is being rebuilt (the index is missing)"));
        given().get("/api/admin/index").then().statusCode(200)
                .body("checking", equalTo(true)).body("rebuilding.reason", equalTo("the index is missing"));

        gates.rebuildPages.open();
        await().atMost(Duration.ofMinutes(1)).until(() -> !index.checking());
        assertNull(index.rebuildProgress());
        assertNull(index.staleReason());
        assertEquals(expected, index.numDocs());
        given().queryParam("q", "pain").get("/search").then().statusCode(200)
                .body(Matchers.not(containsString("being rebuilt")));
        given().get("/api/admin/index").then().body("checking", equalTo(false)).body("rebuilding", nullValue());
    }

    @Test
    void aLongRebuildAnswers202AtOnceAndASecondRequestIsRefusedWhileItRuns() throws Exception {
        uploadGenerated(2_000);
        long expected = index.numDocs();
        List<String> before = answers("pain OR fibromyalgia");

        // wait=0: the request does not wait for the rebuild (a real one at 1,000,000 articles takes minutes)
        gates.rebuildPages.close();
        given().queryParam("wait", 0).post("/api/admin/index/rebuild").then().statusCode(202)
                .header("Location", containsString("/api/admin/index"))
                .body("rebuilding.reason", equalTo("requested through the API"))
                .body("rebuilding.total", equalTo((int) expected));
        given().post("/api/admin/index/rebuild").then().statusCode(409)
                .body("error", containsString("already under way"));
        Response refused = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .post("/imports/reindex");
        assertEquals(303, refused.statusCode());
        assertTrue(TestCorpus.flashMessage(refused).contains("already under way"), TestCorpus.flashMessage(refused));

        gates.rebuildPages.open();
        await().atMost(Duration.ofMinutes(1)).until(() -> index.rebuildProgress() == null);
        given().get("/api/admin/index").then().statusCode(200).body("rebuilding", nullValue())
                .body("documents", equalTo((int) expected)).body("lastRebuildReason", equalTo("requested through the API"));
        assertEquals(before, answers("pain OR fibromyalgia"), "the rebuilt index gives the same answers");
    }

    @Test
    void aNegativeWaitIsRefused() {
        given().queryParam("wait", -1).post("/api/admin/index/rebuild").then().statusCode(400)
                .body("error", containsString("wait"));
    }

    private static void uploadGenerated(int records) throws IOException {
        Path xml = Files.createTempFile("generated", ".xml");
        try {
            new CorpusGenerator(7).writePubmedXml(xml, records, 60_000_000L, false);
            TestCorpus.upload("generated.xml", Files.readAllBytes(xml)).statusCode(201);
        } finally {
            Files.deleteIfExists(xml);
        }
    }

    @Test
    void theAdminRebuildEndpointReportsTheIndexState() {
        given().post("/api/admin/index/rebuild").then().statusCode(200)
                .body("documents", equalTo(4)).body("staleReason", nullValue())
                .body("lastRebuildReason", containsString("API"));
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).post("/imports/reindex").then().statusCode(303);
    }
}
