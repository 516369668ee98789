package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ReviewForm;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** A number that is not one, or out of range, is a 400 that names the parameter; errors are pages of the site. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class BadParametersTest {

    @Inject
    org.cortexlit.screening.Reviews reviews;

    private long review() {
        return reviews.create(new ReviewForm("Paging", null, null, null, null, null, null, null, "single", null),
                new Actor("admin", true, true)).id;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/duplicates?page=2147483647          | page must be between 1 and 100000
            /api/duplicates?page=3000000             | page must be between 1 and 100000
            /api/duplicates?page=abc                 | page must be a whole number, not 'abc'
            /api/duplicates?size=abc                 | size must be a whole number
            /api/duplicates?size=0                   | size must be between 1 and 500
            /api/imports?limit=abc                   | limit must be a whole number
            /api/search?q=pain&page=2147483647       | Only the first
            /api/search?q=pain&page=x                | page must be a whole number
            /api/search/export?q=pain&max=lots       | max must be a whole number
            /api/pubmed/1/similar?size=many          | size must be a whole number
            """)
    void theApiAnswers400WithAMessageNamingTheParameter(String url, String message) {
        given().get(url).then().statusCode(400).contentType("application/json").body("error", containsString(message));
    }

    @Test
    void aReviewsRecordsPageBeyondAnyListIs400NotA500() {
        long id = review();
        given().get("/api/reviews/" + id + "/records?page=2147483647").then().statusCode(400)
                .body("error", containsString("page must be between 1 and 100000"));
        given().get("/api/reviews/" + id + "/records?page=3000000").then().statusCode(400);
        given().get("/api/reviews/" + id + "/records?size=abc").then().statusCode(400).body("error", containsString("size"));
        given().get("/reviews/" + id + "/records?page=2147483647").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("page must be between 1 and 100000")).body(containsString("class=\"top\""));
        given().get("/duplicates?page=abc").then().statusCode(400).body(containsString("page must be a whole number"));
    }

    @Test
    void aMissingReviewOrArticleIsAPageOfTheSiteWithAWayOn() {
        given().get("/reviews/99999999").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no review 99999999.")).body(containsString("href=\"/search\""))
                .body(containsString("class=\"top\""));
        given().get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is nothing at /no/such/page"));
        given().get("/api/reviews/99999999").then().statusCode(404).contentType("application/json")
                .body("error", containsString("There is no review 99999999."));
    }

    @Test
    @TestSecurity(user = "reader", roles = "reader")
    void aReaderOpeningAnAdminPageGetsAPageThatSaysWhy() {
        given().get("/users").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("signed in as reader (reader)")).body(containsString("class=\"top\""));
        given().post("/api/admin/index/rebuild").then().statusCode(403).contentType("application/json")
                .body("error", containsString("signed in as reader"));
    }

    @Test
    void aMessageHoldingMarkupIsShownAsText() {
        long id = reviews.create(new ReviewForm("<script>alert(1)</script>", null, null, null, null, null, null, null,
                "single", null), new Actor("admin", true, true)).id;
        given().get("/reviews/" + id + "/records/99999999").then().statusCode(404)
                .body(not(containsString("<script>alert(1)</script>")));
    }
}
