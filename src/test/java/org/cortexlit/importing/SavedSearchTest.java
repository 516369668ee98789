package org.cortexlit.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved PubMed searches against a local E-utilities replay server: create, run, window, resume, schedule. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@QuarkusTestResource(value = EutilsReplayServer.class, restrictToAnnotatedClass = true)
class SavedSearchTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void clean() {
        TestCorpus.reset(index);
        EutilsReplayServer.requests.clear();
        EutilsReplayServer.failPageAt = -1;
    }

    @Inject
    Reviews reviews;

    private long create(String name, String query, String schedule) {
        Map<String, Object> body = schedule == null ? Map.of("name", name, "query", query)
                : Map.of("name", name, "query", query, "schedule", schedule);
        return given().contentType("application/json").body(body).post("/api/searches").then().statusCode(201)
                .header("Location", matchesPattern("/api/searches/\\d+"))
                .extract().jsonPath().getLong("id");
    }

    private long runNow(long id) {
        String location = given().post("/api/searches/" + id + "/run").then().statusCode(202)
                .header("Location", matchesPattern("/api/imports/\\d+")).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private List<Map<String, String>> requests(String path) {
        synchronized (EutilsReplayServer.requests) {
            return EutilsReplayServer.requests.stream().filter(r -> path.equals(r.get("path"))).toList();
        }
    }

    @Test
    void aSearchThatNamesAReviewFillsThatReviewsQueue() {
        Actor admin = new Actor("admin", true, true);
        long review = reviews.create(new ReviewForm("Fed by PubMed", null, null, null, null, null,
                null, null, "single", null), admin).id;
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "reviewId", 987654))
                .post("/api/searches").then().statusCode(400).body("error", containsString("987654"));
        long id = given().contentType("application/json")
                .body(Map.of("name", "for the review", "query", "rTMS AND neuropathic pain", "reviewId", review))
                .post("/api/searches").then().statusCode(201).body("reviewId", equalTo((int) review))
                .extract().jsonPath().getLong("id");
        TestCorpus.awaitRun(runNow(id)).body("status", equalTo("SUCCEEDED")).body("created", equalTo(EutilsReplayServer.COUNT));
        long queued = QuarkusTransaction.requiringNew().call(() ->
                ReviewRecord.count("reviewId = ?1 and origin = ?2", review,
                        ReviewRecord.Origin.SEARCH));
        assertEquals(EutilsReplayServer.COUNT, queued, "every record the run brought is in the review's queue");
        given().get("/reviews/" + review).then().statusCode(200)
                .body(containsString("<td id=\"count-records\">" + EutilsReplayServer.COUNT + "</td>"));
    }

    @Test
    void aSavedSearchImportsEveryPageAndTheNextRunSearchesOnlySinceTheLast() {
        long id = create("rTMS weekly", "rTMS AND neuropathic pain", null);
        given().get("/api/searches").then().body("name", hasItem("rTMS weekly"))
                .body("find { it.id == " + id + " }.schedule", equalTo(SavedSearch.WEEKLY))
                .body("find { it.id == " + id + " }.nextRunAt", notNullValue());

        TestCorpus.awaitRun(runNow(id)).body("status", equalTo("SUCCEEDED"))
                .body("trigger", equalTo("MANUAL")).body("format", equalTo("PUBMED_XML"))
                .body("source", containsString("rTMS AND neuropathic pain"))
                .body("created", equalTo(EutilsReplayServer.COUNT));
        Map<String, String> esearch = requests("esearch").get(0);
        assertEquals("rTMS AND neuropathic pain", esearch.get("term"));
        assertEquals("y", esearch.get("usehistory"));
        assertEquals("reviewers@example.org", esearch.get("email"));
        assertEquals("cortexlit", esearch.get("tool"));
        assertEquals("1800/01/01", esearch.get("mindate"), "the first run takes everything");
        assertEquals(List.of("0", "2", "4"), requests("efetch").stream().map(r -> r.get("retstart")).toList());
        assertTrue(requests("efetch").stream().allMatch(r -> "MCID_replay0001".equals(r.get("WebEnv")) && "2".equals(r.get("retmax"))));
        given().queryParam("q", "\"weekly record\"[ti]").get("/api/search").then().body("total", equalTo(5));

        EutilsReplayServer.requests.clear();
        TestCorpus.awaitRun(runNow(id)).body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(0)).body("unchanged", equalTo(EutilsReplayServer.COUNT));
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        assertEquals(today, requests("esearch").get(0).get("mindate"), "the next run starts where the last one ended");
        given().get("/api/searches/" + id).then().body("lastSuccessTo", equalTo(LocalDate.now().toString()))
                .body("resumePending", equalTo(false));
    }

    @Test
    void anInterruptedRunIsResumedAfterItsLastCompletedPageWithoutDuplicates() {
        long id = create("resumable", "motor cortex stimulation", null);
        EutilsReplayServer.failPageAt = 2;
        TestCorpus.awaitRun(runNow(id)).body("status", equalTo("FAILED"))
                .body("created", equalTo(2))
                .body("message", containsString("retstart=2"))
                .body("message", containsString("resumes"));
        given().get("/api/searches/" + id).then().body("resumePending", equalTo(true));

        EutilsReplayServer.requests.clear();
        TestCorpus.awaitRun(runNow(id)).body("status", equalTo("SUCCEEDED")).body("created", equalTo(3))
                .body("unchanged", equalTo(0));
        assertEquals(List.of("2", "4"), requests("efetch").stream().map(r -> r.get("retstart")).toList(),
                "pages already imported are not fetched again");
        given().queryParam("q", "\"weekly record\"[ti]").get("/api/search").then().body("total", equalTo(5));
    }

    @Test
    void whatPubmedSaysAboutAQueryReachesTheRun() {
        long bad = create("broken", "(motor cortex[tiab unbalanced", null);
        TestCorpus.awaitRun(runNow(bad)).body("status", equalTo("FAILED"))
                .body("message", containsString("unbalanced parentheses"))
                .body("message", containsString("correct the query"));
        long empty = create("nothing", "xyzzyqtms", null);
        TestCorpus.awaitRun(runNow(empty)).body("status", equalTo("SUCCEEDED")).body("created", equalTo(0))
                .body("errors.message", hasItem(containsString("xyzzyqtms")));
    }

    @Test
    void aSearchIsRunOnItsScheduleAndNeverTwiceAtOnce() throws InterruptedException {
        long id = create("every five seconds", "rTMS", "*/5 * * ? * *");
        List<String> triggers = await("a scheduled run appears").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/imports").then().extract().jsonPath()
                        .<String>getList("findAll { it.savedSearchId == " + id + " }.trigger"), t -> !t.isEmpty());
        assertTrue(triggers.contains("SCHEDULE"), "a scheduled run appeared: " + triggers);
        // deleting may meet a run in progress (409); it succeeds once the run is over
        await("the search is deleted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().delete("/api/searches/" + id).statusCode(), c -> c == 204 || c == 404);
        given().get("/api/searches/" + id).then().statusCode(404);
    }

    @Test
    void thePageListsSearchesAndRunsOneWithAButton() {
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("name", "from the page").formParam("query", "rTMS AND pain")
                .post("/searches").then().statusCode(303).header("Location", containsString("/searches"));
        long id = given().get("/api/searches").then().extract().jsonPath().getLong("find { it.name == 'from the page' }.id");
        given().get("/searches").then().statusCode(200).body(containsString("from the page"))
                .body(containsString("/searches/" + id + "/run"));
        String location = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).post("/searches/" + id + "/run").then().statusCode(303)
                .header("Location", matchesPattern(".*/imports/\\d+")).extract().header("Location");
        TestCorpus.awaitRun(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
                .body("status", equalTo("SUCCEEDED")).body("created", equalTo(EutilsReplayServer.COUNT));
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("name", "x").formParam("query", "rTMS").formParam("schedule", "weekly")
                .post("/searches").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
    }

    @Test
    void anEditedSearchRunsOnItsNewScheduleWithItsNewQueryFromTheStartIntoItsNewReview() {
        long review = reviews.create(new ReviewForm("Fed after the edit", null, null, null, null, null,
                null, null, "single", null), new Actor("admin", true, true)).id;
        long id = create("monthly", "xyzzyqtms", "0 0 6 1 * ?");
        TestCorpus.awaitRun(runNow(id)).body("status", equalTo("SUCCEEDED")).body("created", equalTo(0));
        given().get("/api/searches/" + id).then().body("lastSuccessTo", equalTo(LocalDate.now().toString()));

        EutilsReplayServer.requests.clear();
        given().contentType("application/json").body(Map.of("name", "every five seconds", "query", " motor cortex stimulation ",
                        "schedule", "*/5 * * ? * *", "reviewId", review))
                .put("/api/searches/" + id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("name", equalTo("every five seconds"))
                .body("query", equalTo("motor cortex stimulation")).body("schedule", equalTo("*/5 * * ? * *"))
                .body("reviewId", equalTo((int) review)).body("lastSuccessTo", nullValue())
                .body("resumePending", equalTo(false)).body("createdAt", notNullValue());
        given().get("/api/searches/" + id).then().body("name", equalTo("every five seconds"))
                .body("schedule", equalTo("*/5 * * ? * *"));

        long scheduled = await("the scheduler runs the search on its new schedule").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/imports").then().extract().jsonPath()
                        .<Integer>getList("findAll { it.savedSearchId == " + id + " && it.trigger == 'SCHEDULE' }.id"),
                        ids -> !ids.isEmpty()).get(0);
        TestCorpus.awaitRun(scheduled).body("status", equalTo("SUCCEEDED"));
        Map<String, String> esearch = requests("esearch").get(0);
        assertEquals("motor cortex stimulation", esearch.get("term"));
        assertEquals("1800/01/01", esearch.get("mindate"), "a changed query is searched from the start");
        long queued = QuarkusTransaction.requiringNew().call(() ->
                ReviewRecord.count("reviewId = ?1 and origin = ?2", review, ReviewRecord.Origin.SEARCH));
        assertEquals(EutilsReplayServer.COUNT, queued, "the run fed the review chosen in the edit");

        // back to monthly: the next run moves to the 1st; a run in progress refuses the edit until it ends (409)
        String[] nextRunAt = {null};
        await("the search is set back to monthly").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var r = given().contentType("application/json").body(Map.of("name", "monthly", "query",
                            "motor cortex stimulation", "schedule", "0 0 6 1 * ?")).put("/api/searches/" + id);
                    nextRunAt[0] = r.statusCode() == 200 ? r.jsonPath().getString("nextRunAt") : null;
                    return r.statusCode();
                }, c -> c == 200);
        assertEquals(SavedSearches.nextRun("0 0 6 1 * ?", Instant.now()), Instant.parse(nextRunAt[0]));
        given().get("/api/searches/" + id).then().body("reviewId", nullValue())
                .body("lastSuccessTo", equalTo(LocalDate.now().toString()));
    }

    @Test
    void anEditIsCheckedAsCreationIsAndAnUnknownSearchIsNotFound() {
        long id = create("kept", "rTMS", null);
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "schedule", "every monday"))
                .put("/api/searches/" + id).then().statusCode(400).body("error", containsString("Quartz cron"));
        given().contentType("application/json").body(Map.of("query", "rTMS")).put("/api/searches/" + id).then()
                .statusCode(400).body("error", containsString("name"));
        given().contentType("application/json").body(Map.of("name", "x", "query", " ")).put("/api/searches/" + id).then()
                .statusCode(400).body("error", containsString("query"));
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "reviewId", 987654))
                .put("/api/searches/" + id).then().statusCode(400).body("error", containsString("987654"));
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "schedule", "* * * ? * *"))
                .put("/api/searches/" + id).then().statusCode(400)
                .body("error", containsString("cortexlit.searches.min-interval"));
        given().get("/api/searches/" + id).then().body("name", equalTo("kept")).body("schedule", equalTo(SavedSearch.WEEKLY));
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS"))
                .put("/api/searches/999999").then().statusCode(404).contentType("application/json")
                .body("error", containsString("999999"));
    }

    @Test
    void badRequestsSayWhatToFix() {
        given().contentType("application/json").body(Map.of("query", "rTMS")).post("/api/searches").then()
                .statusCode(400).body("error", containsString("name"));
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "schedule", "every monday"))
                .post("/api/searches").then().statusCode(400).body("error", containsString("Quartz cron"));
        given().post("/api/searches/999999/run").then().statusCode(404);
        given().get("/api/searches/999999").then().statusCode(404);
        given().contentType("application/json").body(Map.of("name", "n".repeat(100_000), "query", "rTMS"))
                .post("/api/searches").then().statusCode(400).body("error", containsString("the limit is 300"));
        // tests allow every 5 s (cortexlit.searches.min-interval); every second is refused, with the setting named
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "schedule", "* * * ? * *"))
                .post("/api/searches").then().statusCode(400)
                .body("error", containsString("cortexlit.searches.min-interval"));
        given().contentType("application/json").body(Map.of("name", "x", "query", "rTMS", "schedule", "0 0 0 1 1 ? 2001"))
                .post("/api/searches").then().statusCode(400);
    }
}
