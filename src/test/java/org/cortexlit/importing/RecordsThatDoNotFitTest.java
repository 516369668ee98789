package org.cortexlit.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One record that does not fit a column is skipped with its number and field; the records around it import. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class RecordsThatDoNotFitTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void empty() {
        TestCorpus.reset(index);
    }

    private static String article(String pmid, String title, String journal, String doi) {
        return "<PubmedArticle><MedlineCitation><PMID>" + pmid + "</PMID><Article><Journal><Title>" + journal
                + "</Title><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue></Journal><ArticleTitle>"
                + title + "</ArticleTitle>" + (doi == null ? "" : "<ELocationID EIdType=\"doi\">" + doi + "</ELocationID>")
                + "</Article></MedlineCitation></PubmedArticle>\n";
    }

    @Test
    void eachOversizedRecordIsSkippedByNumberAndFieldAndTheRestImports() {
        String file = "<PubmedArticleSet>\n"
                + article("91000001", "Motor cortex stimulation before", "Pain", null)
                + article("91000002", "t".repeat(150_000), "Pain", null)
                + article("91000003", "<i>x</i>".repeat(15_000), "Pain", null)
                + article("91000004", "A DOI too long", "Pain", "10.1000/" + "d".repeat(600))
                + article("1234567890123456789012345678901234567890", "A PMID of forty digits", "Pain", null)
                + article("91000006", "A journal title too long", "J".repeat(200_000), null)
                + article("91000007", "Motor cortex stimulation after", "Pain", null)
                + "</PubmedArticleSet>\n";
        JsonPath run = TestCorpus.upload("oversized.xml", file.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .extract().jsonPath();
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(2, run.getInt("created"));
        assertEquals(5, run.getInt("failed"));
        assertNull(run.getString("message"));
        List<Map<String, Object>> errors = run.getList("errors");
        assertEquals(List.of(2, 3, 4, 5, 6), errors.stream().map(e -> e.get("record")).toList());
        assertEquals("the title has 150,000 characters; at most 100,000 are stored", errors.get(0).get("message"));
        assertEquals("the title (with its markup) has 120,000 characters; at most 100,000 are stored", errors.get(1).get("message"));
        assertTrue(((String) errors.get(2).get("message")).startsWith("the DOI has 608 characters"), errors.get(2).toString());
        assertNull(errors.get(3).get("pmid"), "a forty-digit 'PMID' is not stored as one");
        assertEquals("PMID '1234567890123456789012345678901234567890' has 40 digits; a PMID has at most 20",
                errors.get(3).get("message"));
        assertEquals("the journal title has 200,000 characters; at most 2,000 are stored", errors.get(4).get("message"));
        for (Map<String, Object> e : errors) {
            String m = ((String) e.get("message")).toLowerCase();
            assertFalse(m.contains("sql") || m.contains("insert") || m.contains("column"), m);
        }
        given().get("/api/search?q=\"motor cortex stimulation\"").then().statusCode(200)
                .body("total", Matchers.equalTo(2));
    }

    @Test
    void aRecordTheReaderRefusesForItsSizeIsSkippedLikeAnyOther() {
        String file = "PMID- 91000011\nTI  - Before\nDP  - 2020\n\nPMID- 91000012\nTI  - " + "w".repeat(1_100_000)
                + "\nDP  - 2020\n\nPMID- 91000013\nTI  - After\nDP  - 2020\n";
        JsonPath run = TestCorpus.upload("long-line.nbib", file.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .extract().jsonPath();
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(2, run.getInt("created"));
        assertEquals("line 6 is longer than 1,048,576 characters", run.getString("errors[0].message"));
        assertEquals("91000012", run.getString("errors[0].pmid"));
    }
}
