package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviews and screening end to end: pages (PRG and htmx), the queue, dual blind screening, conflicts, history. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ScreeningFlowTest {

    /** Matches part of the generated corpus, and two of the three trials in trials.xml. */
    static final String Q = "pain AND 2012:2021[dp]";
    static final Actor ADMIN = new Actor("admin", true, true);
    static final Actor REVIEWER = new Actor("reviewer", false, true);

    @Inject
    SearchIndex index;
    @Inject
    Decisions decisions;
    @Inject
    ReviewMembers members;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    Reviews reviews;
    @Inject
    ScreeningQueue queue;
    @Inject
    ImportRunner runner;

    @BeforeEach
    void corpus() throws Exception {
        TestCorpus.reset(index);
        Path file = Files.createTempFile("screening-", ".xml");
        new CorpusGenerator(7).writePubmedXml(file, 120, 39_000_000, false);
        // through the import thread itself, so a test acting as a reader can still set up its corpus
        assertTrue(runner.submit(file, "generated.xml", ImportRun.Trigger.UPLOAD)
                .await(Duration.ofSeconds(60)));
        Files.deleteIfExists(file);
    }

    private static long createThroughThePage(String name, String query, String mode) {
        String location = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("name", name).formParam("query", query).formParam("mode", mode)
                .post("/reviews").then().statusCode(303).extract().header("Location");
        Matcher m = Pattern.compile("/reviews/(\\d+)").matcher(location);
        assertTrue(m.find(), location);
        return Long.parseLong(m.group(1));
    }

    private static int searchTotal(String q) {
        return given().queryParam("q", q).get("/api/search").then().statusCode(200).extract().path("total");
    }

    private static long records(long reviewId) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewRecord.count("reviewId = ?1 and removed = false", reviewId));
    }

    @Test
    void aReviewTakesTheRecordsItsQueryMatchesAndNewImportsThatMatchJoinIt() {
        int matching = searchTotal(Q);
        assertTrue(matching > 10 && matching < 120, "the query matches part of the generated corpus: " + matching);
        long id = createThroughThePage("Pain review", Q, "single");
        assertEquals(matching, records(id));
        given().get("/reviews/" + id).then().statusCode(200)
                .body(containsString("<td id=\"count-records\">" + matching + "</td>"))
                .body(containsString("<td id=\"count-unscreened\">" + matching + "</td>"));
        given().get("/reviews").then().statusCode(200).body(containsString("Pain review"));

        TestCorpus.upload("trials.xml").statusCode(201); // three new trials about pain
        int after = searchTotal(Q);
        assertTrue(after > matching);
        assertEquals(after, records(id), "new matching imports join the queue");

        // a bad query is refused with the parser's message, and nothing is created
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("name", "bad")
                .formParam("query", "(pain AND").post("/reviews").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashError());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Review.count()));
    }

    @Test
    void anImportRunOffersAReviewOnlyTheRecordsItTouched() {
        // a review whose query was set without taking in its matches (as if they had been looked at already)
        long id = reviews.create(new ReviewForm("Run scope", null, null, null, null, null, null, null, "single", null), ADMIN).id;
        QuarkusTransaction.requiringNew().run(() -> Review.<Review>findById(id).query = Q);
        assertEquals(0, records(id));
        TestCorpus.upload("trials.xml").statusCode(201); // three trials, two of them matching Q
        assertEquals(2, records(id), "the run's own matches join; the corpus's older matches were not searched again");
        assertTrue(searchTotal(Q) > 10);
        TestCorpus.upload("trials.xml").statusCode(201); // unchanged: the run touches nothing
        assertEquals(2, records(id));
    }

    @Test
    void singleScreeningThroughThePagesWithoutJavaScript() {
        long id = createThroughThePage("Single", Q, "single");
        String page = given().get("/reviews/" + id + "/screen").then().statusCode(200)
                .body(containsString("id=\"decide\"")).body(containsString("Include")).extract().asString();
        long first = recordOnPage(page);

        // include: Post/Redirect/Get to the next record
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("decision", "include")
                .post("/reviews/" + id + "/screen/" + first).then().statusCode(303)
                .header("Location", endsWith("/reviews/" + id + "/screen")).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        assertEquals(Status.INCLUDED, status(first));
        long second = recordOnPage(given().get("/reviews/" + id + "/screen").asString());
        assertNotEquals(first, second);

        // exclude needs one of the review's reasons, by text or number
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("decision", "exclude")
                .post("/reviews/" + id + "/screen/" + second).then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashError()).header("Location", containsString("record=" + second));
        assertEquals(Status.UNSCREENED, status(second));
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("decision", "exclude")
                .formParam("reason", "3").formParam("note", "mice").post("/reviews/" + id + "/screen/" + second)
                .then().statusCode(303);
        ScreeningDecision d = QuarkusTransaction.requiringNew().call(() -> ScreeningDecision.<ScreeningDecision>find("recordId", second).firstResult());
        assertEquals(Decision.EXCLUDE, d.decision);
        assertEquals(Review.DEFAULT_REASONS.get(2), d.reason);
        assertEquals("mice", d.note);

        // undo brings that record back, undecided, and the history keeps both steps
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).post("/reviews/" + id + "/screen/undo")
                .then().statusCode(303).header("Location", containsString("record=" + second));
        assertEquals(Status.UNSCREENED, status(second));
        given().get("/reviews/" + id + "/records/" + second).then().statusCode(200)
                .body(containsString("decided")).body(containsString("undone"))
                .body(containsString("exclude (" + Review.DEFAULT_REASONS.get(2) + "): mice"));
        // the status filter of the record list
        given().get("/reviews/" + id + "/records?status=INCLUDED").then().statusCode(200)
                .body(containsString("<p id=\"record-total\">1 record(s) · export"));
        String csv = given().get("/reviews/" + id + "/export?format=csv&status=INCLUDED").then().statusCode(200)
                .header("Content-Disposition", containsString("review-single-included-" + LocalDate.now(ZoneOffset.UTC) + ".csv")).extract().asString();
        assertEquals(2, csv.strip().split("\r\n").length, "the header and the one included record: " + csv);
    }

    @Test
    void aSkippedRecordComesBackOnlyAfterTheRest() {
        long id = createThroughThePage("Skip", Q, "single");
        long first = recordOnPage(given().get("/reviews/" + id + "/screen").asString());
        String skipped = given().get("/reviews/" + id + "/screen?after=" + first).asString();
        long second = recordOnPage(skipped);
        assertTrue(second > first);
        assertTrue(skipped.contains("name=\"after\""), "the form remembers the skip");
        String next = given().header("HX-Request", "true").formParam("csrf-token", TestCorpus.csrf())
                .formParam("decision", "include").formParam("after", first).post("/reviews/" + id + "/screen/" + second)
                .then().statusCode(200).extract().asString();
        long third = recordOnPage(next);
        assertTrue(third > second, "after a skip the queue goes on, the skipped record waits: " + third);
        // past the end it wraps round to the skipped record
        long last = queue.next(id, ADMIN, Long.MAX_VALUE - 1).orElseThrow().id;
        assertEquals(first, last);
    }

    @Test
    void inSingleModeTwoScreenersStartInDifferentPartsOfTheQueue() {
        long id = reviews.create(new ReviewForm("Shared", null, null, null, null, null, null, null, "single", Q), ADMIN).id;
        assertEquals(0L, queue.startFor(id, ADMIN), "alone, the lead starts at the beginning");
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long adminFirst = queue.next(id, ADMIN, queue.startFor(id, ADMIN)).orElseThrow().id;
        long reviewerFirst = queue.next(id, REVIEWER, queue.startFor(id, REVIEWER)).orElseThrow().id;
        assertTrue(reviewerFirst > adminFirst, "the second member starts half-way: " + adminFirst + " / " + reviewerFirst);
        decisions.decide(id, adminFirst, ADMIN, "include", null, null);
        decisions.decide(id, reviewerFirst, REVIEWER, "include", null, null); // no collision
        // in dual mode both decide everything, so both start at the beginning
        long dual = reviews.create(new ReviewForm("Both", null, null, null, null, null, null, null, "dual", Q), ADMIN).id;
        members.addMember(dual, "reviewer", "reviewer", ADMIN);
        assertEquals(0L, queue.startFor(dual, REVIEWER));
    }

    @Test
    void withHtmxTheNextRecordComesBackAsAFragment() {
        long id = createThroughThePage("Htmx", Q, "single");
        long first = recordOnPage(given().get("/reviews/" + id + "/screen").asString());
        String fragment = given().header("HX-Request", "true").formParam("csrf-token", TestCorpus.csrf())
                .formParam("decision", "maybe").post("/reviews/" + id + "/screen/" + first)
                .then().statusCode(200).body(not(containsString("<html"))).body(containsString("id=\"screen\""))
                .body(containsString("Saved: maybe")).extract().asString();
        assertNotEquals(first, recordOnPage(fragment));
        assertEquals(Status.MAYBE, status(first));
        // an error comes back in the fragment too, on the same record
        long next = recordOnPage(fragment);
        given().header("HX-Request", "true").formParam("csrf-token", TestCorpus.csrf()).formParam("decision", "exclude")
                .post("/reviews/" + id + "/screen/" + next).then().statusCode(200)
                .body(containsString("An exclusion needs a reason")).body(containsString("data-record=\"" + next + "\""));
        // htmx sends the token as a header; without either, nothing is saved
        given().header("HX-Request", "true").formParam("decision", "include").post("/reviews/" + id + "/screen/" + next)
                .then().statusCode(403);
        assertEquals(Status.UNSCREENED, status(next));
    }

    @Test
    void includeAndExcludeWordsAreHighlightedOnTheScreeningPage() {
        long id = createThroughThePage("Words", Q, "single");
        Review r = QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(id));
        reviews.update(id, new ReviewForm(r.name, null, null, null, "pain", "rat*", r.exclusionReasons, null, "single", Q),
                ADMIN, r.version);
        given().get("/reviews/" + id + "/screen").then().statusCode(200)
                .body(containsString("<mark class=\"hl-include\">"));
    }

    @Test
    void dualScreeningTurnsADisagreementIntoAConflictTheLeadResolves() {
        long id = createThroughThePage("Dual", Q, "dual");
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;

        decisions.decide(id, rec, ADMIN, "include", null, null);
        assertEquals(Status.AWAITING_SECOND, status(rec));
        assertEquals(rec, queue.next(id, REVIEWER, 0).orElseThrow().id, "the second reviewer still gets it");
        assertNotEquals(rec, queue.next(id, ADMIN, 0).orElseThrow().id, "the first does not see it again");
        decisions.decide(id, rec, REVIEWER, "exclude", "not human", null);
        assertEquals(Status.CONFLICT, status(rec));
        assertTrue(queue.next(id, ADMIN, 0).map(x -> x.id != rec).orElse(true));

        given().get("/reviews/" + id).then().body(containsString("<td id=\"count-conflicts\">1 / 0</td>"));
        given().get("/reviews/" + id + "/records?status=CONFLICT").then().body(containsString("/records/" + rec + "\""));
        given().get("/reviews/" + id + "/records/" + rec).then().statusCode(200)
                .body(containsString("admin: include")).body(containsString("reviewer: exclude (not human)"));

        int version = QuarkusTransaction.requiringNew().call(() -> ReviewRecord.<ReviewRecord>findById(rec).version);
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("decision", "exclude")
                .formParam("reason", "not human").formParam("note", "animal study").formParam("version", version - 1)
                .post("/reviews/" + id + "/records/" + rec + "/resolve").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashError());
        assertEquals(Status.CONFLICT, status(rec), "a stale form changes nothing");
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("decision", "exclude")
                .formParam("reason", "not human").formParam("note", "animal study").formParam("version", version)
                .post("/reviews/" + id + "/records/" + rec + "/resolve").then().statusCode(303);
        assertEquals(Status.EXCLUDED, status(rec));
        given().get("/reviews/" + id).then().body(containsString("<td id=\"count-conflicts\">0 / 1</td>"));
        given().get("/reviews/" + id + "/records/" + rec).then()
                .body(containsString("Resolved by admin")).body(containsString("animal study"));
    }

    @Test
    void onceBothDecisionsAreInNeitherReviewerCanChangeOrUndoTheirs() {
        long id = reviews.create(new ReviewForm("Frozen", null, null, null, null, null, null, null, "dual", Q), ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, rec, ADMIN, "include", null, null);
        // while the other has not decided, a reviewer may still change their mind
        decisions.decide(id, rec, ADMIN, "maybe", null, null);
        decisions.decide(id, rec, REVIEWER, "exclude", "1", null);
        ScreeningException change = Assertions.assertThrows(ScreeningException.class,
                () -> decisions.decide(id, rec, ADMIN, "exclude", "1", null));
        assertEquals(ScreeningException.Kind.CONFLICT, change.kind);
        assertTrue(change.getMessage().contains("lead settles"), change.getMessage());
        assertThrows(ScreeningException.class, () -> decisions.undo(id, REVIEWER));
        assertEquals(Status.CONFLICT, status(rec), "the conflict stands for the lead");
        // a long note is kept whole in the history
        long other = queue.next(id, ADMIN, 0).orElseThrow().id;
        String note = "n".repeat(4000);
        decisions.decide(id, other, ADMIN, "exclude", "1", note);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ReviewEvent.forRecord(other).get(ReviewEvent.forRecord(other).size() - 1)
                .after.endsWith(note)));
        // switching back to single screening would settle the open conflict silently: refused
        Review r = QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(id));
        ScreeningException single = assertThrows(ScreeningException.class, () -> reviews.update(id,
                new ReviewForm(r.name, null, null, null, null, null, r.exclusionReasons, null, "single", Q), ADMIN, r.version));
        assertTrue(single.getMessage().contains("open conflicts"), single.getMessage());
    }

    @Test
    void moreLikeTheIncludedStudiesSuggestsOnlyArticlesTheReviewDoesNotHold() {
        long id = reviews.create(new ReviewForm("Similar", null, null, null, null, null, null, null, "single", Q), ADMIN).id;
        given().get("/reviews/" + id + "/similar").then().statusCode(200).body(containsString("id=\"no-similar\""));
        for (int i = 0; i < 3; i++) {
            long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
            decisions.decide(id, rec, ADMIN, "include", null, null);
        }
        List<String> held = QuarkusTransaction.requiringNew().call(() -> Article.getEntityManager()
                .createQuery("select a.pmid from ReviewRecord r, Article a where a.id = r.articleId and r.reviewId = :r", String.class)
                .setParameter("r", id).getResultList());
        List<String> suggested = given().get("/api/reviews/" + id + "/similar?size=10").then().statusCode(200)
                .extract().jsonPath().getList("hits.key", String.class);
        assertFalse(suggested.isEmpty(), "120 generated records share the field's vocabulary");
        assertTrue(suggested.stream().noneMatch(held::contains), "nothing the review already holds: " + suggested);
        given().get("/reviews/" + id + "/similar").then().statusCode(200)
                .body(containsString("/articles/" + suggested.get(0))).body(containsString("Add to the review"));
    }

    @Test
    void whileBlindTheCountsByReviewerOnlyShowRecordsBothDecided() {
        long id = reviews.create(new ReviewForm("Counts", null, null, null, null, null, null, null, "dual", Q), ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long first = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, first, REVIEWER, "exclude", "1", null);
        assertTrue(ReviewStats.of(id).reviewers().isEmpty(), "one decision alone would tell the reviewer's vote");
        decisions.decide(id, first, ADMIN, "exclude", "1", null);
        assertEquals(List.of(new ReviewStats.ReviewerRow("admin", 0, 0, 1), new ReviewStats.ReviewerRow("reviewer", 0, 0, 1)),
                ReviewStats.of(id).reviewers());
        given().get("/reviews/" + id).then().body(containsString("<td data-label=\"Exclude\" class=\"n-exclude\">1</td>"));
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void switchingABlindDualReviewToSingleAndBackRevealsNothingUnlessTheLeadUnblindsOnPurpose() {
        Review review = reviews.create(new ReviewForm("Blind switch", null, null, null, null, null, null, null, "dual", Q), ADMIN);
        long id = review.id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, rec, ADMIN, "exclude", "1", "private note of the lead");
        ReviewForm single = new ReviewForm("Blind switch", null, null, null, null, null, null, null, "single", Q);
        ReviewForm dual = new ReviewForm("Blind switch", null, null, null, null, null, null, null, "dual", Q);

        ScreeningException refused = assertThrows(ScreeningException.class, () -> reviews.update(id, single, ADMIN, null));
        assertTrue(refused.getMessage().contains("unblinds the review"), refused.getMessage());
        Review still = QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(id));
        assertTrue(still.isDual() && still.blind, "nothing changed");
        given().get("/reviews/" + id + "/records/" + rec).then().body(not(containsString("private note of the lead")));

        // the page's form without the tick, then with it
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf("reviewer"))
                .formParam("name", "Blind switch").formParam("mode", "single").post("/reviews/" + id + "/settings")
                .then().statusCode(303);
        reviews.update(id, single, ADMIN, null, true);
        reviews.update(id, dual, ADMIN, null);
        Review after = QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(id));
        assertFalse(after.blind, "the switch was an unblinding, and the review says so");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ReviewEvent.count(
                "reviewId = ?1 and kind = ?2", id, ReviewEvent.Kind.UNBLINDED)), "and it is recorded");
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aBlindReviewerNeverSeesTheOtherDecisionUntilBothDecided() {
        Review review = reviews.create(new ReviewForm("Blind", null, null, null, null, null, null, null, "dual", Q), ADMIN);
        long id = review.id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, rec, ADMIN, "include", null, "looks relevant");

        String page = given().get("/reviews/" + id + "/screen?record=" + rec).then().statusCode(200).extract().asString();
        assertFalse(page.contains("looks relevant") || page.contains("admin: include"), "blind: " + page);
        given().get("/reviews/" + id + "/records/" + rec).then().statusCode(200)
                .body(not(containsString("admin: include"))).body(containsString("Blind dual screening"))
                .body(not(containsString("looks relevant")));
        given().get("/reviews/" + id + "/records").then().body(containsString("1 hidden (blind)"));

        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf("reviewer")).formParam("decision", "include")
                .post("/reviews/" + id + "/screen/" + rec).then().statusCode(303);
        assertEquals(Status.INCLUDED, status(rec));
        given().get("/reviews/" + id + "/records/" + rec).then().body(containsString("admin: include: looks relevant"));
        // a reviewer is not the lead: settings and resolution are refused with a message
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf("reviewer")).formParam("name", "renamed")
                .post("/reviews/" + id + "/settings").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void readersReadReviewsButNeverScreen() {
        long id = reviews.create(new ReviewForm("Read only", null, null, null, null, null, null, null, "single", Q), ADMIN).id;
        given().get("/reviews/" + id).then().statusCode(200).body(not(containsString("action=\"/reviews/" + id + "/settings\"")));
        given().get("/reviews/" + id + "/screen").then().statusCode(403);
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
        given().formParam("csrf-token", TestCorpus.csrf("reader")).formParam("decision", "include")
                .post("/reviews/" + id + "/screen/" + rec).then().statusCode(403);
        assertEquals(Status.UNSCREENED, status(rec));
    }

    @Test
    void twoReviewersDecidingOneRecordAtOnceLoseNothingAndTheLaterIsTold() throws Exception {
        long id = reviews.create(new ReviewForm("Race", null, null, null, null, null, null, null, "single", Q), ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (Actor who : List.of(ADMIN, REVIEWER)) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            decisions.decide(id, rec, who, who == ADMIN ? "include" : "exclude", "1", null);
                            return "saved";
                        } catch (ScreeningException e) {
                            assertEquals(ScreeningException.Kind.CONFLICT, e.kind);
                            return e.getMessage();
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertEquals(1, outcomes.stream().filter("saved"::equals).count(), outcomes.toString());
                assertTrue(outcomes.stream().anyMatch(o -> o.contains("was not saved")), outcomes.toString());
                long decisions = QuarkusTransaction.requiringNew().call(() -> ScreeningDecision.count("recordId", rec));
                assertEquals(1, decisions);
                assertTrue(status(rec).settled());
                List<ReviewEvent.Kind> kinds = QuarkusTransaction.requiringNew().call(() ->
                        ReviewEvent.forRecord(rec).stream().map(e -> e.kind).toList());
                assertTrue(kinds.contains(ReviewEvent.Kind.DECIDED) && kinds.contains(ReviewEvent.Kind.REFUSED),
                        "both attempts are in the history: " + kinds);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inDualModeTwoReviewersDecidingAtOnceBothCount() throws Exception {
        long id = reviews.create(new ReviewForm("Race dual", null, null, null, null, null, null, null, "dual", Q), ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> results = new ArrayList<>();
                for (Actor who : List.of(ADMIN, REVIEWER)) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return decisions.decide(id, rec, who, who == ADMIN ? "include" : "exclude", "1", null);
                    }));
                }
                go.countDown();
                for (Future<?> f : results) {
                    f.get(); // neither is refused
                }
                ReviewRecord r = QuarkusTransaction.requiringNew().call(() -> ReviewRecord.<ReviewRecord>findById(rec));
                assertEquals(2, r.decisionCount);
                assertEquals(Status.CONFLICT, r.status);
                assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> ReviewEvent.count("recordId = ?1 and kind = ?2",
                        rec, ReviewEvent.Kind.DECIDED)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void agreementAndPrismaCountsComeFromTheDecisions() {
        long id = reviews.create(new ReviewForm("Kappa", null, null, null, null, null, null, null, "dual", Q), ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        // ten records: agree include 4, agree exclude 3, admin include / reviewer exclude 2, admin exclude / reviewer maybe 1
        String[][] plan = {{"include", "include"}, {"include", "include"}, {"include", "include"}, {"maybe", "include"},
                {"exclude", "exclude"}, {"exclude", "exclude"}, {"exclude", "exclude"},
                {"include", "exclude"}, {"include", "exclude"}, {"exclude", "maybe"}};
        for (String[] p : plan) {
            long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
            decisions.decide(id, rec, ADMIN, p[0], "1", null);
            decisions.decide(id, rec, REVIEWER, p[1], "1", null);
        }
        ReviewStats stats = ReviewStats.of(id);
        assertEquals(3, stats.count(Status.INCLUDED));
        assertEquals(1, stats.count(Status.MAYBE));
        assertEquals(3, stats.count(Status.EXCLUDED));
        assertEquals(3, stats.conflictsOpen());
        Agreement.Pair pair = stats.agreement().get(0);
        assertEquals(10, pair.shared());
        assertEquals(7, pair.agreed());
        assertEquals(Agreement.kappa(4, 2, 1, 3), pair.kappa(), 1e-9);
        assertEquals(records(id), stats.prisma().identifiedTotal());
        assertEquals(7, stats.prisma().screened());
        assertEquals(3, stats.prisma().excluded());
        assertEquals(4, stats.prisma().sought());
        assertEquals(Long.valueOf(3), stats.exclusionReasons().get(Review.DEFAULT_REASONS.get(0)));
        given().get("/reviews/" + id).then().body(containsString("<td data-label=\"Kappa\" class=\"kappa\">" + pair.kappaText() + "</td>"))
                .body(containsString("<td id=\"prisma-excluded\">3</td>"));
    }

    @Test
    void theLeadAddsAndRemovesRecordsByHandAndBadPmidsAreNamed() {
        long id = reviews.create(new ReviewForm("Manual", null, null, null, null, null, null, null, "single", null), ADMIN).id;
        assertEquals(0, records(id));
        Response added = given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("pmids", "39000001, 39000002 99999999").post("/reviews/" + id + "/add");
        assertEquals(303, added.statusCode());
        assertTrue(TestCorpus.flashMessage(added).contains("99999999"), TestCorpus.flashMessage(added));
        assertEquals(2, records(id));
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("pmids", "12ab")
                .post("/reviews/" + id + "/add").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
        long rec = queue.next(id, ADMIN, 0).orElseThrow().id;
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .post("/reviews/" + id + "/records/" + rec + "/remove").then().statusCode(303);
        assertEquals(1, records(id));
        given().get("/reviews/" + id + "/records/" + rec).then().body(containsString("removed"));
    }

    @Test
    void tagsAreSetFromTheArticlePageWithHistoryAndChecks() {
        String pmid = "39000001";
        int version = QuarkusTransaction.requiringNew().call(() -> Article.findByPmid(pmid).orElseThrow().version);
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("dimension", "target")
                .formParam("value-target", "M1").formParam("value-target", "DLPFC").formParam("version", version)
                .post("/articles/" + pmid + "/tags").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        // searchable at once, as a field and as a facet
        given().queryParam("q", "m1[target] AND DLPFC[target]").get("/api/search").then().statusCode(200)
                .body("total", Matchers.equalTo(1)).body("hits[0].pmid", Matchers.equalTo(pmid))
                .body("facets.target.M1", Matchers.equalTo(1));
        given().get("/articles/" + pmid).then().statusCode(200)
                .body(containsString("target: DLPFC, M1")).body(containsString("admin: target (none) → DLPFC; M1"));
        // the old version is stale now: refused with a message, nothing changes
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("dimension", "target")
                .formParam("value-target", "S1").formParam("version", version).post("/articles/" + pmid + "/tags")
                .then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
        assertTrue(TestCorpus.flashMessage(given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("dimension", "sessions").formParam("free-sessions", "ten").post("/articles/" + pmid + "/tags"))
                .contains("Number of sessions"));
        assertTrue(TestCorpus.flashMessage(given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("dimension", "design").formParam("value-design", "controlled").formParam("value-design", "review")
                .post("/articles/" + pmid + "/tags")).contains("takes one value"));
        List<String> targets = QuarkusTransaction.requiringNew().call(() -> Article.findByPmid(pmid).orElseThrow().tagValues("target"));
        assertEquals(List.of("DLPFC", "M1"), targets);
        // the review's record list counts its records per tag value, and each count filters the list
        long id = reviews.create(new ReviewForm("Tagged", null, null, null, null, null, null, null, "single", null), ADMIN).id;
        reviewRecords.addByPmid(id, pmid + " 39000002", ADMIN);
        given().get("/reviews/" + id + "/records").then().statusCode(200)
                .body(containsString("id=\"tag-counts\"")).body(containsString("M1 <span class=\"count\">1</span>"));
        given().queryParam("q", "\"M1\"[target]").get("/reviews/" + id + "/records").then().statusCode(200)
                .body(containsString("<p id=\"record-total\">1 record(s)"));
        given().get("/api/reviews/" + id + "/progress").then().statusCode(200).body("tags.target.M1", equalTo(1));
    }

    private static Status status(long recordId) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewRecord.<ReviewRecord>findById(recordId).status);
    }

    static long recordOnPage(String html) {
        Matcher m = Pattern.compile("data-record=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), "a record on the page");
        return Long.parseLong(m.group(1));
    }
}
