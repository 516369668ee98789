package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The import story end to end over HTTP: upload, counts, search, article JSON and page. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ImportFlowTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void emptyCorpus() {
        TestCorpus.reset(index);
    }

    @Test
    void uploadedRecordsAreCountedSearchableAndReadable() {
        upload("trials.xml").statusCode(201)
                .header("Location", startsWith("/api/imports/"))
                .body("status", equalTo("SUCCEEDED"))
                .body("format", equalTo("PUBMED_XML"))
                .body("fileName", equalTo("trials.xml"))
                .body("created", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("withdrawn", equalTo(0)).body("failed", equalTo(0))
                .body("errors", empty())
                .body("startedAt", notNullValue()).body("finishedAt", notNullValue());

        given().queryParam("q", "rTMS[ti] AND lefaucheur jp[au]").get("/api/search").then().statusCode(200)
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000001"))
                .body("hits[0].year", equalTo(2019)).body("hits[0].journal", equalTo("Pain"));
        given().queryParam("q", "lefaucheur[au]").queryParam("sort", "date").get("/api/search").then()
                .body("total", equalTo(2)).body("hits.pmid", contains("90000003", "90000001"));

        given().get("/api/pubmed/90000001").then().statusCode(200)
                .body("pmid", equalTo("90000001"))
                .body("doi", equalTo("10.9999/cortexlit.test.0001"))
                .body("title", equalTo("High-frequency rTMS of the primary motor cortex for central post-stroke pain: a sham-controlled crossover trial."))
                .body("abstract", startsWith("BACKGROUND: Central post-stroke pain resists drugs.\n\nMETHODS: Twenty patients"))
                .body("journal", equalTo("Pain")).body("journalAbbrev", equalTo("Pain"))
                .body("year", equalTo(2019)).body("volume", equalTo("160")).body("issue", equalTo("4"))
                .body("pages", equalTo("812-820")).body("language", equalTo("eng"))
                .body("authors", hasSize(3))
                .body("authors[0].lastName", equalTo("Lefaucheur")).body("authors[0].initials", equalTo("JP"))
                .body("authors[0].affiliations[0]", equalTo("Hôpital Henri Mondor, Créteil, France."))
                .body("authors[2].collectiveName", equalTo("Cortical Stimulation Study Group"))
                .body("mesh[0].descriptor", equalTo("Transcranial Magnetic Stimulation"))
                .body("mesh[0].major", equalTo(true)).body("mesh[0].qualifiers", contains("therapy"))
                .body("mesh[2].major", equalTo(false))
                .body("publicationTypes", contains("Randomized Controlled Trial", "Journal Article"))
                .body("keywords", contains("motor cortex", "neuropathic pain"))
                .body("withdrawn", equalTo(false));

        given().get("/articles/90000001").then().statusCode(200)
                .body(containsString("<i><mark class=\"ev ev-modality\" title=\"Modality: rTMS\">rTMS</mark></i> of the "))
                .body(containsString("METHODS:"))
                .body(containsString("https://pubmed.ncbi.nlm.nih.gov/90000001/"))
                .body(containsString("https://doi.org/10.9999/cortexlit.test.0001"))
                .body(containsString("Transcranial Magnetic Stimulation*"));
        given().queryParam("q", "\"post-stroke pain\"").get("/search").then().statusCode(200)
                .body(containsString("/articles/90000001"))
                .body(containsString("<mark>post-stroke pain</mark>"));
        // OR groups (term mapping's, a tag's two fields) are ranked by their best alternative; every alternative found
        // is still marked
        given().queryParam("q", "M1").get("/search").then().statusCode(200)
                .body(containsString("<mark>primary motor cortex</mark>"));
        given().queryParam("q", "neuralgia[tiab] OR rtms[tiab]").get("/api/search").then().statusCode(200)
                .body("hits.find { it.pmid == '90000001' }.highlights.title", containsString("<mark>rTMS</mark>"));
        // a word is marked wherever it stands, even where the rest of the query is not (the title lacks "resting motor
        // threshold", which the abstract holds)
        given().queryParam("q", "\"post-stroke pain\" AND \"resting motor threshold\"").get("/api/search").then()
                .statusCode(200)
                .body("hits.find { it.pmid == '90000001' }.highlights.title",
                        equalTo("High-frequency rTMS of the primary motor cortex for central <mark>post-stroke pain</mark>:"
                                + " a sham-controlled crossover trial."))
                .body("hits.find { it.pmid == '90000001' }.highlights.abstract",
                        containsString("<mark>resting motor threshold</mark>"));
    }

    /** Reached from a search, the article page marks what the search found in its title and abstract; reached any other
     * way, it underlines the suggested tags' evidence; their own markup stays either way. */
    @Test
    void theArticlePageMarksWhatTheSearchFound() {
        upload("trials.xml").statusCode(201);
        given().queryParam("q", "\"motor cortex\" AND sham").get("/search").then().statusCode(200)
                .body(containsString("/articles/90000001?q=%22motor+cortex%22+AND+sham"));
        given().queryParam("q", "\"motor cortex\" AND sham").get("/articles/90000001").then().statusCode(200)
                .body(containsString("<h1>High-frequency rTMS of the primary <mark>motor cortex</mark> for central post-stroke"
                        + " pain: a <mark>sham</mark>-controlled crossover trial.</h1>"))
                .body(containsString("over M1 or <mark>sham</mark>, at 80% of resting motor threshold."))
                .body(containsString("href=\"/search?q=%22motor+cortex%22+AND+sham\""));
        // reached any other way: the suggested tags' evidence is underlined instead, inside the title's own markup
        given().get("/articles/90000001").then().statusCode(200)
                .body(containsString("<i><mark class=\"ev ev-modality\" title=\"Modality: rTMS\">rTMS</mark></i> of the "))
                .body(not(containsString("<mark>")));
        // a query that finds nothing in the text, or cannot be read, leaves the article as it is
        given().queryParam("q", "2015[dp]").get("/articles/90000001").then().statusCode(200)
                .body(containsString("<h1>High-frequency <i>rTMS</i> of the primary motor cortex"));
        given().queryParam("q", "rtms AND (").get("/articles/90000001").then().statusCode(200)
                .body(containsString("<h1>High-frequency <i>rTMS</i> of the primary motor cortex"));
    }

    @Test
    void reuploadingTheSameFileReportsEveryRecordUnchanged() {
        upload("trials.xml").statusCode(201).body("created", equalTo(3));
        String before = given().get("/api/pubmed/90000001").then().statusCode(200).extract().asString();
        given().get("/articles/90000001").then().statusCode(200); // reads every list of the article in a transaction
        upload("trials.xml").statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        given().queryParam("q", "pain").get("/api/search").then().body("total", equalTo(3));
        // reading an article writes nothing back: same lists, same version (no dirty check mistakes a list as changed)
        Assertions.assertEquals(before,
                given().get("/api/pubmed/90000001").then().statusCode(200).extract().asString());
    }

    @Test
    void aRevisedFileUpdatesChangedRecordsAndAddsNewOnes() {
        upload("trials.xml").statusCode(201);
        int version = given().get("/api/pubmed/90000001").then().extract().path("version");
        List<String> authors = given().get("/api/pubmed/90000001").then().extract().path("authors.lastName");
        upload("trials-revised.xml").statusCode(201)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(2));
        given().get("/api/pubmed/90000001").then().body("title", containsString("(corrected)"))
                .body("version", equalTo(version + 1)).body("authors.lastName", equalTo(authors));
        given().get("/api/pubmed/90000004").then().body("authors[0].lastName", equalTo("Garcia-Larrea"));
        given().queryParam("q", "corrected[ti]").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000001"));
    }

    @Test
    void aRecordWhoseAuthorListCannotBeStoredIsRejectedByNumberAndTheOthersAreKept() {
        // 6,000 authors with a 200-character affiliation each: more than the 1,000,000 characters a list column holds
        StringBuilder many = new StringBuilder("<AuthorList CompleteYN=\"Y\">");
        String affiliation = "Department of Neurology, " + "x".repeat(175);
        for (int i = 0; i < 6_000; i++) {
            many.append("<Author ValidYN=\"Y\"><LastName>Author").append(i).append("</LastName><Initials>A</Initials>")
                    .append("<AffiliationInfo><Affiliation>").append(affiliation).append("</Affiliation></AffiliationInfo></Author>");
        }
        many.append("</AuthorList>");
        String xml = new String(TestCorpus.fixture("trials.xml"), StandardCharsets.UTF_8);
        int start = xml.indexOf("<AuthorList");
        int end = xml.indexOf("</AuthorList>") + "</AuthorList>".length();
        xml = xml.substring(0, start) + many + xml.substring(end);
        TestCorpus.upload("consortium.xml", xml.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("status", equalTo("PARTIAL")).body("created", equalTo(2)).body("failed", equalTo(1))
                .body("errors[0].record", equalTo(1)).body("errors[0].pmid", equalTo("90000001"))
                .body("errors[0].message", containsString("author list is too long to store (6,000 entries"));
        given().get("/api/pubmed/90000001").then().statusCode(404);
        given().get("/api/pubmed/90000002").then().statusCode(200);
    }

    @Test
    void aDeleteCitationWithdrawsTheArticleFromSearchButKeepsIt() {
        upload("trials.xml").statusCode(201);
        given().queryParam("q", "epidural").get("/api/search").then().body("total", equalTo(1));

        upload("delete.xml").statusCode(201).body("withdrawn", equalTo(1)).body("status", equalTo("SUCCEEDED"));

        given().queryParam("q", "epidural").get("/api/search").then().body("total", equalTo(0));
        given().get("/api/pubmed/90000002").then().statusCode(200)
                .body("withdrawn", equalTo(true)).body("title", startsWith("Epidural motor cortex stimulation"));
        given().get("/articles/90000002").then().statusCode(200).body(containsString("withdrawn from PubMed"))
                .body(containsString("withdrawn by"));
        given().get("/").then().body(containsString("1 withdrawn"));
    }

    @Test
    void withdrawnPmidsThatWereNeverInTheCorpusAreCountedAndNamedOnTheRun() {
        upload("trials.xml").statusCode(201);
        long run = upload("delete-unknown.xml").statusCode(201).body("status", equalTo("SUCCEEDED"))
                .body("withdrawn", equalTo(1)).body("withdrawnUnknown", equalTo(2))
                .extract().jsonPath().getLong("id");
        given().get("/api/imports/" + run).then().statusCode(200).body("withdrawnUnknown", equalTo(2));
        given().get("/imports/" + run).then().statusCode(200)
                .body(containsString("<td id=\"withdrawn-unknown\">2</td>"))
                .body(containsString("2 withdrawn PMIDs were not in the corpus."));
        // withdrawn again: already withdrawn is not unknown
        upload("delete.xml").statusCode(201).body("withdrawn", equalTo(0)).body("withdrawnUnknown", equalTo(0));

        TestCorpus.reset(index);
        long alone = upload("delete.xml").statusCode(201).body("status", equalTo("SUCCEEDED"))
                .body("withdrawn", equalTo(0)).body("withdrawnUnknown", equalTo(1)).extract().jsonPath().getLong("id");
        given().get("/imports/" + alone).then().statusCode(200)
                .body(containsString("1 withdrawn PMID was not in the corpus."));
        given().get("/api/imports").then().body("find { it.id == " + alone + " }.withdrawnUnknown", equalTo(1));
    }

    @Test
    void aBrokenFileFailsClearlyAndKeepsWhatWasStoredBefore() {
        upload("trials.xml").statusCode(201);
        upload("broken.xml").statusCode(201)
                .body("status", equalTo("FAILED"))
                .body("message", containsString("record 2"))
                .body("created", equalTo(1));
        given().queryParam("q", "pain").get("/api/search").then().body("total", equalTo(4));
        given().get("/api/pubmed/90000001").then().statusCode(200).body("title", startsWith("High-frequency rTMS"));

        // the repaired file: the record read before the fault is unchanged, the rest is new
        String repaired = new String(TestCorpus.fixture("trials.xml"), StandardCharsets.UTF_8)
                .replace("90000001", "90000011").replace("90000002", "90000012");
        upload("repaired.xml", repaired.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("unchanged", equalTo(2)).body("created", equalTo(1));
    }

    @Test
    void badRecordsAreSkippedWithTheirNumberAndReason() {
        upload("bad-records.xml").statusCode(201)
                .body("status", equalTo("PARTIAL"))
                .body("created", equalTo(2)).body("failed", equalTo(2))
                .body("errors", hasSize(2))
                .body("errors[0].record", equalTo(2)).body("errors[0].message", containsString("no PMID"))
                .body("errors[1].record", equalTo(3)).body("errors[1].pmid", equalTo("90000023"))
                .body("errors[1].message", containsString("no title"));
    }

    @Test
    void medlineTextIsSniffedAndImported() {
        upload("export.txt", TestCorpus.fixture("trials.nbib")).statusCode(201)
                .body("format", equalTo("MEDLINE_TEXT"))
                .body("created", equalTo(2)).body("failed", equalTo(0));
        given().get("/api/pubmed/90000031").then().statusCode(200)
                .body("title", equalTo("Deep TMS with an H-coil over the insula for chronic neuropathic pain: a double-blind pilot study."))
                .body("doi", equalTo("10.9999/cortexlit.test.0031"))
                .body("year", equalTo(2018))
                .body("authors.collectiveName", hasItem("Insula Stimulation Consortium"))
                .body("mesh[0].major", equalTo(true))
                .body("mesh[1].descriptor", equalTo("Neuralgia")).body("mesh[1].major", equalTo(true));
    }

    @Test
    void aFileThatIsNotARecordFileFailsWithAClearMessage() {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        upload("photo.jpg", binary).statusCode(201)
                .body("status", equalTo("FAILED"))
                .body("message", not(equalTo(null)))
                .body("created", equalTo(0));
        upload("empty.xml", new byte[0]).statusCode(201)
                .body("status", equalTo("FAILED")).body("message", containsString("empty"));
    }

    @Test
    void aScriptThatWillNotWaitGetsA202AndFollowsTheLocation() {
        String location = given().multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml"))
                .queryParam("wait", 0).post("/api/imports").then().statusCode(202)
                .header("Location", Matchers.matchesPattern("/api/imports/\\d+"))
                .body("status", Matchers.anyOf(equalTo("RUNNING"), equalTo("SUCCEEDED")))
                .extract().header("Location");
        TestCorpus.awaitRun(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
                .body("status", equalTo("SUCCEEDED")).body("created", equalTo(3));
        given().multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml")).queryParam("wait", -1)
                .post("/api/imports").then().statusCode(400).body("error", containsString("wait"));
    }

    @Test
    void anUploadWithoutAFileFieldIsRejected() {
        given().multiPart("other", "x").post("/api/imports").then().statusCode(400)
                .body("error", containsString("'file'"));
    }

    @Test
    void aWaitThatIsNotANumberOfSecondsIsRejectedBeforeAnythingIsImported() {
        for (String wait : new String[]{"-1", "soon", "5m"}) {
            given().multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml"), "text/xml")
                    .post("/api/imports?wait=" + wait).then().statusCode(400)
                    .body("error", containsString("wait must be a number of seconds"));
        }
        given().get("/api/imports").then().body("size()", Matchers.equalTo(0));
    }

    @Test
    void unknownIdsGetJson404s() {
        given().get("/api/pubmed/1").then().statusCode(404).body("error", containsString("PMID 1"));
        given().get("/api/imports/999999").then().statusCode(404).body("error", containsString("999999"));
        given().get("/articles/1").then().statusCode(404);
    }

    @Test
    void runsAreListedNewestFirst() {
        upload("trials.xml").statusCode(201);
        upload("delete.xml").statusCode(201);
        given().get("/api/imports").then().statusCode(200)
                .body("fileName", contains("delete.xml", "trials.xml"))
                .body("[0].trigger", equalTo("UPLOAD"));
    }
}
