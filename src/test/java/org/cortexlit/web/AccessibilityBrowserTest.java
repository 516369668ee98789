package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.importing.SavedSearches;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningQueue;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every page of the site, on a laptop and a phone: a screenshot of each (target/screenshots/page-*.png), no sideways
 * scrolling on the phone, and axe-core (from npm, injected by Playwright) finds no serious or critical accessibility
 * violation. axe-core is installed by {@code .ci/run}; where it is missing the check skips with the command to run.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class AccessibilityBrowserTest extends ChromiumTest {

    /** axe-core as npm installs it: {@code npm install --prefix target/axe axe-core@4.14.1}. */
    static final Path AXE = Paths.get(System.getProperty("axe.path", "target/axe/node_modules/axe-core/axe.min.js"));

    static final Actor ADMIN = new Actor("admin", true, true);

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;
    @Inject
    ReviewMembers members;
    @Inject
    ScreeningQueue queue;
    @Inject
    Decisions decisions;
    @Inject
    SavedSearches searches;

    @Test
    void everyPageReadsWellOnALaptopAndAPhone() throws IOException {
        assumeTrue(Files.isReadable(AXE), "axe-core is not installed at " + AXE + ": accessibility check skipped "
                + "(npm install --prefix target/axe axe-core@4.14.1)");
        String axe = Files.readString(AXE);
        TestCorpus.reset(index);
        long run = TestCorpus.upload("trials.xml").statusCode(201).extract().jsonPath().getLong("id");
        long id = reviews.create(new ReviewForm("Motor cortex stimulation", "Does M1 stimulation relieve chronic pain?",
                "Adults with chronic neuropathic pain", "Healthy volunteers", "rTMS, motor cortex", "case series",
                "wrong population\nno stimulation", null, "dual", "90000001[pmid] OR 90000002[pmid] OR 90000003[pmid]"),
                ADMIN).id;
        members.addMember(id, "reviewer", "reviewer", ADMIN);
        long record = queue.next(id, ADMIN, 0).orElseThrow().id;
        decisions.decide(id, record, ADMIN, "include", null, null);
        decisions.decide(id, record, new Actor("reviewer", false, true), "exclude", "1", null);
        long search = searches.create("Motor cortex, weekly", "motor cortex stimulation AND pain", null, id).id;

        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "");
        pages.put("search-empty", "search");
        pages.put("search", "search?q=pain");
        pages.put("article", "articles/90000001");
        pages.put("imports", "imports");
        pages.put("import-run", "imports/" + run);
        pages.put("saved-searches", "searches");
        pages.put("saved-search-edit", "searches/" + search + "/edit");
        pages.put("my-searches", "my-searches");
        pages.put("reviews", "reviews");
        pages.put("review", "reviews/" + id);
        pages.put("screen", "reviews/" + id + "/screen");
        pages.put("records", "reviews/" + id + "/records");
        pages.put("conflict", "reviews/" + id + "/records/" + record);
        pages.put("similar", "reviews/" + id + "/similar");
        pages.put("evidence-map", "evidence-map?q=pain");
        pages.put("simulations", "simulations");
        pages.put("duplicates", "duplicates");
        pages.put("users", "users");
        pages.put("account", "account");
        pages.put("not-found", "no/such/page");

        List<String> problems = new ArrayList<>();
        for (int[] size : List.of(new int[]{1280, 900}, new int[]{390, 844})) {
            // axe is injected as a script of the page's own: the test's browser lets it past the site's CSP
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]).setBypassCSP(true))) {
                Page page = context.newPage();
                for (Map.Entry<String, String> p : pages.entrySet()) {
                    page.navigate(url(p.getValue()));
                    shoot(page, "page-" + p.getKey() + "-" + size[0]);
                    if (size[0] < 500) {
                        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                        if (overflow.intValue() > 0) {
                            problems.add("/" + p.getValue() + " scrolls sideways by " + overflow + " px at " + size[0] + " px");
                        }
                    }
                    page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                    @SuppressWarnings("unchecked")
                    List<String> found = (List<String>) page.evaluate("async () => { const r = await axe.run(document, "
                            + "{ resultTypes: ['violations'] }); return r.violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' -> ' + v.nodes.slice(0, 3)"
                            + ".map(n => n.target.join(' ')).join(' | ')); }");
                    found.forEach(f -> problems.add("/" + p.getValue() + " at " + size[0] + " px: " + f));
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + String.join("\n", problems));
    }
}
