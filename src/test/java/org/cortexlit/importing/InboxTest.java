package org.cortexlit.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox folder (scanned every second in tests): good files, bad files, half-written files, name order. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class InboxTest {

    @Inject
    SearchIndex index;
    @Inject
    Inbox inbox;

    Path dir;

    @BeforeEach
    void clean() throws IOException {
        dir = inbox.dir();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        TestCorpus.reset(index);
    }

    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    private List<String> runs() {
        return given().get("/api/imports").then().extract().jsonPath().getList("findAll { it.trigger == 'INBOX' }.status");
    }

    @Test
    void aGoodFileIsImportedAndMovedToProcessed() throws Exception {
        Files.write(dir.resolve("trials.xml"), TestCorpus.fixture("trials.xml"));
        await(() -> Files.exists(dir.resolve("processed/trials.xml")), "the file reaches processed/");
        await(() -> runs().contains("SUCCEEDED"), "the run is finished");
        given().get("/api/imports").then().body("[0].trigger", equalTo("INBOX")).body("[0].created", equalTo(3))
                .body("[0].source", equalTo("inbox: trials.xml"));
        assertFalse(Files.exists(dir.resolve("trials.xml")));
    }

    @Test
    void aBadFileLandsInFailedWithItsReason() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "These are not records, just notes.\n");
        await(() -> Files.exists(dir.resolve("failed/notes.txt.error.txt")), "the error report is written");
        String report = Files.readString(dir.resolve("failed/notes.txt.error.txt"));
        assertTrue(report.contains("FAILED") && report.contains("not a PubMed XML"), report);
        assertTrue(Files.exists(dir.resolve("failed/notes.txt")));
    }

    @Test
    void aFileStillBeingWrittenIsNotImportedHalfDone() throws Exception {
        byte[] whole = TestCorpus.fixture("trials.xml");
        Path file = dir.resolve("slow.xml");
        int half = whole.length / 2;
        Files.write(file, Arrays.copyOf(whole, half));
        // keep writing for 3 seconds, longer than the settle time and several scans
        for (int i = 0; i < 10; i++) {
            Thread.sleep(300);
            Files.writeString(file, " ", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertTrue(runs().isEmpty(), "nothing imported while the file grows");
        }
        Files.write(file, whole); // the copy completes
        await(() -> Files.exists(dir.resolve("processed/slow.xml")), "the finished file is imported");
        await(() -> runs().contains("SUCCEEDED"), "its run is finished");
        assertEquals(List.of("SUCCEEDED"), runs());
        given().get("/api/imports").then().body("[0].created", equalTo(3));
    }

    @Test
    void aFileDatedInTheFutureHoldsUpNeitherItselfNorTheFilesAfterIt() throws Exception {
        Path future = dir.resolve("a-future.xml");
        Files.write(future, TestCorpus.fixture("trials.xml"));
        Files.setLastModifiedTime(future, FileTime.from(Instant.now().plus(Duration.ofDays(365))));
        Files.write(dir.resolve("b-today.nbib"), TestCorpus.fixture("trials.nbib"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(dir.resolve("processed/a-future.xml")) && Files.exists(dir.resolve("processed/b-today.nbib")));
    }

    @Test
    void aLinkIsMovedToFailedUnreadAndWhatItPointsToIsNeverShown() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "root:x:0:0:the secret line:/root:/bin/bash\n");
        Files.createSymbolicLink(dir.resolve("passwd.xml"), secret);
        Files.write(dir.resolve("trials.xml"), TestCorpus.fixture("trials.xml"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(dir.resolve("failed/passwd.xml.error.txt")) && Files.exists(dir.resolve("processed/trials.xml")));
        assertTrue(Files.isSymbolicLink(dir.resolve("failed/passwd.xml")), "the link itself is moved, not what it points to");
        String note = Files.readString(dir.resolve("failed/passwd.xml.error.txt"));
        assertTrue(note.contains("not a regular file"), note);
        assertFalse(note.contains("secret line"));
        String everyRun = given().get("/api/imports").then().extract().asString();
        assertFalse(everyRun.contains("secret line") || everyRun.contains("passwd"), everyRun);
        Files.delete(secret);
    }

    @Test
    void aNameWithALineBreakIsShownOnOneLine() throws Exception {
        Files.write(dir.resolve("two\nlines.xml"), TestCorpus.fixture("trials.xml"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runs().contains("SUCCEEDED"));
        given().get("/api/imports").then().body("[0].fileName", equalTo("two?lines.xml"));
    }

    @Test
    void aFileLeftHalfImportedIsTriedOnceMoreThenFailedForGood() throws Exception {
        Path working = Files.createDirectories(dir.resolve(".importing"));
        Files.write(working.resolve("crashy.xml"), TestCorpus.fixture("trials.xml"));
        inbox.recover(dir, working); // as at a start after a crash
        assertTrue(Files.exists(dir.resolve("crashy.xml")), "back in the queue once");
        assertTrue(Files.exists(working.resolve("crashy.xml" + Inbox.RETRIED)));
        // it crashes the application again: at the next start it is not tried a third time
        Files.move(dir.resolve("crashy.xml"), working.resolve("crashy.xml"));
        inbox.recover(dir, working);
        assertTrue(Files.exists(dir.resolve("failed/crashy.xml")));
        assertTrue(Files.readString(dir.resolve("failed/crashy.xml.error.txt")).contains("twice"));
        assertFalse(Files.exists(working.resolve("crashy.xml" + Inbox.RETRIED)));
    }

    @Test
    void updateFilesApplyInNameOrderSoLaterVersionsWin() throws Exception {
        // dropped together: 0002 (the revision) must be applied after 0001 (the original)
        Files.write(dir.resolve("pubmed26n0002.xml"), TestCorpus.fixture("trials-revised.xml"));
        Files.write(dir.resolve("pubmed26n0001.xml"), TestCorpus.fixture("trials.xml"));
        Files.write(dir.resolve("pubmed26n0003.xml"), TestCorpus.fixture("delete.xml"));
        await(() -> Files.exists(dir.resolve("processed/pubmed26n0003.xml")), "all three are processed");
        await(() -> runs().size() == 3 && !runs().contains("RUNNING"), "all three runs are finished");
        given().get("/api/pubmed/90000001").then().body("title", containsString("(corrected)"));
        given().get("/api/pubmed/90000002").then().body("withdrawn", equalTo(true));
        given().get("/api/imports").then()
                .body("findAll { it.trigger == 'INBOX' }.fileName", Matchers.contains(
                        "pubmed26n0003.xml", "pubmed26n0002.xml", "pubmed26n0001.xml"));
    }
}
