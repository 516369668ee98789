package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The imports page in a real browser: an upload says it is under way (button disabled, a progress bar) until the run's
 * page shows, and the history shows every column, whole on a laptop and as one card per run on a phone.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ImportsBrowserTest extends ChromiumTest {

    @Inject
    SearchIndex index;

    @Test
    void anUploadShowsItsProgressAndTheHistoryShowsEveryColumn() throws Exception {
        TestCorpus.reset(index);
        Path file = Files.createTempFile("trials", ".xml");
        Files.write(file, TestCorpus.fixture("trials.xml"));
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900))) {
            page.navigate(url("imports"));
            List<Object> whileSending = new ArrayList<>();
            // look at the form while the upload is on its way, then let it through
            page.route("**/imports", route -> {
                if ("POST".equals(route.request().method())) {
                    whileSending.add(page.evaluate("() => [document.querySelector('form.upload button').disabled, "
                            + "!document.querySelector('#upload-progress').hidden, "
                            + "document.querySelector('.upload-status').textContent]"));
                }
                route.resume();
            });
            page.setInputFiles("input[name=file]", file);
            page.click("form.upload button[type=submit]");
            page.waitForURL("**/imports/*");
            page.waitForSelector("text=SUCCEEDED");
            assertEquals(1, whileSending.size());
            List<?> state = (List<?>) whileSending.get(0);
            assertEquals(Boolean.TRUE, state.get(0), "the button is disabled while the file goes up");
            assertEquals(Boolean.TRUE, state.get(1), "a progress bar shows");
            assertTrue(state.get(2).toString().startsWith("Uploading"), state.get(2).toString());
            assertEquals("3", page.textContent("#created").trim());

            page.navigate(url("imports"));
            shoot(page, "imports-1280");
            for (String column : List.of("Started", "Took")) {
                Object visible = page.evaluate("c => { const td = document.querySelector('td[data-label=\"' + c + '\"]');"
                        + " const r = td.getBoundingClientRect(); return r.width > 0 && r.right <= window.innerWidth; }", column);
                assertEquals(Boolean.TRUE, visible, column + " is in view on a laptop: " + page.evaluate("c => JSON.stringify("
                        + "document.querySelector('td[data-label=\"' + c + '\"]').getBoundingClientRect()) + ' ' + window.innerWidth", column));
            }
            Object lines = page.evaluate("() => { const range = document.createRange();"
                    + " range.selectNodeContents(document.querySelector('td[data-label=Started]'));"
                    + " return range.getClientRects().length; }");
            assertTrue(((Number) lines).intValue() <= 2, "the date stays on one line: " + lines);
        } finally {
            Files.deleteIfExists(file);
        }
        try (Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844))) {
            phone.navigate(url("imports"));
            Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the imports page scrolls sideways on a phone by " + overflow + "px");
            for (String column : List.of("File", "Status", "New", "Started", "Took")) {
                Object shown = phone.evaluate("c => { const td = document.querySelector('td[data-label=\"' + c + '\"]');"
                        + " const r = td.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth"
                        + " && getComputedStyle(td, '::before').content.includes(c); }", column);
                assertEquals(Boolean.TRUE, shown, column + " shows, with its name, on a phone");
            }
            shoot(phone, "imports-390");
        }
    }
}
