package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue in relevance order: import order until there is an include and an exclude, then the records the model
 * trained on the review's decisions ranks highest, with the score and words on the page and in the API; the recall
 * curve and stopping estimate; blind dual reviews learn only from records both reviewers decided.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
public class RelevanceQueueTest {

    static final Actor ADMIN = new Actor("admin", true, true);
    static final Actor REVIEWER = new Actor("reviewer", false, true);
    static final int RECORDS = 40;
    static final long FIRST_PMID = 92_000_001L;

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;
    @Inject
    ReviewMembers members;
    @Inject
    Decisions decisions;
    @Inject
    ScreeningQueue queue;
    @Inject
    RelevanceRanking relevance;

    /** Every fourth record (from the fourth) is a sham-controlled motor cortex stimulation trial; the rest are not. */
    public static boolean relevant(long pmid) {
        return (pmid - FIRST_PMID) % 4 == 3;
    }

    static final String[] OTHER = {
            "Triptan prescribing for migraine headache pain in primary care: an audit",
            "Dental anaesthesia and postoperative pain after third molar extraction in adolescents",
            "Spinal nerve ligation in rats: gabapentin reverses mechanical allodynia and pain behaviour",
            "Physiotherapy exercise programme for chronic low back pain: a cohort in general practice",
            "Opioid tapering and pain scores in cancer survivors: a qualitative interview study",
            "Acupuncture for knee osteoarthritis pain: cost analysis of a community service"};

    public static byte[] medline() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            long pmid = FIRST_PMID + i;
            sb.append("PMID- ").append(pmid).append('\n').append("DP  - 2018\n");
            if (relevant(pmid)) {
                sb.append("TI  - Repetitive transcranial magnetic stimulation of the motor cortex for neuropathic pain: "
                        + "a randomised sham-controlled trial ").append(i).append('\n');
                sb.append("AB  - Patients with refractory neuropathic pain received high-frequency rTMS over the primary "
                        + "motor cortex or sham stimulation. Pain relief on the visual analogue scale was greater after "
                        + "active motor cortex stimulation than after sham.\n");
            } else {
                sb.append("TI  - ").append(OTHER[i % OTHER.length]).append(' ').append(i).append('\n');
                sb.append("AB  - ").append(OTHER[(i + 3) % OTHER.length]).append(". Outcomes were recorded over "
                        + "twelve months in a routine service without any stimulation.\n");
            }
            sb.append("PT  - Journal Article\nTA  - Pain\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        TestCorpus.upload("relevance.nbib", medline()).statusCode(201);
    }

    private long create(String name, String mode) {
        return reviews.create(new ReviewForm(name, null, null, null, null, null, null, null, mode, "pain"), ADMIN).id;
    }

    private static long pmidOf(long recordId) {
        return QuarkusTransaction.requiringNew().call(() -> Long.parseLong(
                Article.<Article>findById(ReviewRecord.<ReviewRecord>findById(recordId).articleId).pmid));
    }

