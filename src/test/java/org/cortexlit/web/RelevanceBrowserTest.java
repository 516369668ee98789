package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.RelevanceQueueTest;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer screens a review in "most likely relevant first" order with the keyboard: once an include and an exclude
 * are in, the page shows each record's relevance score and the words that pushed it up, the relevant records come
 * first, and the review's page draws the recall curve with the stopping estimate. Screenshots:
 * target/screenshots/relevance-*.png.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class RelevanceBrowserTest extends ChromiumTest {

    static final Actor ADMIN = new Actor("admin", true, true);

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;

    long review;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        TestCorpus.upload("relevance.nbib", RelevanceQueueTest.medline()).statusCode(201);
        review = reviews.create(new ReviewForm("Ranked screening", null, null, null, null, null, null, null, "single",
                "pain", "relevance"), ADMIN).id;
    }

    @Test
    void screeningInRelevanceOrderShowsWhyAndTheReviewPageDrawsTheRecallCurve() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("reviews/" + review + "/screen"));
            page.waitForSelector("#decide");
            assertTrue(page.textContent("#relevance").contains("In import order until"), "nothing to learn from yet");
            List<Boolean> screened = new ArrayList<>();
            int ranked = 0;
            // screen until every relevant record is found, deciding as a reviewer who reads the title would
            while (screened.stream().filter(b -> b).count() < 10) {
                String title = page.textContent("#screen-title");
                boolean relevant = title.contains("magnetic stimulation");
                if (page.locator("#relevance-score").count() > 0) {
                    ranked++;
                    if (ranked == 1) {
                        shoot(page, "relevance-screen");
                    }
                    assertTrue(page.locator("#relevance-words .chip").count() > 0, "the words that pushed it up are shown");
                }
                String before = page.getAttribute(".screen-record", "data-record");
                page.keyboard().press(relevant ? "i" : "6"); // 6: "other", the sixth default reason
                page.waitForFunction("r => !document.querySelector('.screen-record') || "
                        + "document.querySelector('.screen-record').dataset.record !== r", before);
                screened.add(relevant);
                assertTrue(screened.size() < 30, "the relevant records come early: " + screened);
            }
            assertTrue(ranked > 0, "the ranking served records once it could learn");
            // in import order the tenth relevant record is the 40th; the ranking brings it far sooner
            assertTrue(screened.size() <= 14, "all ten relevant records within " + screened.size() + " screened: " + screened);

            page.navigate(url("reviews/" + review));
            page.waitForSelector("#recall-chart-img");
            page.waitForFunction("() => document.querySelector('#recall-chart-img').complete");
            assertTrue((Boolean) page.evaluate("() => document.querySelector('#recall-chart-img').naturalWidth > 0"),
                    "the recall chart is drawn");
            assertEquals("10", page.textContent("#recall-found").trim());
            assertEquals("0", page.textContent("#since-last-include").trim());
            assertTrue(page.textContent("#stopping-method").contains("knee method"));
            assertTrue(page.textContent("#queue-order").contains("most likely relevant first"));
            page.locator("#finding").scrollIntoViewIfNeeded();
            shoot(page, "relevance-review");
            String svg = page.request().get(url("reviews/" + review + "/charts/recall.svg")).text();
            assertTrue(svg.contains("<svg") && svg.contains("random order"), "the curve and the random line");
            keep("relevance-recall.svg", svg);
        }
    }
}
