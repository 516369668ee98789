package org.cortexlit.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.importing.EutilsReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two packaged nodes on one throwaway PostgreSQL, as a team runs them: what one node imports, tags or decides, the
 * other shows; a scheduled search runs once per due time across both; a session opened on one is good on the other.
 * Skipped, with the reason, where PostgreSQL's server binaries are missing (CI installs them).
 */
class TwoNodesIT {

    static Map<String, String> cluster = new HashMap<>();
    static PackagedApp a;
    static PackagedApp b;
    static EutilsReplayServer ncbi;

    @BeforeAll
    static void start() throws Exception {
        boolean binaries;
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            binaries = dirs.anyMatch(d -> Files.isExecutable(d.resolve("bin/initdb")));
        } catch (IOException e) {
            binaries = false;
        }
        assumeTrue(binaries, "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: the two-node test is skipped "
                + "(apt-get install postgresql)");
        Process p = new ProcessBuilder(".ci/postgres-cluster.sh", "start").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String exports = out.lines().filter(l -> l.startsWith("export ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no exports from .ci/postgres-cluster.sh: " + out));
        for (String part : exports.substring("export ".length()).trim().split("\\s+")) {
            String[] kv = part.split("=", 2);
            cluster.put(kv[0], kv[1]);
        }
        ncbi = new EutilsReplayServer();
        Map<String, String> eutils = ncbi.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_PROFILE", "postgres",
                "CORTEXLIT_DB_URL", cluster.get("PG_URL"),
                "CORTEXLIT_DB_USERNAME", cluster.get("PG_USER"),
                "CORTEXLIT_DB_PASSWORD", cluster.get("PG_PASSWORD"),
                "CORTEXLIT_ADMIN_PASSWORD", "two-nodes-admin",
                "CORTEXLIT_SEARCHES_CHECK_EVERY", "1s",
                "CORTEXLIT_SEARCHES_MIN_INTERVAL", "10s",
                "CORTEXLIT_EUTILS_BASE_URL", eutils.get("cortexlit.eutils.base-url"),
                "CORTEXLIT_EUTILS_EMAIL", "reviewers@example.org",
                "CORTEXLIT_EUTILS_PAGE_SIZE", "2"));
        Map<String, String> envA = new HashMap<>(env);
        envA.put("CORTEXLIT_NODE_NAME", "node-a");
        envA.put("CORTEXLIT_DATA_DIR", Files.createTempDirectory("cortexlit-node-a").toString());
        Map<String, String> envB = new HashMap<>(env);
        envB.put("CORTEXLIT_NODE_NAME", "node-b");
        envB.put("CORTEXLIT_DATA_DIR", Files.createTempDirectory("cortexlit-node-b").toString());
        a = new PackagedApp("node-a", envA).start(Duration.ofSeconds(120)); // migrates the empty database first
        b = new PackagedApp("node-b", envB).start(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (ncbi != null) {
            ncbi.stop();
        }
        if (cluster.containsKey("PG_DIR")) {
            new ProcessBuilder(".ci/postgres-cluster.sh", "stop", cluster.get("PG_DIR")).inheritIO().start().waitFor();
        }
    }

    private static RequestSpecification on(PackagedApp node) {
        return RestAssured.given().baseUri(node.baseUrl()).auth().preemptive().basic("admin", "two-nodes-admin");
    }

    private static int total(PackagedApp node, String q) {
        return on(node).queryParam("q", q).get("/api/search").then().statusCode(200).extract().path("total");
    }

    @Test
    void bothNodesAreReady() {
        for (PackagedApp node : List.of(a, b)) {
            RestAssured.given().baseUri(node.baseUrl()).get("/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void anUploadToOneNodeIsFoundOnTheOtherWithinTenSecondsAndSoAreTagsAndWithdrawals() throws Exception {
        byte[] trials = Files.readAllBytes(Path.of("src/test/resources/fixtures/import/trials.xml"));
        Instant uploaded = Instant.now();
        on(a).multiPart("file", "trials.xml", trials, "text/xml").post("/api/imports?wait=60s").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> total(b, "90000001[pmid]") == 1);
        System.out.printf("two nodes: an upload to A was found on B after %d ms%n", Duration.between(uploaded, Instant.now()).toMillis());

        long review = on(b).contentType("application/json").body(Map.of("name", "Two nodes", "mode", "single"))
                .post("/api/reviews").then().statusCode(201).extract().jsonPath().getLong("id");
        on(b).contentType("application/json").body(Map.of("pmids", List.of("90000001")))
                .post("/api/reviews/" + review + "/records").then().statusCode(200);
        on(b).contentType("application/json").body(Map.of("design", "controlled"))
                .put("/api/reviews/" + review + "/records/90000001/tags").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> total(a, "controlled[design]") == 1);

        byte[] delete = Files.readAllBytes(Path.of("src/test/resources/fixtures/import/delete.xml"));
        on(b).multiPart("file", "delete.xml", delete, "text/xml").post("/api/imports?wait=60s").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> total(a, "90000002[pmid]") == 0);
    }

    @Test
    void aDecisionMadeOnOneNodeShowsInTheOthersProgress() {
        on(a).multiPart("file", "trials.nbib", readFixture("trials.nbib"), "text/plain").post("/api/imports?wait=60s")
                .then().statusCode(201);
        long review = on(a).contentType("application/json").body(Map.of("name", "Progress on two nodes", "mode", "single"))
                .post("/api/reviews").then().statusCode(201).extract().jsonPath().getLong("id");
        on(a).contentType("application/json").body(Map.of("pmids", List.of("90000031", "90000032")))
                .post("/api/reviews/" + review + "/records").then().statusCode(200);
        on(b).contentType("application/json").body(Map.of("verdict", "INCLUDE"))
                .put("/api/reviews/" + review + "/records/90000032/decision").then().statusCode(200);
        JsonPath progress = on(a).get("/api/reviews/" + review + "/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(1, progress.getInt("screened"));
        assertEquals(1, progress.getInt("included"));
    }

    @Test
    void aSessionOpenedOnOneNodeIsGoodOnTheOther() {
        String cookie = RestAssured.given().baseUri(a.baseUrl()).redirects().follow(false)
                .formParam("j_username", "admin").formParam("j_password", "two-nodes-admin").post("/j_security_check")
                .then().statusCode(302).extract().cookie("cortexlit-session");
        RestAssured.given().baseUri(b.baseUrl()).cookie("cortexlit-session", cookie).redirects().follow(false)
                .get("/reviews").then().statusCode(200);
    }

    @Test
    void aSearchDueEveryFifteenSecondsRunsOncePerTickAcrossBothNodes() throws Exception {
        long id = on(a).contentType("application/json").body(Map.of("name", "every 15 s", "query", "rTMS",
                "schedule", "*/15 * * ? * *")).post("/api/searches").then().statusCode(201).extract().jsonPath().getLong("id");
        Thread.sleep(Duration.ofSeconds(47).toMillis()); // three ticks at least
        on(a).delete("/api/searches/" + id);
        List<String> started = on(b).get("/api/imports?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.savedSearchId == " + id + " && it.trigger == 'SCHEDULE' }.startedAt");
        assertTrue(started.size() >= 2 && started.size() <= 4, "one run per 15-second tick over 47 s: " + started);
        List<Long> ticks = started.stream().map(s -> Instant.parse(s).getEpochSecond() / 15).toList();
        assertEquals(ticks.stream().distinct().count(), ticks.size(), "never two runs for one tick: " + started);
    }

    @Test
    void aNodeRestartedAfterTheOtherImportedCatchesUpWithoutRebuilding() throws Exception {
        b.stop(Duration.ofSeconds(40));
        Path file = Files.createTempFile("while-b-was-down", ".xml");
        new CorpusGenerator(33).writePubmedXml(file, 300, 41_000_000L, false);
        on(a).multiPart("file", file.toFile()).post("/api/imports?wait=120s").then().statusCode(201);
        Path log = Path.of("target/it-logs/node-b.log");
        long before = Files.size(log);
        b.start(Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> total(b, "41000150[pmid]") == 1 && total(b, "41000299[pmid]") == 1);
        String since = Files.readString(log).substring((int) before);
        assertTrue(!since.contains("Rebuilding the search index"), "B followed the change log instead of rebuilding");
    }

    private static byte[] readFixture(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/fixtures/import/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
