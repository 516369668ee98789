package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.accounts.RealSecurityProfile;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningQueue;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dual screening in a real browser, under the production sign-in rules: a reviewer signs in through the form, screens
 * three records of a blind dual review with the keyboard; the lead signs in, sees progress and kappa change,
 * and resolves a conflict. Screenshots: target/screenshots/dual-*.png.
 */
@QuarkusTest
@TestProfile(RealSecurityProfile.class)
class ScreeningBrowserTest extends ChromiumTest {

    @Inject
    SearchIndex index;
    @Inject
    ImportRunner runner;
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

    @Test
    void aReviewerScreensWithTheKeyboardAndTheLeadResolvesAConflict() throws Exception {
        TestCorpus.reset(index);
        Path file = Files.createTempFile("trials", ".xml");
        Files.write(file, TestCorpus.fixture("trials.xml"));
        assertTrue(runner.submit(file, "trials.xml", ImportRun.Trigger.UPLOAD).await(Duration.ofSeconds(60)));
        Actor admin = new Actor("admin", true, true);
        long id = reviews.create(new ReviewForm("Dual in the browser", "Does M1 stimulation relieve chronic pain?", null,
                null, "rTMS, sham, motor cortex", "case series, open-label", null, null, "dual", null), admin).id;
        reviewRecords.addByPmid(id, "90000001 90000002 90000003", admin);
        members.addMember(id, "reviewer", "reviewer", admin);
        long[] records = new long[3];
        String[] adminSays = {"include", "include", "exclude"};
        for (int i = 0; i < 3; i++) {
            records[i] = queue.next(id, admin, 0).orElseThrow().id;
            decisions.decide(id, records[i], admin, adminSays[i], "1", null);
        }
        Files.createDirectories(SHOTS);

        try (BrowserContext leadContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
             BrowserContext reviewerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page lead = leadContext.newPage();
            signIn(lead, "reviews/" + id, "admin");
            assertEquals("0 / 0", lead.textContent("#count-conflicts").trim());
            assertEquals(0, lead.locator("#agreement").count(), "no kappa before anyone else screened");

            Page reviewer = reviewerContext.newPage();
            signIn(reviewer, "reviews/" + id + "/screen", "reviewer");
            assertFalse(reviewer.textContent("#screen").contains("admin:"), "blind: the lead's decision is not shown");
            reviewer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dual-reviewer.png")).setFullPage(true));
            for (String key : new String[]{"i", "1", "i"}) {
                String before = reviewer.getAttribute(".screen-record", "data-record");
                reviewer.keyboard().press(key);
                reviewer.waitForFunction("r => !document.querySelector('.screen-record') || "
                        + "document.querySelector('.screen-record').dataset.record !== r", before);
            }
            reviewer.waitForSelector("#done");
            reviewer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dual-reviewer-done.png")).setFullPage(true));

            lead.reload();
            assertEquals("2 / 0", lead.textContent("#count-conflicts").trim());
            assertEquals("-0.50", lead.textContent("#agreement .kappa").trim(), "kappa of (in,in), (in,out), (out,in)");
            assertEquals("1", lead.textContent("#count-included").trim());
            assertEquals("2", lead.textContent("#by-reviewer tbody tr:nth-child(2) .n-include").trim(), "reviewer included two");
            assertEquals("1", lead.textContent("#by-reviewer tbody tr:nth-child(1) .n-exclude").trim(), "admin excluded one");
            lead.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dual-progress.png")).setFullPage(true));

            lead.click("text=Conflicts (2)");
            lead.waitForSelector("#records");
            lead.click("#records tbody tr:first-child td:first-child a");
            lead.waitForSelector("#decisions");
            assertTrue(lead.textContent("#decisions").contains("reviewer: exclude"), "after both decided, both are shown");
            lead.selectOption("#decision", "include");
            lead.fill("input[name=note]", "the lead includes it for full text");
            lead.click("form.upload button[type=submit]");
            lead.waitForSelector("#resolution");
            assertTrue(lead.textContent("#resolution").contains("Resolved by admin"));

            lead.navigate(url("reviews/" + id));
            assertEquals("1 / 1", lead.textContent("#count-conflicts").trim());
            assertEquals("2", lead.textContent("#count-included").trim());
            lead.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dual-resolved.png")).setFullPage(true));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
