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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
