package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.library.Article;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningQueue;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review as pictures: the PRISMA flow diagram's numbers are the progress API's. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class PicturesTest {

    static final Actor ADMIN = new Actor("admin", true, true);

    @Inject
    SearchIndex index;
    @Inject
    Reviews reviews;
    @Inject
    ReviewRecords reviewRecords;
    @Inject
    ScreeningQueue queue;
    @Inject
    Decisions decisions;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        TestCorpus.upload("trials.xml").statusCode(201);
    }

    /** The count the diagram shows in the text element of this id: "Records screened (n = 2)" gives 2. */
    private static long count(String svg, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>[^<]*\\(n = (\\d+)\\)").matcher(svg);
        assertTrue(m.find(), "the diagram shows " + id + ": " + svg);
        return Long.parseLong(m.group(1));
    }

    @Test
    void thePrismaDiagramShowsTheProgressFigures() throws Exception {
        long id = reviews.create(new ReviewForm("Flow <of> records", null, null, null, null, null,
                "wrong population\nno stimulation", null, "single", "90000001[pmid] OR 90000002[pmid] OR 90000003[pmid]"),
                ADMIN).id;
        decisions.decide(id, queue.next(id, ADMIN, 0).orElseThrow().id, ADMIN, "exclude", "2", null);
        decisions.decide(id, queue.next(id, ADMIN, 0).orElseThrow().id, ADMIN, "include", null, null);
        long removed = queue.next(id, ADMIN, 0).orElseThrow().id;
        reviewRecords.remove(id, removed, ADMIN);

        String svg = given().get("/reviews/" + id + "/prisma.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        ChromiumTest.keep("prisma.svg", svg);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("Flow &lt;of&gt; records"), "names are escaped");
        Map<String, Object> prisma = given().get("/api/reviews/" + id + "/progress").then().statusCode(200)
                .extract().jsonPath().getMap("prisma");
        assertEquals(((Number) prisma.get("identifiedTotal")).longValue(), count(svg, "n-identified"));
        assertEquals(((Number) prisma.get("duplicatesRemoved")).longValue(), count(svg, "n-duplicates"));
        assertEquals(((Number) prisma.get("removedByHand")).longValue(), count(svg, "n-removed"));
        assertEquals(((Number) prisma.get("screened")).longValue(), count(svg, "n-screened"));
        assertEquals(((Number) prisma.get("excluded")).longValue(), count(svg, "n-excluded"));
        assertEquals(((Number) prisma.get("included")).longValue() + ((Number) prisma.get("maybe")).longValue(),
                count(svg, "n-sought"));
        assertEquals(((Number) prisma.get("included")).longValue(), count(svg, "n-included"));
        assertEquals(((Number) prisma.get("awaiting")).longValue(), count(svg, "n-awaiting"));
        assertEquals(3, count(svg, "n-identified"));
        assertEquals(1, count(svg, "n-removed"));
        assertEquals(2, count(svg, "n-screened"));
        assertTrue(svg.contains("no stimulation (n = 1)"), "exclusions with their reasons");
        assertTrue(svg.contains("trials.xml (uploaded file) (n = 3)"), "identification per source");
        given().get("/reviews/" + id).then().body(containsString("<img src=\"/reviews/" + id + "/prisma.svg\""));
    }

    @Test
    void theEvidenceMapsCellsAreTheTotalsOfTheirTagSearches() throws Exception {
        Path file = Files.createTempFile("generated", ".xml");
        new CorpusGenerator(3).writePubmedXml(file, 60, 97_000_000L, false);
        TestCorpus.upload("generated.xml", Files.readAllBytes(file)).statusCode(201);
        Files.delete(file);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Article.getEntityManager();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'design', "
                    + "case mod(id, 3) when 0 then 'controlled' when 1 then 'uncontrolled' else 'review' end "
                    + "from article where pmid like '97%'").executeUpdate();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'target', 'M1' "
                    + "from article where pmid like '97%' and mod(id, 2) = 0").executeUpdate();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'target', 'DLPFC' "
                    + "from article where pmid like '97%' and mod(id, 5) = 0").executeUpdate();
            em.createQuery("update Article a set a.updatedAt = :now").setParameter("now", Instant.now()).executeUpdate();
        });
        index.rebuild("test: tags written to the database");

        for (String tags : List.of("confirmed", "suggested")) {
            for (String q : List.of("", "1800:2100[dp]")) {
                JsonPath map = given().queryParam("q", q).queryParam("tags", tags).get("/api/evidence-map").then()
                        .statusCode(200).extract().jsonPath();
                assertEquals(q, map.getString("query"));
                List<String> rows = map.getList("rows");
                List<String> columns = map.getList("columns");
                assertEquals(List.of("controlled", "uncontrolled", "review", "other"), columns);
                assertTrue(rows.contains("M1") && rows.contains("DLPFC"), rows.toString());
                String suffix = tags.equals("suggested") ? "-suggested" : "";
                long sum = 0;
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < columns.size(); c++) {
                        // the search a person would type for the cell
                        String cell = (q.isEmpty() ? "" : q + " AND ") + rows.get(r) + "[target" + suffix + "] AND "
                                + columns.get(c) + "[design" + suffix + "]";
                        long total = given().queryParam("q", cell).queryParam("size", 1).get("/api/search").then()
                                .statusCode(200).extract().jsonPath().getLong("total");
                        assertEquals(total, map.getLong("counts[" + r + "][" + c + "]"), tags + " " + cell);
                        sum += total;
                    }
                }
                if (tags.equals("confirmed")) {
                    assertTrue(sum > 0, "the generated studies are on the map");
                }
            }
        }
        String page = given().queryParam("q", "1800:2100[dp]").get("/evidence-map").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"evidence-map\""), page);
        assertTrue(page.contains("href=\"/search?q=1800%3A2100%5Bdp%5D+AND+M1%5Btarget%5D+AND+controlled%5Bdesign%5D\""), page);
        given().queryParam("q", "(motor AND").get("/api/evidence-map").then().statusCode(400);
    }

    @Test
    void theYearHistogramIsABarChartWhoseBarsNarrowTheSearch() throws Exception {
        String html = given().queryParam("q", "pain OR fibromyalgia").get("/search").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" id=\"year-chart\""), html);
        assertTrue(html.contains("<title>2019: 1</title>") && html.contains("<title>2021: 1</title>"), "a bar per year");
        assertTrue(html.contains("<title>2020: 0</title>") || !html.contains("2020: "), "an empty year has no bar");
        assertTrue(html.contains("<a href=\"/search?q=pain+OR+fibromyalgia+AND+2019%5Bdp%5D&sort=relevance\">"),
                "a bar narrows the search to its year: " + html);
        assertFalse(html.contains("style=\""), "no inline styles (the page's CSP)");
        ChromiumTest.keep("year-chart.html", html);
    }

    @Test
    void aReviewsStatusesAndDailyDecisionsAreDrawn() throws Exception {
        long id = reviews.create(new ReviewForm("Progress", null, null, null, null, null, null, null, "single",
                "90000001[pmid] OR 90000002[pmid] OR 90000003[pmid]"), ADMIN).id;
        decisions.decide(id, queue.next(id, ADMIN, 0).orElseThrow().id, ADMIN, "exclude", "1", null);
        decisions.decide(id, queue.next(id, ADMIN, 0).orElseThrow().id, ADMIN, "include", null, null);
        String status = given().get("/reviews/" + id + "/charts/status.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        assertTrue(status.contains("<title>unscreened: 1</title>"), status);
        assertTrue(status.contains("<title>included: 1</title>") && status.contains("<title>excluded: 1</title>"), status);
        assertFalse(status.contains("conflict"), "single screening has no conflicts to draw");
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MM-dd"));
        String daily = given().get("/reviews/" + id + "/charts/decisions.svg").then().statusCode(200).extract().asString();
        assertTrue(daily.contains("<title>" + today + ": 2</title>"), daily);
        ChromiumTest.keep("status-chart.svg", status);
        ChromiumTest.keep("decisions-chart.svg", daily);
        given().get("/reviews/" + id).then().body(containsString("src=\"/reviews/" + id + "/charts/decisions.svg\""));
    }
}
