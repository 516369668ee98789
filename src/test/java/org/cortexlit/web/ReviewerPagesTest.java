package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningQueue;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages a reviewer spends the day on, read as HTML: search paging and facets, record lists, adding records. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ReviewerPagesTest {

    static final Actor ADMIN = new Actor("admin", true, true);

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    ScreeningQueue queue;
    @Inject
    Decisions decisions;
    @Inject
    ReviewMembers members;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        TestCorpus.upload("trials.xml").statusCode(201);
    }

    private long review(String name) {
        long id = reviews.create(new ReviewForm(name, null, null, null, null, null, null, null, "single", null), ADMIN).id;
        reviewRecords.addByPmid(id, "90000001 90000002 90000003", ADMIN);
        return id;
    }

    @Test
    void theSecondPageOfResultsCarriesOnNumbering() throws Exception {
        Path file = Files.createTempFile("generated", ".xml");
        new CorpusGenerator(5).writePubmedXml(file, 25, 95_000_000L, false);
        TestCorpus.upload("generated.xml", Files.readAllBytes(file)).statusCode(201);
        Files.delete(file);
        given().queryParam("q", "1800:2100[dp]").queryParam("page", 2).get("/search").then().statusCode(200)
                .body(containsString("<ol class=\"hits\" start=\"21\">"));
        given().queryParam("q", "1800:2100[dp]").get("/search").then().statusCode(200)
                .body(containsString("<ol class=\"hits\" start=\"1\">"));
    }

    @Test
    void anUnexpectedFailureIsAPageOfTheSiteAndJsonForTheApi() {
        given().get("/test-only/fail").then().statusCode(500).contentType(containsString("text/html"))
                .body(containsString("class=\"top\"")).body(containsString("href=\"/search\""))
                .body(not(containsString("secret detail"))).body(not(containsString("at org.cortexlit")));
        given().get("/api/test-only/fail").then().statusCode(500).contentType("application/json")
                .body("error", not(containsString("secret detail")));
    }

    @Test
    void anUnknownArticleSaysWhichArticleIsMissing() {
        given().get("/articles/99999999").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("No article 99999999 in the corpus.")).body(containsString("class=\"top\""));
    }

    @Test
    void activeFacetsAreChipsThatRemoveThemselves() {
        String html = given().queryParam("q", "pain AND 2019[dp]").get("/search").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("id=\"active-filters\""), html);
        // the chip takes the filter back out of the query
        assertTrue(html.contains("href=\"/search?q=pain&amp;sort=relevance\"") || html.contains("href=\"/search?q=pain&sort=relevance\""),
                "a chip removes 2019[dp]: " + html);
        // the active year in the facet list does not narrow again: it takes the filter back
        assertFalse(html.contains("2019%5Bdp%5D+AND+2019%5Bdp%5D"), "clicking the active facet appends it twice");
        assertTrue(html.contains("<a class=\"facet-active\" aria-current=\"true\" title=\"Take this filter back\" "
                + "href=\"/search?q=pain&sort=relevance\"><span class=\"facet-value\">2019</span>"), html);
        // another value narrows the search further, named as a person reads it
        assertTrue(html.contains("<a href=\"/search?q=pain+AND+2019%5Bdp%5D+AND+eng%5Bla%5D&sort=relevance\">"
                + "<span class=\"facet-value\">English</span>"), html);
    }

    @Test
    void aFilterThatCannotBeRunKeepsTheStatusAskedFor() {
        long id = review("Filter errors");
        long first = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, first, ADMIN, "exclude", "1", null);
        String html = given().queryParam("status", "EXCLUDED").queryParam("q", "(motor AND")
                .get("/reviews/" + id + "/records").then().statusCode(200).extract().asString();
        assertTrue(html.contains("role=\"alert\""), "the error is shown: " + html);
        assertTrue(html.contains("<option value=\"EXCLUDED\" selected>"), "the status stays chosen");
        assertTrue(html.contains("id=\"record-total\">1 record"), "only the excluded record is listed: " + html);
    }

    @Test
    void addingByPmidAddsTheValidOnesAndSaysWhyTheOthersWereRejected() {
        long id = reviews.create(new ReviewForm("By hand", null, null, null, null, null, null, null, "single", null), ADMIN).id;
        Response r = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("pmids", "90000001, 12345678901 pmid:90000002 90000003 12345")
                .post("/reviews/" + id + "/add");
        assertEquals(303, r.statusCode());
        String message = TestCorpus.flashMessage(r);
        assertTrue(message.contains("Added 2"), message);
        assertTrue(message.contains("12345678901 (not a PMID: more than 9 digits)"), message);
        assertTrue(message.contains("pmid:90000002 (not a PMID"), message);
        assertTrue(message.contains("12345 (not in the corpus"), message);
        given().get("/api/reviews/" + id + "/records").then().statusCode(200).body("total", equalTo(2));
        given().contentType("application/json").body("{\"pmids\":[\"90000002\",\"x1\"]}")
                .post("/api/reviews/" + id + "/records").then().statusCode(200)
                .body("added", equalTo(1)).body("rejected[0].entry", equalTo("x1"))
                .body("rejected[0].reason", containsString("not a PMID"));
    }

    @Test
    void theConflictPageShowsTheAbstractAndMakesTheLeadChooseADecision() {
        long id = reviews.create(new ReviewForm("Conflicts", null, null, null, "sham", null, null, null, "dual", null), ADMIN).id;
        reviewRecords.addByPmid(id, "90000001", ADMIN);
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, rec, ADMIN, "include", null, null);
        decisions.decide(id, rec, new Actor("reviewer", false, true), "exclude", "1", null);
        String html = given().get("/reviews/" + id + "/records/" + rec).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Resolve the conflict"), html);
        assertTrue(html.contains("id=\"record-abstract\""), "the abstract is on the page");
        assertTrue(html.contains("<mark class=\"hl-include\">sham</mark>"), "with the review's words marked");
        String select = html.substring(html.indexOf("<select id=\"decision\""), html.indexOf("</select>", html.indexOf("<select id=\"decision\"")));
        assertTrue(select.contains(" required"), select);
        assertTrue(select.contains("<option value=\"\" selected disabled>"), "no decision is chosen for the lead: " + select);
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("version", 0)
                .post("/reviews/" + id + "/records/" + rec + "/resolve").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashError());
    }

    @Test
    void theCountsOfAReviewWithAConflictOpenAddUp() {
        long id = reviews.create(new ReviewForm("Counts", null, null, null, null, null, null, null, "dual",
                "90000001[pmid] OR 90000002[pmid] OR 90000003[pmid]"), ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        Actor reviewer = new Actor("reviewer", false, true);
        long conflict = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, conflict, ADMIN, "include", null, null);
        decisions.decide(id, conflict, reviewer, "exclude", "1", null);
        long agreed = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, agreed, ADMIN, "include", null, null);
        decisions.decide(id, agreed, reviewer, "include", null, null);

        String html = given().get("/reviews/" + id).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<td id=\"count-unscreened\">1</td>"), html);
        assertTrue(html.contains("<td id=\"prisma-screened\">1</td>"), "one record settled");
        assertTrue(html.contains("<td id=\"prisma-awaiting\">2</td>"), "two not settled");
        assertTrue(html.contains("(1 unscreened, 0 awaiting a second decision, 1 in conflict)"), "the parts add up");
        given().get("/api/reviews/" + id + "/progress").then().statusCode(200).body("screened", equalTo(1))
                .body("prisma.screened", equalTo(1)).body("prisma.awaiting", equalTo(2)).body("records", equalTo(3));
        // one row per file read, not every source lumped as "uploaded files"
        assertTrue(html.contains("Records identified: trials.xml (uploaded file)</th><td>3</td>"), html);
        assertFalse(html.contains("uploaded files"));
    }

    @Test
    void theDuplicatesPageDoesNotCallTheCorpusScreened() {
        given().get("/duplicates").then().statusCode(200)
                .body(containsString("<span id=\"remaining\">3</span> records after duplicates removed"))
                .body(not(containsString("records screened")));
    }

    @Test
    void onlyActionsThatRemoveOrCannotBeUndoneLookDangerousAndUnblindingAsksFirst() {
        long id = reviews.create(new ReviewForm("Blind", null, null, null, null, null, null, null, "dual", null), ADMIN).id;
        String html = given().get("/reviews/" + id).then().statusCode(200).extract().asString();
        String unblind = html.substring(html.indexOf("<form class=\"inline\" id=\"unblind\""));
        unblind = unblind.substring(0, unblind.indexOf("</form>"));
        assertTrue(unblind.contains("class=\"danger\""), unblind);
        assertTrue(unblind.contains("name=\"confirm\" value=\"yes\" required"), "the form asks to confirm: " + unblind);
        String sync = html.substring(html.indexOf("action=\"/reviews/" + id + "/sync\""));
        assertTrue(sync.substring(0, sync.indexOf("</form>")).contains("class=\"secondary\""), "taking in matches is harmless");

        Response refused = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .post("/reviews/" + id + "/unblind");
        assertEquals(303, refused.statusCode());
        assertTrue(TestCorpus.flashMessage(refused).contains("Nothing changed"), TestCorpus.flashMessage(refused));
        given().get("/api/reviews/" + id).then().body("blind", equalTo(true));
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("confirm", "yes")
                .post("/reviews/" + id + "/unblind").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        given().get("/api/reviews/" + id).then().body("blind", equalTo(false));
    }

    @Test
    void theNavigationMarksTheSectionOfThePage() {
        String html = given().get("/reviews").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<a href=\"/reviews\" aria-current=\"page\">Reviews</a>"), html);
        assertTrue(html.contains("<a href=\"/search\">Search</a>"), "only the page's own section is marked");
        given().get("/articles/90000001").then().body(containsString("<a href=\"/search\" aria-current=\"page\">Search</a>"));
    }

    @Test
    void languagesReadAsTheirNames() {
        given().get("/articles/90000001").then().statusCode(200).body(containsString("<dt>Language</dt><dd>English</dd>"));
        given().queryParam("q", "pain").get("/search").then().statusCode(200)
                .body(containsString("<span class=\"facet-value\">English</span>"))
                .body(containsString("eng%5Bla%5D")); // the facet still narrows by PubMed's code
    }

    @Test
    void downloadsAreNamedForWhatTheyHoldAndTheDay() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().queryParam("q", "rTMS[ti] AND 2019[dp]").queryParam("format", "csv").get("/search/export").then()
                .statusCode(200).header("Content-Disposition", containsString("filename=\"cortexlit-rtms-ti-and-2019-dp-" + today + ".csv\""));
        long id = review("Motor cortex: Ärzte's review");
        given().queryParam("format", "ris").queryParam("status", "UNSCREENED").get("/reviews/" + id + "/export").then()
                .statusCode(200).header("Content-Disposition",
                        containsString("filename=\"review-motor-cortex-arzte-s-review-unscreened-" + today + ".ris\""));
    }

    @Test
    void resultsNameTheirAuthors() {
        given().queryParam("q", "lefaucheur[au]").get("/search").then().statusCode(200)
                .body(containsString("<div class=\"hit-authors\">Lefaucheur JP"));
    }

    @Test
    void resultsNameTheAuthorsOfRecordsWithoutAPmidAndCutLongListsAfterThree() {
        String ris = """
                TY  - JOUR
                TI  - Cerebellar zonkification for phantom pain
                AU  - Quill, Ada
                AU  - Brandt, Ole
                AU  - Costa, Ines
                AU  - Dahl, Per
                PY  - 2021
                ER  -\s
                """;
        TestCorpus.upload("zonk.ris", ris.getBytes(StandardCharsets.UTF_8)).statusCode(201);
        given().queryParam("q", "zonkification").get("/search").then().statusCode(200)
                .body(containsString("href=\"/articles/CL"))
                .body(containsString("<div class=\"hit-authors\">Quill A, Brandt O, Costa I, et al.</div>"));
    }

    @Test
    void anEmptySearchExplainsTheSyntax() {
        given().get("/search").then().statusCode(200).body(containsString("id=\"syntax-help\""))
                .body(containsString("<code>[tiab]</code>")).body(containsString("href=\"/search?q=lefaucheur+jp%5Bau%5D"));
        given().queryParam("q", "pain").get("/search").then().body(not(containsString("id=\"syntax-help\"")));
    }

    @Test
    void hitsWithinAReviewShowTheirScreeningStatus() {
        long id = review("Statuses");
        long first = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, first, ADMIN, "include", null, null);
        String html = given().queryParam("review", id).queryParam("q", "1800:2100[dp] OR pain OR fibromyalgia")
                .get("/search").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<span class=\"hit-status\">included</span> in Statuses"), html);
        assertTrue(html.contains("<span class=\"hit-status\">unscreened</span> in Statuses"), html);
    }

    @Test
    void savedSearchesNameTheirReviewAndScheduleShowAFailedRunAndCanBeDeleted() {
        long review = review("Queue of the saved search");
        Response saved = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("name", "daily rTMS").formParam("query", "rTMS AND pain").formParam("preset", "daily")
                .formParam("reviewId", review).post("/searches");
        assertEquals(303, saved.statusCode());
        assertTrue(TestCorpus.flashMessage(saved).contains("runs daily at 06:00"), TestCorpus.flashMessage(saved));
        long id = given().get("/api/searches").then().extract().jsonPath().getLong("find { it.name == 'daily rTMS' }.id");
        given().get("/api/searches/" + id).then().body("schedule", equalTo("0 0 6 * * ?"));

        String run = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .post("/searches/" + id + "/run").then().statusCode(303).extract().header("Location");
        TestCorpus.awaitRun(Long.parseLong(run.substring(run.lastIndexOf('/') + 1))).body("status", equalTo("FAILED"));
        String html = given().get("/searches").then().statusCode(200).extract().asString();
        String row = html.substring(html.indexOf("<tr id=\"search-" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("<a href=\"/reviews/" + review + "\">Queue of the saved search</a>"), row);
        assertTrue(row.contains("daily at 06:00"), row);
        assertTrue(row.contains("FAILED") && row.contains("cortexlit.eutils.email"), "the failed run says why: " + row);
        assertFalse(row.contains(">never<"), row);

        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).post("/searches/" + id + "/delete")
                .then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        given().get("/api/searches/" + id).then().statusCode(404);
    }

    @Test
    void aSavedSearchIsEditedOnItsOwnFormAndAMistakeNamesTheField() {
        long review = review("Queue after the edit");
        long id = given().contentType("application/json").body(java.util.Map.of("name", "weekly rTMS", "query", "rTMS"))
                .post("/api/searches").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/searches").then().statusCode(200).body(containsString("href=\"/searches/" + id + "/edit\""));
        String form = given().get("/searches/" + id + "/edit").then().statusCode(200).extract().asString();
        assertTrue(form.contains("action=\"/searches/" + id + "/edit\""), form);
        assertTrue(form.contains("value=\"weekly rTMS\"") && form.contains("value=\"rTMS\""), "the form holds what is saved");
        assertTrue(form.contains("<option value=\"weekly\" selected>"), "the schedule shows as its preset: " + form);

        Response refused = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("name", "weekly rTMS").formParam("query", "rTMS").formParam("preset", "custom")
                .formParam("schedule", "every monday").post("/searches/" + id + "/edit");
        assertEquals(303, refused.statusCode());
        assertTrue(refused.header("Location").endsWith("/searches/" + id + "/edit"), refused.header("Location"));
        assertTrue(TestCorpus.flashMessage(refused).startsWith("schedule 'every monday' is not a Quartz cron"),
                TestCorpus.flashMessage(refused));
        given().get("/api/searches/" + id).then().body("schedule", equalTo("0 0 6 ? * MON"));

        Response saved = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("name", "monthly rTMS").formParam("query", "rTMS AND pain").formParam("preset", "monthly")
                .formParam("reviewId", review).post("/searches/" + id + "/edit");
        assertEquals(303, saved.statusCode());
        assertTrue(saved.header("Location").endsWith("/searches"), saved.header("Location"));
        assertTrue(TestCorpus.flashMessage(saved).contains("\"monthly rTMS\": it runs monthly, on the 1st at 06:00"),
                TestCorpus.flashMessage(saved));
        given().get("/api/searches/" + id).then().body("name", equalTo("monthly rTMS")).body("query", equalTo("rTMS AND pain"))
                .body("schedule", equalTo("0 0 6 1 * ?")).body("reviewId", equalTo((int) review));
        form = given().get("/searches/" + id + "/edit").then().statusCode(200).extract().asString();
        assertTrue(form.contains("<option value=\"monthly\" selected>"), form);
        assertTrue(form.contains("<option value=\"" + review + "\" selected>Queue after the edit</option>"), form);

        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("name", "x")
                .formParam("query", "rTMS").formParam("preset", "custom").formParam("schedule", "0 30 7 ? * MON-FRI")
                .post("/searches/" + id + "/edit").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        form = given().get("/searches/" + id + "/edit").then().statusCode(200).extract().asString();
        assertTrue(form.contains("<option value=\"custom\" selected>") && form.contains("value=\"0 30 7 ? * MON-FRI\""),
                "an own schedule is shown as written: " + form);
        given().get("/searches/999999/edit").then().statusCode(404).body(containsString("There is no saved search 999999."));
    }

    @Test
    void duplicatesAreOneTableOfPairsSayingWhatMatchedWithTheTwoSideBySide() {
        TestCorpus.upload("embase-overlap.ris").statusCode(201);
        String html = given().get("/duplicates").then().statusCode(200).extract().asString();
        assertEquals(1, html.split("<table", -1).length - 1, "one table, not one per group");
        assertTrue(html.contains("id=\"duplicate-pairs\""), html);
        assertTrue(html.toLowerCase(Locale.ROOT).matches("(?s).*same doi: <code class=\"matched\">[^<]*10\\.9999/cortexlit\\.test\\.0001</code>.*"),
                "the DOI that matched: " + html);
        assertTrue(html.contains("same title, year within 1, shared author: <span class=\"matched\">"), "the title that matched");
        assertTrue(html.contains("<details class=\"compare\">") && html.contains("<dt>Kept 90000001</dt>"), "the pair side by side");
    }

    @Test
    void eachReviewNumbersItsRecordsFromOne() {
        review("First review");
        long second = reviews.create(new ReviewForm("Second review", null, null, null, null, null, null, null, "single",
                "90000002[pmid]"), ADMIN).id;
        reviewRecords.addByPmid(second, "90000003", ADMIN);
        String list = given().get("/reviews/" + second + "/records").then().statusCode(200).extract().asString();
        assertTrue(list.matches("(?s).*<td data-label=\"#\"><a href=\"/reviews/" + second + "/records/\\d+\">1</a></td>.*"), list);
        assertTrue(list.matches("(?s).*<td data-label=\"#\"><a href=\"/reviews/" + second + "/records/\\d+\">2</a></td>.*"), list);
        long first = queue.next(second, ADMIN, 0).orElseThrow().id;
        given().get("/reviews/" + second + "/screen?record=" + first).then().statusCode(200)
                .body(containsString(">record 1</a>"));
        given().get("/reviews/" + second + "/records/" + first).then().body(containsString("<title>Record 1 · Second review"));
    }

    @Test
    void theApiGivesEachRecordTheNumberThePagesShow() {
        long id = reviews.create(new ReviewForm("Numbered", null, null, null, null, null, null, null, "single",
                "90000002[pmid]"), ADMIN).id;
        reviewRecords.addByPmid(id, "90000003", ADMIN);
        given().get("/api/reviews/" + id + "/records").then().statusCode(200)
                .body("records.find { it.pmid == '90000002' }.number", equalTo(1))
                .body("records.find { it.pmid == '90000003' }.number", equalTo(2));
        given().get("/api/reviews/" + id + "/records/90000003").then().statusCode(200).body("number", equalTo(2));
        Response next = given().get("/api/reviews/" + id + "/next");
        assertEquals(200, next.statusCode());
        String pmid = next.jsonPath().getString("record.pmid");
        int number = next.jsonPath().getInt("record.number");
        assertEquals(pmid.equals("90000002") ? 1 : 2, number, next.asString());
        given().get("/reviews/" + id + "/records/" + next.jsonPath().getLong("record.id")).then()
                .body(containsString("<title>Record " + number + " · Numbered"));
        given().contentType("application/json").body("{\"verdict\":\"INCLUDE\"}")
                .put("/api/reviews/" + id + "/records/" + pmid + "/decision").then().statusCode(200)
                .body("number", equalTo(number));
    }
}
