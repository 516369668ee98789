package org.cortexlit.digest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.accounts.User;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weekly digest end to end: a review's new records reach its members by mail once, and only once. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class DigestTest {

    static final Actor ADMIN = new Actor("admin", true, true);
    static final String REVIEWER_MAIL = "reviewer@example.org";
    static final String TRIAL = "High-frequency rTMS of the primary motor cortex for central post-stroke pain";
    static final String CASES = "Epidural motor cortex stimulation for neuropathic facial pain: an open-label case series.";
    static final String META = "Dorsolateral prefrontal cortex stimulation in fibromyalgia";

    @Inject
    org.cortexlit.database.JobClaims claims;
    @Inject
    SearchIndex index;
    @Inject
    org.cortexlit.screening.Decisions decisions;
    @Inject
    org.cortexlit.screening.ReviewMembers members;
    @Inject
    org.cortexlit.screening.ReviewRecords reviewRecords;
    @Inject
    org.cortexlit.screening.Reviews reviews;
    @Inject
    org.cortexlit.screening.ScreeningQueue queue;
    @Inject
    MockMailbox mailbox;
    @Inject
    Digests digests;
    @Inject
    Scheduler scheduler;
    @Inject
    ImportRunner runner;

    long review;

    @BeforeEach
    void aReviewWithTwoOfTheThreeTrialsAndTheReviewerAsMember() throws Exception {
        TestCorpus.reset(index);
        mailbox.clear();
        setEmail("admin", null);
        setEmail("reviewer", REVIEWER_MAIL);
        // through the import thread itself, so the test acting as a reader can still set up its corpus
        Path file = Files.createTempFile("digest-", ".xml");
        Files.write(file, TestCorpus.fixture("trials.xml"));
        assertTrue(runner.submit(file, "trials.xml", ImportRun.Trigger.UPLOAD).await(Duration.ofSeconds(60)));
        Files.deleteIfExists(file);
        // the name holds HTML's special characters: the HTML part must escape them, the text part keep them
        review = reviews.create(new ReviewForm("MCS & rTMS <pilot>", null, null, null, null, null, null, null,
                "single", "90000001[pmid] OR 90000002[pmid]"), ADMIN).id;
        members.addMember(review, "reviewer", "REVIEWER", ADMIN);
    }

    @AfterEach
    void accountsAsTheyWere() {
        // accounts survive TestCorpus.reset; leave no address behind for other tests
        setEmail("reviewer", null);
        setEmail("admin", null);
    }

    private static void setEmail(String user, String email) {
        QuarkusTransaction.requiringNew().run(() -> User.setEmail(user, email));
    }

    @Test
    void eachMemberWithAnAddressGetsTheNewRecordsOnceWithTitlesAndLinks() {
        given().post("/api/admin/digest").then().statusCode(200)
                .body("sent.size()", is(1))
                .body("sent[0].user", is("reviewer"))
                .body("sent[0].review", is((int) review))
                .body("sent[0].newRecords", is(2))
                .body("sent[0].waiting", is(2))
                .body("skipped.user", hasItem("admin"));

        List<Mail> mails = mailbox.getMailsSentTo(REVIEWER_MAIL);
        assertEquals(1, mails.size());
        assertEquals(1, mailbox.getTotalMessagesSent(), "nobody else was mailed");
        Mail mail = mails.get(0);
        assertEquals("CortexLit: 2 new records to screen in MCS & rTMS <pilot>", mail.getSubject());
        String text = mail.getText();
        assertTrue(text.contains("Hello reviewer"), text);
        assertTrue(text.contains(TRIAL), text);
        assertTrue(text.contains(CASES), text);
        assertFalse(text.contains(META), "not in the review's queue: " + text);
        assertTrue(text.contains("http://localhost:8080/articles/90000001"), text);
        assertTrue(text.contains("http://localhost:8080/articles/90000002"), text);
        assertTrue(text.contains("http://localhost:8080/reviews/" + review + "/screen"), text);
        assertTrue(text.contains("MCS & rTMS <pilot>"), "plain text is not escaped: " + text);
        String html = mail.getHtml();
        assertNotNull(html, "an HTML part too");
        assertTrue(html.contains("<a href=\"http://localhost:8080/articles/90000001\">" + TRIAL), html);
        assertTrue(html.contains("<a href=\"http://localhost:8080/reviews/" + review + "/screen\">"), html);
        assertTrue(html.contains("MCS &amp; rTMS &lt;pilot&gt;"), "HTML is escaped: " + html);

        // A second run finds nothing new: no mail, nothing reported as sent.
        mailbox.clear();
        given().post("/api/admin/digest").then().statusCode(200).body("sent", empty());
        assertEquals(0, mailbox.getTotalMessagesSent());

        // A record added afterwards is the only news of the next one; the queue count still has all three.
        reviewRecords.addByPmid(review, "90000003", ADMIN);
        given().post("/api/admin/digest").then().statusCode(200)
                .body("sent.size()", is(1)).body("sent[0].newRecords", is(1)).body("sent[0].waiting", is(3));
        String next = mailbox.getMailsSentTo(REVIEWER_MAIL).get(0).getText();
        assertTrue(next.contains(META), next);
        assertFalse(next.contains(TRIAL), "already in the last digest: " + next);
        assertTrue(next.contains("1 new record in your queue"), next);
    }

    @Test
    void aMemberWithoutAnAddressIsReportedAsSkippedAndHearsEverythingOnceTheyHaveOne() {
        setEmail("reviewer", null);
        given().post("/api/admin/digest").then().statusCode(200)
                .body("sent", empty())
                .body("skipped.user", hasItem("reviewer"))
                .body("skipped.find { it.user == 'reviewer' }.reason", is("no e-mail address"))
                .body("skipped.find { it.user == 'reviewer' }.newRecords", is(2))
                .body("skipped.find { it.user == 'admin' }.reason", is("no e-mail address"));
        assertEquals(0, mailbox.getTotalMessagesSent());

        // Skipping does not count as telling: with an address, the same two records come in the next digest.
        setEmail("reviewer", REVIEWER_MAIL);
        given().post("/api/admin/digest").then().statusCode(200)
                .body("sent[0].user", is("reviewer")).body("sent[0].newRecords", is(2));
        assertEquals(1, mailbox.getMailsSentTo(REVIEWER_MAIL).size());
    }

    @Test
    void recordsTheMemberHasAlreadyScreenedAreNotNews() {
        Actor reviewer = new Actor("reviewer", false, true);
        long first = queue.next(review, reviewer, 0).orElseThrow().id;
        decisions.decide(review, first, reviewer, "include", null, null);

        given().post("/api/admin/digest").then().statusCode(200)
                .body("sent[0].newRecords", is(1)).body("sent[0].waiting", is(1));
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void aReaderCannotSendTheDigest() {
        given().post("/api/admin/digest").then().statusCode(403);
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void withTheDigestOffTheScheduleSendsNothingButKeepsTheNewsForLater() {
        Trigger job = scheduler.getScheduledJob("weekly-digest");
        assertNotNull(job, "the digest is scheduled");
        ZonedDateTime next = job.getNextFireTime().atZone(ZoneId.systemDefault());
        assertEquals(DayOfWeek.MONDAY, next.getDayOfWeek(), "by default on Mondays: " + next);
        assertEquals(7, next.getHour());
        assertEquals(0, next.getMinute());

        digests.scheduled(firedAt(java.time.Instant.now())); // as the scheduler calls it; cortexlit.digest.enabled is false by default
        assertEquals(0, mailbox.getTotalMessagesSent());

        given().post("/api/admin/digest").then().statusCode(200).body("sent[0].newRecords", is(2));
        assertEquals(1, mailbox.getTotalMessagesSent());
    }

    /** What the scheduler hands a job when it fires at {@code at}. */
    static io.quarkus.scheduler.ScheduledExecution firedAt(java.time.Instant at) {
        return new io.quarkus.scheduler.ScheduledExecution() {
            @Override
            public Trigger getTrigger() {
                return null;
            }

            @Override
            public java.time.Instant getFireTime() {
                return at;
            }

            @Override
            public java.time.Instant getScheduledFireTime() {
                return at;
            }
        };
    }

    @Test
    void aDueTimeIsClaimedByOneNodeOnly() {
        java.time.Instant due = java.time.Instant.parse("2031-03-03T07:00:00.250Z");
        assertEquals(true, claims.claim("weekly-digest", due), "the first node to come claims it");
        assertEquals(false, claims.claim("weekly-digest", due.plusMillis(400)), "the same due second: taken");
        assertEquals(true, claims.claim("weekly-digest", due.plus(java.time.Duration.ofDays(7))), "next week's is free");
    }

    @Test
    void anAdminGivesAndRemovesAnAddressOnTheUsersPage() {
        String name = "mailme" + System.nanoTime() % 100000;
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf())
                .formParam("username", name).formParam("password", "long-enough-1").formParam("role", "reviewer")
                .formParam("email", "first@example.org")
                .post("/users").then().statusCode(303).header("Location", containsString("notice="));
        assertEquals("first@example.org", email(name));
        given().get("/users").then().statusCode(200).body(containsString("value=\"first@example.org\""))
                .body(containsString("action=\"/users/" + name + "/email\""));

        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("email", " second@example.org ")
                .post("/users/" + name + "/email").then().statusCode(303).header("Location", containsString("notice="));
        assertEquals("second@example.org", email(name));

        // Not an address: a message, and the old one stays. A line break could forge mail headers.
        for (String bad : List.of("not-an-address", "a@b", "x@example.org\r\nBcc: all@example.org")) {
            given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("email", bad)
                    .post("/users/" + name + "/email").then().statusCode(303).header("Location", containsString("error="));
            assertEquals("second@example.org", email(name), bad);
        }
        // Without the CSRF token nothing changes.
        given().redirects().follow(false).formParam("email", "evil@example.org")
                .post("/users/" + name + "/email").then().statusCode(403);
        assertEquals("second@example.org", email(name));

        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("email", "")
                .post("/users/" + name + "/email").then().statusCode(303);
        assertNull(email(name), "a blank address removes it");
    }

    private static String email(String user) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(user).orElseThrow().email);
    }
}
