package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.cortexlit.accounts.RealSecurityProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operations use, under the production rules of sign-in: health, metrics, the OpenAPI document, backups. */
@QuarkusTest
@TestProfile(RealSecurityProfile.class)
class OperationsTest {

    @Test
    void healthAnswersWithoutSigningInAndNamesTheDatabaseAndTheIndex() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("search index"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name == 'search index' }.data.lagSeconds", equalTo(0));
    }

    @Test
    void metricsAreForAdminsWithBasicAndCountWhatMatters() {
        given().get("/q/metrics").then().statusCode(401);
        given().auth().preemptive().basic("reader", "reader-password").get("/q/metrics").then().statusCode(403);
        given().auth().preemptive().basic("admin", "admin-password").get("/api/search?q=pain").then().statusCode(200);
        String metrics = given().auth().preemptive().basic("admin", "admin-password").get("/q/metrics").then()
                .statusCode(200).extract().asString();
        for (String name : new String[]{"http_server_requests_seconds", "cortexlit_search_seconds", "cortexlit_index_documents",
                "cortexlit_index_lag_seconds"}) {
            assertTrue(metrics.contains(name), name + " in /q/metrics");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheJsonApiAndNotThePages() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertTrue(doc.contains("\"/api/imports\"") && doc.contains("\"/api/search\"") && doc.contains("\"/api/reviews/{id}/next\""), doc.substring(0, 300));
        assertTrue(!doc.contains("\"/reviews/{id}/screen\"") && !doc.contains("\"/login\""), "pages are not part of the API");
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
        given().get("/login").then().header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void anAdminTakesAnOnlineBackupOfTheH2Database() throws Exception {
        given().auth().preemptive().basic("reviewer", "reviewer-password").post("/api/admin/backup").then().statusCode(403);
        String file = given().auth().preemptive().basic("admin", "admin-password").post("/api/admin/backup").then()
                .statusCode(201).extract().path("file");
        Path zip = Path.of(file);
        assertTrue(Files.size(zip) > 1000, "a zip of the database: " + zip);
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            assertTrue(z.stream().anyMatch(e -> e.getName().endsWith("cortexlit.mv.db")), "holds the database file");
        }
        Files.delete(zip);
    }

    @Test
    void pagesAreNotInTheHealthChecksOpenPaths() {
        given().redirects().follow(false).get("/q/health-ui").then().statusCode(not(equalTo(200)));
    }
}
