package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A team member's own saved searches and their "new since you last looked" counts. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class MySearchesTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
    }

    @Test
    void aSavedSearchCountsWhatIsNewUntilItIsOpened() {
        TestCorpus.upload("trials.xml").statusCode(201);
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("name", "stimulation for pain")
                .formParam("query", "stimulation AND pain").post("/my-searches").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        int total = given().queryParam("q", "stimulation AND pain").get("/api/search").then().extract().path("total");
        var saved = given().get("/api/my-searches").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].newSinceLastLooked", equalTo(0)).body("[0].total", equalTo(total)).extract().jsonPath();
        int id = saved.getInt("[0].id");
        // the new record enters the corpus after the search was saved: its import's clock (milliseconds) must read
        // later than the saved search's, whatever the machine clock's resolution
        Instant lastLooked = Instant.parse(saved.getString("[0].lastLookedAt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(lastLooked));
        TestCorpus.upload("trials-revised.xml").statusCode(201); // adds 90000004, theta-burst stimulation for phantom limb pain
        given().get("/api/my-searches").then().body("[0].newSinceLastLooked", equalTo(1)).body("[0].total", equalTo(total + 1));
        given().get("/my-searches").then().statusCode(200).body(containsString("<strong>1 new</strong>"));

        given().redirects().follow(false).get("/my-searches/" + id).then().statusCode(303)
                .header("Location", containsString("/search?q=stimulation+AND+pain"));
        given().get("/api/my-searches").then().body("[0].newSinceLastLooked", equalTo(0));
    }

    @Test
    void badSearchesAreRefusedWithAReasonAndOthersSearchesStayPrivate() {
        TestCorpus.upload("trials.xml").statusCode(201);
        given().redirects().follow(false).formParam("csrf-token", TestCorpus.csrf()).formParam("name", "broken")
                .formParam("query", "(pain AND").post("/my-searches").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashError());
        given().contentType("application/json").body(Map.of("name", "mine", "query", "rTMS")).post("/api/my-searches")
                .then().statusCode(201);
        given().contentType("application/json").body(Map.of("name", "mine", "query", "tDCS")).post("/api/my-searches")
                .then().statusCode(400).body("error", containsString("already"));
        given().get("/search?q=rTMS").then().body(containsString("action=\"/my-searches\""));
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void eachPersonSeesOnlyTheirOwn() {
        given().contentType("application/json").body(Map.of("name", "reader's", "query", "pain")).post("/api/my-searches")
                .then().statusCode(201);
        given().get("/api/my-searches").then().body("size()", equalTo(1)).body("[0].name", equalTo("reader's"));
    }
}
