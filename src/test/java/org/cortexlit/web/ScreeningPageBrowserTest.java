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

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screening page on a laptop and a phone with a long abstract: the decision buttons stay in view while the
 * reviewer reads, the review's criteria sit beside the record and fold away, and a key goes back to the record just
 * decided. Screenshots: target/screenshots/screen-*.png.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ScreeningPageBrowserTest extends ChromiumTest {

    static final Actor ADMIN = new Actor("admin", true, true);

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;
    @Inject
    ReviewRecords reviewRecords;

    long review;

    /** Two records whose abstracts are longer than any screen. */
    static byte[] longAbstracts() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n");
        for (int n = 1; n <= 2; n++) {
            String sentence = "Repetitive transcranial magnetic stimulation of the motor cortex was given in sessions " + n
                    + " and pain was rated on a numeric scale before and after each session. ";
            xml.append("<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">9100000").append(n)
                    .append("</PMID><Article PubModel=\"Print\"><Journal><JournalIssue><PubDate><Year>2020</Year></PubDate>"
                            + "</JournalIssue><Title>Pain</Title></Journal><ArticleTitle>Long abstract number ").append(n)
                    .append(" on motor cortex stimulation.</ArticleTitle><Abstract><AbstractText>")
                    .append(sentence.repeat(30)).append("</AbstractText></Abstract><Language>eng</Language>"
                            + "</Article></MedlineCitation></PubmedArticle>\n");
        }
        return xml.append("</PubmedArticleSet>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        TestCorpus.upload("long.xml", longAbstracts()).statusCode(201);
        review = reviews.create(new ReviewForm("Long abstracts", null, "Adults with chronic neuropathic pain; cortical stimulation",
                "Healthy volunteers; acute pain", "motor cortex", null, "wrong population\nno stimulation", null, "single", null),
                ADMIN).id;
        reviewRecords.addByPmid(review, "91000001 91000002", ADMIN);
    }

    private static boolean inView(Page page, String selector) {
        return (Boolean) page.evaluate("s => { const r = document.querySelector(s).getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight; }", selector);
    }

    @Test
    void theDecisionButtonsStayInViewWhileTheAbstractScrollsByOnALaptopAndAPhone() {
        for (int[] size : List.of(new int[]{1280, 900}, new int[]{390, 844})) {
            try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(size[0], size[1]))) {
                page.navigate(url("reviews/" + review + "/screen"));
                page.waitForSelector("#decide");
                assertTrue(inView(page, "button[value=include]"), "Include is in view at " + size[0] + " px on arrival");
                page.evaluate("() => window.scrollTo(0, document.querySelector('#screen-abstract').offsetTop + 400)");
                assertTrue(inView(page, "button[value=exclude]"), "Exclude is in view at " + size[0] + " px mid-abstract");
                shoot(page, "screen-sticky-" + size[0]);
            }
        }
    }

    @Test
    void theCriteriaSitBesideTheRecordAndFoldAway() {
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900))) {
            page.navigate(url("reviews/" + review + "/screen"));
            page.waitForSelector("#criteria");
            assertTrue(page.textContent("#criteria").contains("Adults with chronic neuropathic pain"));
            assertTrue(page.textContent("#criteria").contains("Healthy volunteers"));
            Number criteriaLeft = (Number) page.evaluate("() => document.querySelector('#criteria').getBoundingClientRect().left");
            Number recordRight = (Number) page.evaluate("() => document.querySelector('.screen-record').getBoundingClientRect().right");
            assertTrue(criteriaLeft.doubleValue() >= recordRight.doubleValue(), "the criteria are beside the record");
            assertTrue(page.isVisible("#criteria .criteria-text"));
            page.click("#criteria summary");
            assertFalse(page.isVisible("#criteria .criteria-text"), "the criteria fold away");
            shoot(page, "screen-criteria");
        }
    }

    @Test
    void theBackKeyShowsTheRecordJustDecidedWithTheDecision() {
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900))) {
            page.navigate(url("reviews/" + review + "/screen"));
            page.waitForSelector("#decide");
            page.evaluate("() => { window.sameDocument = true; }");
            String first = page.getAttribute(".screen-record", "data-record");
            page.keyboard().press("i");
            page.waitForFunction("r => document.querySelector('.screen-record') && "
                    + "document.querySelector('.screen-record').dataset.record !== r", first);
            page.keyboard().press("b");
            page.waitForFunction("r => document.querySelector('.screen-record') && "
                    + "document.querySelector('.screen-record').dataset.record === r", first);
            assertEquals(Boolean.TRUE, page.evaluate("() => window.sameDocument === true"), "htmx swapped, no page load");
            assertTrue(page.textContent("#mine").contains("include"), "the decision shows, to keep or change");
            page.keyboard().press("m");
            page.waitForSelector("text=Saved: maybe");
            assertFalse(first.equals(page.getAttribute(".screen-record", "data-record")), "deciding goes on to the queue");
            shoot(page, "screen-back");
        }
    }
}
