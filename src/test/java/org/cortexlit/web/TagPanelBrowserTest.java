package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.accounts.RealSecurityProfile;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.library.Article;
import org.cortexlit.library.TagChange;
import org.cortexlit.library.TagDimension;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.Tagging;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screening a tagged review with the suggestions in a real browser: one key ({@code a}) per record accepts the
 * suggested tags, the decision key moves on, and the history says the tags came from suggestions; tag edits not yet
 * saved are not lost to a decision key without a warning. Screenshots: target/screenshots/tags-*.png.
 */
@QuarkusTest
@TestProfile(RealSecurityProfile.class)
class TagPanelBrowserTest extends ChromiumTest {

    @Inject
    SearchIndex index;
    @Inject
    ImportRunner runner;
    @Inject
    ReviewMembers members;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    Reviews reviews;

    @Test
    void oneKeyPerRecordAcceptsTheSuggestedTags() throws Exception {
        TestCorpus.reset(index);
        Path file = Files.createTempFile("trials", ".xml");
        Files.write(file, TestCorpus.fixture("trials.xml"));
        try {
            assertTrue(runner.submit(file, "trials.xml", ImportRun.Trigger.UPLOAD).await(Duration.ofSeconds(60)));
        } finally {
            Files.deleteIfExists(file);
        }
        Actor admin = new Actor("admin", true, true);
        long id = reviews.create(new ReviewForm("Tagging with suggestions", null, null, null, "rTMS, sham", null, null, null,
                "single", null), admin).id;
        List<String> keys = List.of("90000001", "90000002", "90000003");
        reviewRecords.addByPmid(id, String.join(" ", keys), admin);
        members.addMember(id, "reviewer", "reviewer", admin);
        Files.createDirectories(SHOTS);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            signIn(page, "reviews/" + id + "/screen", "reviewer");

            // the evidence is marked in the abstract, in a colour of its own (not the include words' background)
            assertTrue(page.locator("#screen-abstract mark.ev").count() > 0, "evidence marked in the abstract");
            assertEquals("rgba(0, 0, 0, 0)", page.locator("#screen-abstract mark.ev").first()
                    .evaluate("m => getComputedStyle(m).backgroundColor"), "evidence is underlined, not filled");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tags-suggested.png")).setFullPage(true));

            // an unsaved edit is not lost to a decision key: the first press warns, the record stays
            String first = page.getAttribute(".screen-record", "data-record");
            page.locator("#tag-panel input[name=value-target][value=S2]").check();
            page.locator("#tag-panel .unsaved").waitFor();
            page.locator("h1").click(); // out of the form, so keys are not typing
            page.keyboard().press("i");
            page.locator("#key-hint").waitFor();
            assertTrue(page.textContent("#key-hint").contains("not saved"), page.textContent("#key-hint"));
            assertEquals(first, page.getAttribute(".screen-record", "data-record"), "no decision yet");
            page.locator("#tag-panel input[name=value-target][value=S2]").uncheck();

            for (int i = 0; i < keys.size(); i++) {
                String record = page.getAttribute(".screen-record", "data-record");
                page.locator("h1").click();
                page.keyboard().press("a"); // accept every suggestion: the panel alone is swapped
                page.waitForSelector("#tags .notice");
                assertTrue(page.textContent("#tags .notice").startsWith("Accepted suggestions; tagged"),
                        page.textContent("#tags .notice"));
                assertEquals(0, page.locator("[data-key=a]").count(), "nothing left to accept");
                if (i == 0) {
                    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tags-accepted.png")).setFullPage(true));
                }
                page.keyboard().press("i");
                page.waitForFunction("r => !document.querySelector('.screen-record') || "
                        + "document.querySelector('.screen-record').dataset.record !== r", record);
            }
            page.waitForSelector("#done");
        }

        for (String key : keys) {
            Map<String, List<String>> tags = QuarkusTransaction.requiringNew().call(() -> {
                Article a = Article.findByKey(key).orElseThrow();
                Map<String, List<String>> out = new LinkedHashMap<>();
                for (TagDimension d : TagDimension.values()) {
                    List<String> suggested = Tagging.suggestedValues(a.currentSuggestions(), d);
                    if (!suggested.isEmpty()) {
                        assertEquals(suggested, a.tagValues(d.key), key + " " + d.key + " follows the suggestion");
                        out.put(d.key, suggested);
                    }
                }
                List<TagChange> history = TagChange.forArticle(a.id);
                assertFalse(history.isEmpty(), key);
                history.forEach(c -> assertEquals("accepted suggestion", c.suggestionNote(), key + " " + c.dimension));
                assertTrue(history.stream().allMatch(c -> "reviewer".equals(c.actor)));
                return out;
            });
            assertTrue(tags.containsKey("design"), key + " has a suggested design: " + tags);
        }
    }
}