    private static long recordOf(long reviewId, long pmid) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewRecord.<ReviewRecord>find("reviewId = ?1 and "
                + "articleId = (select a.id from Article a where a.pmid = ?2)", reviewId, Long.toString(pmid))
                .firstResult().id);
    }

    private void decideByTruth(long reviewId, long recordId, Actor who) {
        boolean include = relevant(pmidOf(recordId));
        decisions.decide(reviewId, recordId, who, include ? "include" : "exclude", include ? null : "other", null);
    }

    private static ExtractableResponse<Response> next(long reviewId) {
        return given().get("/api/reviews/" + reviewId + "/next").then().statusCode(200).extract();
    }

    @Test
    void theQueueFollowsImportOrderUntilItCanLearnThenServesTheMostLikelyRelevantFirst() {
        long id = create("Ranked", "single");
        given().get("/api/reviews/" + id).then().statusCode(200).body("order", org.hamcrest.Matchers.equalTo("relevance"));
        // nothing to learn from yet: import order, no relevance shown
        ExtractableResponse<Response> first = next(id);
        assertEquals(Long.toString(FIRST_PMID), first.path("article.pmid"));
        assertNull(first.path("relevance"));
        given().get("/reviews/" + id + "/screen").then().statusCode(200)
                .body(containsString("In import order until this review has an include"));

        // one include, one exclude: the model can learn
        decideByTruth(id, recordOf(id, FIRST_PMID), ADMIN);
        decideByTruth(id, recordOf(id, FIRST_PMID + 3), ADMIN);
        assertTrue(relevance.awaitCurrent(id, Duration.ofSeconds(30)).isPresent(), "a ranking after an include and an exclude");

        // screen by the queue, deciding as the truth says: every relevant record comes before any other
        int relevantTotal = RECORDS / 4;
        List<Long> order = new ArrayList<>();
        int found = 1;
        while (found < relevantTotal) {
            relevance.awaitCurrent(id, Duration.ofSeconds(30));
            ExtractableResponse<Response> n = next(id);
            long pmid = Long.parseLong(n.path("article.pmid"));
            Map<String, Object> why = n.path("relevance");
            assertNotNull(why, "a ranked record says why it is here");
            assertTrue(((Number) why.get("score")).doubleValue() > 0, "a relevant-looking record scores above 0: " + why);
            assertEquals("cortexlit-svm", why.get("model"));
            @SuppressWarnings("unchecked") List<String> words = (List<String>) why.get("words");
            assertTrue(words.stream().anyMatch(w -> w.contains("motor") || w.contains("sham") || w.contains("stimulation")
                    || w.contains("neuropathic") || w.contains("magnetic")), "the words that pushed it up: " + words);
            order.add(pmid);
            assertTrue(relevant(pmid), "screened " + order + ": a record the model should have ranked lower came first");
            decideByTruth(id, recordOf(id, pmid), ADMIN);
            found++;
        }
        // in import order the last relevant record would have been the 40th; here it was the 11th screened
        assertEquals(relevantTotal - 1, order.size());

        // the screening page shows the score and the words
        relevance.awaitCurrent(id, Duration.ofSeconds(30));
        given().get("/reviews/" + id + "/screen").then().statusCode(200)
                .body(containsString("id=\"relevance-score\"")).body(containsString("words that pushed it up"));

        // the recall curve and the stopping estimate, on the page and in the API
        ExtractableResponse<Response> recall = given().get("/api/reviews/" + id + "/recall").then().statusCode(200).extract();
        assertEquals(RECORDS, (int) recall.path("records"));
        assertEquals(relevantTotal + 1, (int) recall.path("screened"));
        assertEquals(relevantTotal, (int) recall.path("found"));
        assertEquals(0, (int) recall.path("screenedSinceLastInclude"));
        assertTrue(((String) recall.path("method")).contains("knee method"));
        assertTrue(((String) recall.path("reference")).contains("Cormack"));
        List<List<Integer>> curve = recall.path("curve");
        assertEquals(List.of(1, 0), curve.get(0), "the first decision was an exclude");
        assertEquals(List.of(2, 1), curve.get(1));
        assertEquals(List.of(relevantTotal + 1, relevantTotal), curve.get(curve.size() - 1));
        given().get("/reviews/" + id).then().statusCode(200)
                .body(containsString("most likely relevant first"))
                .body(containsString("<td id=\"recall-found\">" + relevantTotal + "</td>"))
                .body(containsString("id=\"recall-chart-img\"")).body(containsString("knee method"));
    }

    @Test
    void inImportOrderTheQueueIgnoresTheModel() {
        long id = create("Import order", "single");
        decideByTruth(id, recordOf(id, FIRST_PMID), ADMIN);
        decideByTruth(id, recordOf(id, FIRST_PMID + 3), ADMIN);
        Review r = QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(id));
        reviews.update(id, new ReviewForm(r.name, null, null, null, null, null, r.exclusionReasons, null, "single", "pain",
                "import"), ADMIN, null);
        given().get("/api/reviews/" + id).then().statusCode(200).body("order", org.hamcrest.Matchers.equalTo("import"));
        relevance.awaitCurrent(id, Duration.ofSeconds(30));
        ExtractableResponse<Response> n = next(id);
        assertEquals(Long.toString(FIRST_PMID + 1), n.path("article.pmid"), "the next in import order");
        assertNull(n.path("relevance"));
        // a bad order is refused with a message naming it
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"order\":\"random\"}").put("/api/reviews/" + id)
                .then().statusCode(400).body("error", containsString("not 'random'"));
    }

    @Test
    void aSkipMovesOnInRankedOrderAndTheSecondMemberStartsAtTheSecondBest() {
        long id = create("Skips", "single");
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        decideByTruth(id, recordOf(id, FIRST_PMID), ADMIN);
        decideByTruth(id, recordOf(id, FIRST_PMID + 3), ADMIN);
        RelevanceRanking.Snapshot s = relevance.awaitCurrent(id, Duration.ofSeconds(30)).orElseThrow();
        long best = s.undecided()[0];
        long second = s.undecided()[1];
        assertEquals(best, queue.next(id, ADMIN, queue.startFor(id, ADMIN)).orElseThrow().id);
        assertEquals(second, queue.next(id, ADMIN, best).orElseThrow().id, "after a skip, the next in ranked order");
        assertEquals(second, queue.next(id, REVIEWER, queue.startFor(id, REVIEWER)).orElseThrow().id,
                "the second member starts at the second best, not at the same record");
        // after the last ranked record, the queue wraps round to the best
        long last = s.undecided()[s.undecided().length - 1];
        assertEquals(best, queue.next(id, ADMIN, last).orElseThrow().id);
    }

    @Test
    void aBlindDualReviewLearnsOnlyFromRecordsBothReviewersDecided() {
        long id = create("Blind dual", "dual");
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long include = recordOf(id, FIRST_PMID + 3);
        long exclude = recordOf(id, FIRST_PMID);
        decideByTruth(id, include, ADMIN);
        decideByTruth(id, exclude, ADMIN);
        // the admin's pending decisions must not move the reviewer's queue: nothing to learn from yet
        assertEquals(Optional.empty(), relevance.awaitCurrent(id, Duration.ofSeconds(30)));
        assertFalse(queue.next(id, REVIEWER, 0).isEmpty());
        assertEquals(recordOf(id, FIRST_PMID), queue.next(id, REVIEWER, 0).orElseThrow().id, "import order for the reviewer");
        given().get("/api/reviews/" + id + "/recall").then().statusCode(200).body("screened", org.hamcrest.Matchers.equalTo(0));
        // once both decided both records, the model learns, and both reviewers get relevant-looking records first
        decideByTruth(id, include, REVIEWER);
        decideByTruth(id, exclude, REVIEWER);
        assertTrue(relevance.awaitCurrent(id, Duration.ofSeconds(30)).isPresent());
        assertTrue(relevant(pmidOf(queue.next(id, REVIEWER, 0).orElseThrow().id)));
        long adminNext = queue.next(id, ADMIN, 0).orElseThrow().id;
        assertTrue(relevant(pmidOf(adminNext)));
        // a record one reviewer decided is still served to the other, at its place in the ranking
        decideByTruth(id, adminNext, ADMIN);
        relevance.awaitCurrent(id, Duration.ofSeconds(30));
        assertEquals(adminNext, queue.next(id, REVIEWER, 0).orElseThrow().id,
                "the record the admin just decided is still the best one waiting for the reviewer");
        given().get("/api/reviews/" + id + "/recall").then().statusCode(200).body("screened", org.hamcrest.Matchers.equalTo(2));
    }
}
