package org.cortexlit.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.cortexlit.library.Article;
import org.cortexlit.prioritise.LabelledCsv;
import org.cortexlit.prioritise.LabelledSet;
import org.cortexlit.prioritise.Prioritisers;
import org.cortexlit.prioritise.Simulation;
import org.cortexlit.prioritise.SimulationResult;
import org.cortexlit.screening.RelevanceRanking;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.ScreeningDecision;
import org.cortexlit.screening.ScreeningModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** POST /api/simulations and GET /api/simulations/{id}: the screening queue's model over an uploaded labelled file. */
@QuarkusTest
class SimulationsApiTest {

    static final String FIXTURE = "rtms-pain-labelled.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScreeningModel screeningModel;

    @Inject
    Simulations simulations;

    @Inject
    RelevanceRanking ranking;

    static byte[] fixture(String name) {
        try (InputStream in = Objects.requireNonNull(SimulationsApiTest.class.getResourceAsStream("/simulate/" + name),
                "no fixture " + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** What the pure model gives on the same file and seed, without HTTP, the database or CDI. */
    static SimulationResult direct(byte[] csv, String name, long seed) throws IOException {
        try (Reader in = new InputStreamReader(new java.io.ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            LabelledSet set = LabelledCsv.read(in, name, name.replace(".csv", ""));
            return new Simulation(Prioritisers.standard()).run(set, seed);
        }
    }

    private static Response post(String name, byte[] bytes, Object seed, Object wait) {
        var request = given().multiPart("file", name, bytes, "text/csv");
        if (seed != null) {
            request.queryParam("seed", seed);
        }
        if (wait != null) {
            request.queryParam("wait", wait);
        }
        return request.post("/api/simulations");
    }

    /** The result's fields as the model gives them, exactly (doubles read as doubles, not floats). */
    private static void assertSameResult(SimulationResult expected, JsonNode json) {
        assertEquals("SUCCEEDED", json.get("status").asText());
        assertEquals(expected.records(), json.get("records").asInt());
        assertEquals(expected.relevant(), json.get("relevant").asInt());
        assertEquals(expected.seed(), json.get("seed").asLong());
        assertEquals(expected.model(), json.get("model").asText());
        assertEquals(expected.screenedAt95(), json.get("screenedAt95").asInt());
        assertEquals(expected.wss95(), json.get("wss95").asDouble());
        assertEquals(expected.wss100(), json.get("wss100").asDouble());
        assertEquals(expected.rrf10(), json.get("rrf10").asDouble());
        JsonNode curve = json.get("curve");
        assertEquals(expected.curve().size(), curve.size());
        for (int i = 0; i < curve.size(); i++) {
            assertEquals(expected.curve().get(i)[0], curve.get(i).get(0).asInt(), "screened at point " + i);
            assertEquals(expected.curve().get(i)[1], curve.get(i).get(1).asInt(), "found at point " + i);
        }
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aSmallFileAnswers201WithTheSameFiguresAsTheQueuesModel() throws IOException {
        byte[] csv = fixture(FIXTURE);
        SimulationResult expected = direct(csv, FIXTURE, 7);

        Response r = post(FIXTURE, csv, 7, null);

        r.then().statusCode(201).header("Location", equalTo("/api/simulations/" + r.jsonPath().getLong("id")));
        JsonNode json = JSON.readTree(r.asString());
        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(List.of("id", "status", "dataset", "records", "relevant", "seed", "model",
                "screenedAt95", "wss95", "wss100", "rrf10", "curve")), fields, "the contract's fields, no error");
        assertEquals(60, expected.records());
        assertEquals(8, expected.relevant());
        assertEquals("rtms-pain-labelled", json.get("dataset").asText());
        assertSameResult(expected, json);

        // and GET gives the same, the curve read back from the database whole
        assertSameResult(expected, JSON.readTree(given().get("/api/simulations/" + json.get("id").asLong())
                .then().statusCode(200).extract().asString()));
    }

    @Test
    void theSimulationsRunTheQueuesModelBean() {
        assertSame(screeningModel.prioritiser(), simulations.model().prioritiser(), "one model, one place");
        assertSame(ranking.prioritiser(), simulations.model().prioritiser(), "the queue ranks with what simulations run");
        assertSame(screeningModel.prioritiser(), screeningModel.prioritiser(), "built once");
        assertEquals("cortexlit-svm", screeningModel.prioritiser().name());
        assertEquals(Prioritisers.standard().name(), screeningModel.name());
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void withoutASeedTheSeedIsOne() throws IOException {
        byte[] csv = fixture(FIXTURE);

        JsonNode json = JSON.readTree(post(FIXTURE, csv, null, null).then().statusCode(201).extract().asString());

        assertEquals(1, json.get("seed").asLong());
        assertSameResult(direct(csv, FIXTURE, 1), json);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void waitZeroAnswers202WithTheLocationToFollow() throws IOException {
        byte[] csv = fixture(FIXTURE);

        Response r = post(FIXTURE, csv, 3, 0);

        r.then().statusCode(202).body("status", equalTo("RUNNING"))
                .body("records", equalTo(60)).body("relevant", equalTo(8)).body("seed", equalTo(3))
                .body("model", equalTo("cortexlit-svm"))
                .body("wss95", nullValue()).body("screenedAt95", nullValue()).body("curve", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("error")));
        String location = r.header("Location");
        assertEquals("/api/simulations/" + r.jsonPath().getLong("id"), location);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"RUNNING".equals(given().get(location).then().statusCode(200).extract().path("status")));
        assertSameResult(direct(csv, FIXTURE, 3), JSON.readTree(given().get(location).asString()));
        given().get("/api/simulations").then().statusCode(200)
                .body("id", hasItem(r.jsonPath().getInt("id")))
                .body("find { it.id == " + r.jsonPath().getInt("id") + " }.curve", nullValue())
                .body("find { it.id == " + r.jsonPath().getInt("id") + " }.wss95", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aBadLabelIs400NamingTheFileAndLineAndStoresNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> SimulationRun.count());

        post("bad-label.csv", fixture("bad-label.csv"), null, null).then().statusCode(400)
                .body("error", equalTo("bad-label.csv, line 4: label_included is 'yes'; every record needs 0 "
                        + "(irrelevant) or 1 (relevant)."));

        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> SimulationRun.count()));
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aFileWithoutRelevantRecordsIs400SayingWhy() {
        post("no-relevant.csv", fixture("no-relevant.csv"), null, null).then().statusCode(400)
                .body("error", containsString("0 relevant and 2 irrelevant"))
                .body("error", containsString("at least one of each"));
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aSeedThatIsNotANumberIs400() {
        post(FIXTURE, fixture(FIXTURE), "abc", null).then().statusCode(400)
                .body("error", containsString("seed must be a whole number"));
        post(FIXTURE, fixture(FIXTURE), "99999999999999999999", null).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void withoutTheFileFieldIs400() {
        given().multiPart("data", "x.csv", fixture(FIXTURE), "text/csv").post("/api/simulations").then()
                .statusCode(400).body("error", containsString("field named 'file'"));
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aFileOverTheRecordLimitIs413() {
        StringBuilder csv = new StringBuilder("title,label_included\nrTMS for neuropathic pain,1\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("t").append(i).append(",0\n");
        }
        post("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, null).then().statusCode(413)
                .body("error", equalTo("many.csv holds 20001 records; the limit is 20000 (setting "
                        + "cortexlit.simulations.max-records)."));
    }

    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aFileOverTheSizeLimitIs413() {
        StringBuilder csv = new StringBuilder("title,abstract,label_included\n");
        String row = "\"" + "rTMS of the motor cortex for neuropathic pain ".repeat(20) + "\",\"x\",0\n";
        while (csv.length() < 21 * 1024 * 1024) {
            csv.append(row);
        }
        post("huge.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, null).then().statusCode(413)
                .body("error", containsString("cortexlit.simulations.max-upload-size"));
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void anUnknownIdIs404NamingIt() {
        given().get("/api/simulations/987654321").then().statusCode(404)
                .body("error", equalTo("No simulation with id 987654321."));
    }

    @Test
    void withoutAnAccountIs401() {
        given().get("/api/simulations").then().statusCode(401);
        post(FIXTURE, fixture(FIXTURE), null, null).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void aReaderMayNotSimulate() {
        post(FIXTURE, fixture(FIXTURE), null, null).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aSimulationLeavesTheCorpusAndTheReviewsAlone() {
        long[] before = counts();

        post(FIXTURE, fixture(FIXTURE), 5, null).then().statusCode(201);

        long[] after = counts();
        assertEquals(before[0], after[0], "articles");
        assertEquals(before[1], after[1], "reviews");
        assertEquals(before[2], after[2], "review records");
        assertEquals(before[3], after[3], "decisions");
    }

    private static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[]{Article.count(), Review.count(),
                ReviewRecord.count(), ScreeningDecision.count()});
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "reviewer")
    void aRealLabelledSetGivesTheBenchmarksFigures() throws IOException {
        Path file = Path.of("../shared/corpus/asreview/labelled/Triptans.csv");
        assumeTrue(Files.isRegularFile(file), file + " is absent: real-corpus test skipped");
        byte[] csv = Files.readAllBytes(file);

        Response r = post("Triptans.csv", csv, 1, null);

        r.then().statusCode(201);
        JsonNode json = JSON.readTree(r.asString());
        assertSameResult(direct(csv, "Triptans.csv", 1), json);
        assertEquals(671, json.get("records").asInt());
        assertFalse(json.get("wss95").isNull());
        assertNotNull(json.get("dataset"));
    }
}
