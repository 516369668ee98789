package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's first session in a real browser (Debian's headless Chromium): upload a file through the
 * form, search, open an article, on a laptop and a phone. Screenshots land in target/screenshots.
 * Skipped, with a message, where /usr/bin/chromium is missing; CI installs it.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class BrowserTest extends ChromiumTest {

    @Inject
    SearchIndex index;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    Reviews reviews;

    @BeforeEach
    void emptyCorpus() {
        TestCorpus.reset(index);
    }

    @Test
    void uploadSearchAndReadAnArticleInTheBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        Path file = Files.createTempFile("trials", ".xml");
        Files.write(file, TestCorpus.fixture("trials.xml"));
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900))) {
            page.navigate(url("imports"));
            page.setInputFiles("input[name=file]", file);
            page.click("form.upload button[type=submit]");
            page.waitForURL("**/imports/*");
            page.waitForSelector("text=SUCCEEDED");
            assertEquals("3", page.textContent("#created").trim());
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("run.png")).setFullPage(true));

            page.fill("header input[name=q]", "rTMS[ti] AND 2019[dp]");
            page.press("header input[name=q]", "Enter");
            page.waitForSelector("#total");
            assertEquals("1", page.textContent("#total").trim());
            assertTrue(page.innerHTML(".hit-title").contains("<mark>rTMS</mark>"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("search.png")).setFullPage(true));

            page.click(".hit-title");
            page.waitForURL("**/articles/90000001?q=*");
            assertTrue(page.textContent("h1").contains("High-frequency rTMS of the primary motor cortex"));
            assertTrue(page.innerHTML("h1").contains("<mark>rTMS</mark>"), "the search's words are marked on the article");
            assertTrue(page.textContent("#marked").contains("back to the results"));
            assertTrue(page.textContent(".abstract").contains("METHODS:"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("article.png")).setFullPage(true));

            page.fill("header input[name=q]", "(motor AND");
            page.press("header input[name=q]", "Enter");
            page.waitForSelector(".error");
            assertTrue(page.textContent(".error").contains("could not be run"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void pagesFitAPhoneScreenWithoutSidewaysScrolling() {
        TestCorpus.upload("trials.xml").statusCode(201);
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844))) {
            for (String path : List.of("", "search?q=pain", "articles/90000001")) {
                page.navigate(url(path));
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(((Number) overflow).intValue() <= 0, "/" + path + " scrolls sideways on a phone by " + overflow + "px");
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-article.png")).setFullPage(true));
        }
    }

    @Test
    void screeningWithTheKeyboardSwapsRecordsInPlace() {
        TestCorpus.upload("trials.xml").statusCode(201);
        Actor admin = new Actor("admin", true, true);
        long id = reviews.create(new ReviewForm("Keyboard", null, null, null, "rTMS, sham",
                "case series", null, null, "single", null), admin).id;
        reviewRecords.addByPmid(id, "90000001 90000002 90000003", admin);
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900))) {
            page.navigate(url("reviews/" + id + "/screen"));
            page.waitForSelector("#decide");
            page.evaluate("() => { window.sameDocument = true; }");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("screening.png")).setFullPage(true));
            String first = page.getAttribute(".screen-record", "data-record");
            assertTrue(page.innerHTML("#screen").contains("<mark class=\"hl-include\">"), "include words are marked");

            long started = System.nanoTime();
            page.keyboard().press("i");
            page.waitForFunction("r => document.querySelector('.screen-record') && "
                    + "document.querySelector('.screen-record').dataset.record !== r", first);
            long swapMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("screening: key to next record on screen %d ms (htmx, no page load)%n", swapMs);
            assertEquals(Boolean.TRUE, page.evaluate("() => window.sameDocument === true"), "htmx swapped, no page load");
            assertTrue(page.textContent("#screen").contains("Saved: include"));
            String second = page.getAttribute(".screen-record", "data-record");

            page.keyboard().press("2"); // exclude, reason 2, in one keystroke
            page.waitForFunction("r => !document.querySelector('.screen-record') || "
                    + "document.querySelector('.screen-record').dataset.record !== r", second);
            assertTrue(page.textContent("#screen").contains("Saved: exclude (no cortical stimulation)"));

            page.keyboard().press("u");
            page.waitForFunction("r => document.querySelector('.screen-record') && "
                    + "document.querySelector('.screen-record').dataset.record === r", second);
            assertTrue(page.textContent("#screen").contains("Undone"));
            page.keyboard().press("?");
            assertTrue(page.isVisible("#help"));
            // typing a note does not trigger shortcuts
            page.click("textarea[name=note]");
            page.keyboard().type("mixed sample");
            assertEquals(second, page.getAttribute(".screen-record", "data-record"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("screening-after-undo.png")).setFullPage(true));
        }
        try (Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844))) {
            phone.navigate(url("reviews/" + id + "/screen"));
            Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the screening page scrolls sideways on a phone by " + overflow + "px");
        }
    }

}
