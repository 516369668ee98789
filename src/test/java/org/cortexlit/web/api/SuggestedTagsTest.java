package org.cortexlit.web.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.library.Article;
import org.cortexlit.library.SuggestionRefresh;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.suggest.TagSuggester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every imported record carries suggested tags with the words that justify them: the API shows them, search finds
 * them apart from confirmed tags, a reviewer accepts them in one request, and the tag history says so.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class SuggestedTagsTest {

    @Inject
    SearchIndex index;
    @Inject
    SuggestionRefresh refresh;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        upload("trials.xml").statusCode(201);
    }

    @Test
    void eachRecordIsSuggestedTagsQuotingItsOwnText() {
        JsonPath rtms = given().get("/api/pubmed/90000001/suggestions").then().statusCode(200)
                .body("key", equalTo("90000001")).body("version", equalTo(TagSuggester.VERSION))
                .body("design.value", equalTo("controlled"))
                .body("targets.value", hasItem("M1")).body("modalities.value", hasItem("rTMS"))
                .body("frequency.value", equalTo("high")).body("sessions.value", equalTo("10"))
                .body("intensity.value", equalTo("80"))
                .body("condition.value", equalTo("central post-stroke pain"))
                .extract().jsonPath();
        assertEvidenceQuotesTheRecord("90000001", rtms);

        JsonPath mcs = given().get("/api/pubmed/90000002/suggestions").then().statusCode(200)
                .body("design.value", equalTo("uncontrolled")).body("targets.value", hasItem("M1"))
                .body("modalities.value", hasItem("epidural MCS")).body("frequency", nullValue())
                .extract().jsonPath();
        assertEvidenceQuotesTheRecord("90000002", mcs);

        given().get("/api/pubmed/90000003/suggestions").then().statusCode(200)
                .body("design.value", equalTo("review")).body("targets.value", hasItem("DLPFC"));
        given().get("/api/pubmed/12345678/suggestions").then().statusCode(404)
                .body("error", containsString("12345678"));
    }

    private static void assertEvidenceQuotesTheRecord(String pmid, JsonPath suggestions) {
        Article a = QuarkusTransaction.requiringNew().call(() -> Article.findByKey(pmid).orElseThrow());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (String one : List.of("design", "frequency", "sessions", "intensity", "condition")) {
            List<Map<String, Object>> e = suggestions.getList(one + ".evidence");
            if (e != null) {
                evidence.addAll(e);
            }
        }
        for (String many : List.of("targets", "modalities")) {
            List<List<Map<String, Object>>> lists = suggestions.getList(many + ".evidence");
            lists.forEach(evidence::addAll);
        }
        assertFalse(evidence.isEmpty());
        for (Map<String, Object> e : evidence) {
            String field = (String) e.get("field");
            String text = switch (field) {
                case "title" -> a.title;
                case "abstract" -> a.abstractText();
                case "publicationType" -> a.publicationTypes.get((Integer) e.get("index"));
                case "mesh" -> a.mesh.get((Integer) e.get("index")).descriptor;
                case "keyword" -> a.keywords.get((Integer) e.get("index"));
                default -> throw new AssertionError("unknown field " + field);
            };
            assertEquals(e.get("text"), text.substring((Integer) e.get("start"), (Integer) e.get("end")), e.toString());
        }
    }

    @Test
    void suggestedTagsAreSearchedAndCountedApartFromConfirmedOnes() {
        given().queryParam("q", "controlled[design-suggested]").get("/api/search").then().statusCode(200)
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000001"))
                .body("facets.'design-suggested'.controlled", equalTo(1));
        given().queryParam("q", "controlled[design]").get("/api/search").then().body("total", equalTo(0));
        given().queryParam("q", "M1[target-suggested]").get("/api/search").then().body("total", equalTo(2));
        given().queryParam("q", "\"epidural MCS\"[modality-suggested]").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000002"));
        given().queryParam("q", "high[frequency-suggested] AND 10[sessions-suggested]").get("/api/search").then()
                .body("total", equalTo(1));
        given().queryParam("q", "review[design-suggested] AND DLPFC[target-suggested]").get("/api/search").then()
                .body("total", equalTo(1)).body("hits[0].pmid", equalTo("90000003"));
    }

    @Test
    void aReviewerAcceptsTheSuggestionsInOneRequestAndTheHistorySaysSo() {
        int id = given().contentType(ContentType.JSON).body(Map.of("name", "Suggested tags", "mode", "SINGLE"))
                .post("/api/reviews").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("pmids", List.of("90000001", "90000002")))
                .post("/api/reviews/" + id + "/records").then().statusCode(200);
        String records = "/api/reviews/" + id + "/records/";

        given().post(records + "90000001/tags/accept-suggestions").then().statusCode(200)
                .body("tags.design", equalTo(List.of("controlled"))).body("tags.target", hasItem("M1"))
                .body("tags.modality", hasItem("rTMS")).body("tags.frequency", equalTo(List.of("high")))
                .body("tags.sessions", equalTo(List.of("10"))).body("tags.intensity", equalTo(List.of("80")));
        given().queryParam("q", "controlled[design] AND M1[target]").get("/api/search").then().body("total", equalTo(1));
        JsonPath history = given().get(records + "90000001/history").then().statusCode(200).extract().jsonPath();
        assertEquals("accepted suggestion", history.getString("find { it.kind == 'tag design' }.suggestion"));

        // editing a value overrides the suggestion, and the history keeps what was suggested
        given().contentType(ContentType.JSON).body(Map.of("design", "uncontrolled")).put(records + "90000001/tags")
                .then().statusCode(200).body("tags.design", equalTo(List.of("uncontrolled")));
        history = given().get(records + "90000001/history").then().extract().jsonPath();
        assertEquals("changed from suggested controlled",
                history.getString("findAll { it.kind == 'tag design' }[-1].suggestion"));

        // one dimension alone
        given().queryParam("dimension", "target").post(records + "90000002/tags/accept-suggestions").then()
                .statusCode(200).body("tags.target", equalTo(List.of("M1"))).body("tags.design", nullValue());
        given().queryParam("dimension", "colour").post(records + "90000002/tags/accept-suggestions").then()
                .statusCode(400).body("error", containsString("colour"));
        given().queryParam("dimension", "frequency").post(records + "90000002/tags/accept-suggestions").then()
                .statusCode(400).body("error", containsString("nothing to accept"));
        given().post(records + "90000003/tags/accept-suggestions").then().statusCode(404)
                .body("error", containsString("90000003"));
    }

    @Test
    void suggestionsOfOlderRulesAreRecomputedWithoutTouchingTheArticle() {
        int version = QuarkusTransaction.requiringNew().call(() -> {
            var em = Article.getEntityManager();
            em.createNativeQuery("update article set suggestions_json = null, suggestions_version = ?1 where pmid = '90000001'")
                    .setParameter(1, TagSuggester.VERSION - 1).executeUpdate();
            em.createNativeQuery("delete from suggestion_refresh").executeUpdate();
            return Article.findByKey("90000001").orElseThrow().version;
        });
        assertFalse(refresh.isDone());
        // meanwhile the API answers by the current rules
        given().get("/api/pubmed/90000001/suggestions").then().statusCode(200).body("design.value", equalTo("controlled"));

        assertTrue(refresh.refresh() >= 1);
        assertTrue(refresh.isDone());
        Article after = QuarkusTransaction.requiringNew().call(() -> Article.findByKey("90000001").orElseThrow());
        assertEquals(TagSuggester.VERSION, after.suggestionsVersion);
        assertNotNull(after.suggestions);
        assertEquals("controlled", after.suggestions.design().value());
        assertEquals(version, after.version, "a reviewer tagging the study meanwhile is not told it changed");
        assertEquals(0, refresh.refresh(), "nothing is left to recompute");
    }
}
