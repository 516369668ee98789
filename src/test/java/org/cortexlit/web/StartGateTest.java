package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import org.cortexlit.accounts.User;
import org.cortexlit.concurrent.StartupWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start whose own work runs in the background ({@code cortexlit.start.background}, as in production): the sign-in
 * page answers at once, other requests wait for the work and then go on (a POST's body too) or are answered 503 when
 * it outlasts {@code cortexlit.start.request-wait}; health says not ready, and the jobs skip their turn meanwhile.
 */
@QuarkusTest
@TestProfile(StartGateTest.BackgroundStart.class)
@TestSecurity(user = "admin", roles = "admin")
class StartGateTest {

    public static class BackgroundStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cortexlit.start.background", "true", "cortexlit.start.request-wait", "3s",
                    "test.hold-start", "true");
        }
    }

    @Inject
    StartGate gate;

    @Inject
    StartupWork work;

    @Inject
    StartupWork.NotYet notYet;

    @Test
    void requestsWaitForTheStartsWorkAndTheSignInPageDoesNot() throws Exception {
        assertFalse(work.isDone());
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        given().get("/css/app.css").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'start-up' }.status", equalTo("DOWN"));
        assertTrue(notYet.test(null), "the jobs skip their turn");

        // held longer than the request may wait: 503 with Retry-After, and the request is no longer held
        CompletableFuture<Response> tooLong = CompletableFuture.supplyAsync(() -> given().get("/api/my-searches"));
        await().atMost(Duration.ofSeconds(30)).until(() -> gate.held() == 1);
        Response refused = tooLong.get(30, TimeUnit.SECONDS);
        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.header("Retry-After"));
        assertTrue(refused.body().asString().contains("still starting"), refused.body().asString());
        assertEquals(0, gate.held());

        // a POST held while the work runs goes on when it ends, its body intact (the test data folder outlives a run)
        String name = "held at start " + System.nanoTime();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given().contentType("application/json")
                .body(Map.of("name", name, "query", "rTMS")).post("/api/my-searches"));
        await().atMost(Duration.ofSeconds(30)).until(() -> gate.held() == 1);
        assertFalse(held.isDone());
        HeldStart.RELEASE.countDown();
        Response created = held.get(30, TimeUnit.SECONDS);
        assertEquals(201, created.statusCode(), created.body().asString());

        assertTrue(work.isDone());
        assertFalse(notYet.test(null));
        given().get("/api/my-searches").then().statusCode(200).body("name", hasItem(name));
        given().get("/q/health/ready").then().statusCode(200);
        // the work the application handed over ran: the first (dev) accounts exist
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.count() > 0));
    }

    @Test
    void onlyReadsOfTheSignInPageFilesAndHealthPassWhileStarting() {
        assertTrue(StartGate.needsNoStart(HttpMethod.GET, "/login"));
        assertTrue(StartGate.needsNoStart(HttpMethod.HEAD, "/css/app.css"));
        assertTrue(StartGate.needsNoStart(HttpMethod.GET, "/js/screen.js"));
        assertTrue(StartGate.needsNoStart(HttpMethod.GET, "/q/health/ready"));
        assertFalse(StartGate.needsNoStart(HttpMethod.POST, "/login"));
        assertFalse(StartGate.needsNoStart(HttpMethod.POST, "/j_security_check"));
        assertFalse(StartGate.needsNoStart(HttpMethod.GET, "/"));
        assertFalse(StartGate.needsNoStart(HttpMethod.GET, "/api/search"));
        assertFalse(StartGate.needsNoStart(HttpMethod.GET, "/login-other"));
    }
}
