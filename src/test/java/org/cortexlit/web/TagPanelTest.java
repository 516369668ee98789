package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.library.Article;
import org.cortexlit.library.TagChange;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningQueue;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tag panel of the article and screening pages: one form for every dimension, the suggestions beside them with
 * their evidence marked, accepting one or all, and a refused save that keeps what the reviewer chose.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class TagPanelTest {

    static final String RTMS = "90000001"; // sham-controlled 10 Hz rTMS over M1, 10 sessions, 80% RMT, post-stroke pain

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    ScreeningQueue queue;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        upload("trials.xml").statusCode(201);
    }

    private static int version(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Article.findByKey(key).orElseThrow().version);
    }

    private static List<String> tags(String key, String dimension) {
        return QuarkusTransaction.requiringNew().call(() -> Article.findByKey(key).orElseThrow().tagValues(dimension));
    }

    private static List<TagChange> history(String key) {
        return QuarkusTransaction.requiringNew().call(() -> TagChange.forArticle(Article.findByKey(key).orElseThrow().id));
    }

    /** The panel's form as the page sends it: every dimension, the values given, nothing else ticked. */
    private static RequestSpecification panel(int version, String... values) {
        RequestSpecification r = given().redirects().follow(false).header("HX-Request", "true")
                .formParam("csrf-token", TestCorpus.csrf()).formParam("version", version);
        for (String d : List.of("design", "target", "modality", "frequency", "sessions", "intensity", "condition")) {
            r = r.formParam("dimension", d);
        }
        for (String v : values) {
            String[] kv = v.split("=", 2);
            r = r.formParam(kv[0], kv[1]);
        }
        return r;
    }

    @Test
    void theArticlePageShowsEachSuggestionBesideItsDimensionWithTheEvidenceMarked() {
        String html = given().get("/articles/" + RTMS).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<form method=\"post\" action=\"/articles/" + RTMS + "/tags\" class=\"tag-panel\""), "one form");
        assertEquals(1, count(html, "Save tags</button>"), "one save button");
        assertTrue(html.contains("data-dimension=\"design\"") && html.contains("data-suggested=\"controlled\""), "design suggestion");
        assertTrue(html.contains("data-suggested=\"M1\""), "target suggestion");
        assertTrue(html.contains("name=\"accept\" value=\"all\""), "accept all");
        assertTrue(html.contains("name=\"accept\" value=\"design\""), "accept one");
        assertTrue(html.contains("<mark class=\"ev ev-design\""), "design evidence marked: " + html);
        assertTrue(html.contains("<mark class=\"ev ev-target\"") || html.contains("ev-target\" title"), "target evidence marked");
    }

    @Test
    void oneSaveSetsEveryDimensionAndSwapsThePanelAlone() {
        String fragment = panel(version(RTMS), "value-design=controlled", "value-target=M1", "value-target=DLPFC",
                "free-sessions=10").post("/articles/" + RTMS + "/tags").then().statusCode(200).extract().asString();
        assertTrue(fragment.startsWith("<section class=\"tags\" id=\"tags\">"), fragment);
        assertFalse(fragment.contains("<html"), "the panel alone");
        assertTrue(fragment.contains("Tagged design: controlled; target: DLPFC, M1; sessions: 10."), fragment);
        assertEquals(List.of("DLPFC", "M1"), tags(RTMS, "target"));
        assertEquals(List.of("10"), tags(RTMS, "sessions"));
        assertEquals(List.of(), tags(RTMS, "modality"), "nothing ticked: none");
        // following the suggestion by hand is not "accepted", differing from it says from what
        List<TagChange> h = history(RTMS);
        TagChange target = h.stream().filter(c -> c.dimension.equals("target")).findFirst().orElseThrow();
        assertTrue(target.suggestionNote().startsWith("changed from suggested"), target.suggestionNote());
        assertTrue(fragment.contains("changed from suggested"), "the history in the panel");
    }

    @Test
    void acceptingOneSuggestionKeepsTheOtherEditsOfTheForm() {
        panel(version(RTMS), "value-target=S1", "accept=design").post("/articles/" + RTMS + "/tags").then().statusCode(200);
        assertEquals(List.of("controlled"), tags(RTMS, "design"));
        assertEquals(List.of("S1"), tags(RTMS, "target"), "the edit made with it is saved too");
        TagChange design = history(RTMS).stream().filter(c -> c.dimension.equals("design")).findFirst().orElseThrow();
        assertEquals("accepted suggestion", design.suggestionNote());

        String fragment = panel(version(RTMS), "value-target=S1", "accept=all").post("/articles/" + RTMS + "/tags")
                .then().statusCode(200).extract().asString();
        assertTrue(fragment.startsWith("<section"), fragment);
        assertEquals(List.of("M1"), tags(RTMS, "target"), "accept all overrides the suggested dimensions");
        assertEquals(List.of("10"), tags(RTMS, "sessions"));
        assertEquals(List.of("80"), tags(RTMS, "intensity"));
        assertFalse(fragment.contains("value=\"all\""), "nothing left to accept: " + fragment);
    }

    @Test
    void aRefusedSaveKeepsWhatTheReviewerChose() {
        int stale = version(RTMS);
        panel(stale, "value-design=other").post("/articles/" + RTMS + "/tags").then().statusCode(200);
        String refused = panel(stale, "value-design=uncontrolled", "value-target=S2", "free-sessions=12")
                .post("/articles/" + RTMS + "/tags").then().statusCode(200).extract().asString();
        assertTrue(refused.contains("class=\"error\"") && refused.contains("since you loaded it"), refused);
        assertTrue(refused.contains("What you chose is still in the form."), refused);
        assertTrue(refused.contains("value=\"uncontrolled\" checked"), "the choice is kept: " + refused);
        assertTrue(refused.contains("name=\"free-sessions\" value=\"12\""), "the typed text is kept");
        assertTrue(refused.contains("design: other"), "the summary says what is stored");
        assertEquals(List.of("other"), tags(RTMS, "design"), "nothing saved");

        String invalid = panel(version(RTMS), "value-design=other", "free-sessions=ten").post("/articles/" + RTMS + "/tags")
                .then().statusCode(200).extract().asString();
        assertTrue(invalid.contains("Number of sessions") && invalid.contains("value=\"ten\""), invalid);
    }

    @Test
    void withoutHtmxTheFormPostsAndRedirectsToThePanel() {
        Response r = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("version", version(RTMS)).formParam("dimension", "design").formParam("accept", "design")
                .post("/articles/" + RTMS + "/tags");
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/articles/" + RTMS + "#tags"), r.header("Location"));
        assertTrue(TestCorpus.flashMessage(r).contains("Accepted suggestions"), TestCorpus.flashMessage(r));
        assertEquals(List.of("controlled"), tags(RTMS, "design"));
    }

    @Test
    void theScreeningPageSavesItsPanelWithoutTouchingTheDecisionForm() {
        Actor admin = new Actor("admin", true, true);
        long id = reviews.create(new ReviewForm("Panel", null, null, null, "sham", null, null, null, "single", null), admin).id;
        reviewRecords.addByPmid(id, RTMS, admin);
        long rec = queue.next(id, admin, 0).orElseThrow().id;
        String page = given().get("/reviews/" + id + "/screen").then().statusCode(200).extract().asString();
        assertTrue(page.contains("action=\"/reviews/" + id + "/screen/" + rec + "/tags\""), "the panel posts to the review");
        assertTrue(page.contains("<mark class=\"hl-include\">sham</mark>") || page.contains("hl-include"), "review words marked");
        assertTrue(page.contains("mark class=\"ev ev-"), "evidence marked too");
        assertTrue(page.contains("data-key=\"a\""), "the accept-all key");
        String fragment = panel(version(RTMS), "accept=all").post("/reviews/" + id + "/screen/" + rec + "/tags")
                .then().statusCode(200).extract().asString();
        assertTrue(fragment.startsWith("<section class=\"tags\" id=\"tags\">") && !fragment.contains("id=\"decide\""), fragment);
        assertEquals(List.of("controlled"), tags(RTMS, "design"));
        assertTrue(history(RTMS).stream().allMatch(c -> Long.valueOf(id).equals(c.reviewId)), "the history names the review");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
