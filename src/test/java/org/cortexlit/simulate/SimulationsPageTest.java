package org.cortexlit.simulate;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cortexlit.TestCorpus;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.flashError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulations page: upload a labelled file, land on its figures and its recall curve. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class SimulationsPageTest {

    @Test
    void uploadingAFileLandsOnItsFiguresAndCurve() {
        String location = given().redirects().follow(false).multiPart("csrf-token", TestCorpus.csrf())
                .multiPart("file", SimulationsApiTest.FIXTURE, SimulationsApiTest.fixture(SimulationsApiTest.FIXTURE),
                        "text/csv")
                .multiPart("seed", "2")
                .post("/simulations").then().statusCode(303)
                .header("Location", matchesPattern(".*/simulations/\\d+")).extract().header("Location");

        String page = given().get(location).then().statusCode(200)
                .body(containsString("<svg")).body(containsString("random order"))
                .body(containsString("95% recall (8 of 8) at"))
                .body(containsString("WSS@95")).body(containsString("cortexlit-svm"))
                .body(containsString("<td id=\"seed\">2</td>"))
                .body(not(containsString("hx-trigger"))).extract().asString();
        assertTrue(page.contains("<polyline class=\"found\""), "the curve is drawn");

        // htmx asks for the part that refreshes: no layout around it
        given().header("HX-Request", "true").get(location).then().statusCode(200)
                .body(containsString("id=\"simulation\"")).body(not(containsString("<html")));

        given().get("/simulations").then().statusCode(200)
                .body(containsString("rtms-pain-labelled")).body(containsString("What the figures mean"))
                .body(containsString("action=\"/simulations\""));
    }

    @Test
    void aBadFileGoesBackToTheFormSayingWhichLine() {
        given().redirects().follow(false).multiPart("csrf-token", TestCorpus.csrf())
                .multiPart("file", "bad-label.csv", SimulationsApiTest.fixture("bad-label.csv"), "text/csv")
                .post("/simulations").then().statusCode(303)
                .header("Location", matchesPattern(".*/simulations"))
                .cookie(TestCorpus.FLASH, flashError());
    }

    @Test
    void anUnknownSimulationIsAPageSaying404() {
        given().get("/simulations/987654321").then().statusCode(404)
                .body(containsString("No simulation with id 987654321."));
    }
}
