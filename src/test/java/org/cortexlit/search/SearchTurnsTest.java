package org.cortexlit.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Searches take turns: no more than {@code cortexlit.index.search-concurrency} run at once, the others wait in arrival
 * order, and one that waits longer than {@code cortexlit.index.search-wait} is answered 503 with a message.
 */
@QuarkusTest
@TestProfile(SearchTurnsTest.OneAtATime.class)
@TestSecurity(user = "admin", roles = "admin")
class SearchTurnsTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cortexlit.index.search-concurrency", "1", "cortexlit.index.search-wait", "1s");
        }
    }

    @Inject
    SearchService search;

    @Test
    void aSearchWaitsForItsTurnAndIsToldWhenTheWaitIsTooLong() throws Exception {
        assertEquals(1, search.turns().availablePermits(), "one search at a time, as configured");
        search.turns().acquire(); // a search running
        boolean held = true;
        try {
            given().queryParam("q", "pain").get("/api/search").then().statusCode(503).header("Retry-After", "5")
                    .body("error", containsString("Search is busy"));
            given().queryParam("q", "pain").get("/search").then().statusCode(503)
                    .body(containsString("Search is busy"));
            // a search that arrives while the other runs gets its turn when that one ends
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() ->
                    given().queryParam("q", "pain").get("/api/search").statusCode());
            await().atMost(Duration.ofSeconds(5)).until(() -> search.turns().getQueueLength() == 1);
            assertFalse(waiting.isDone(), "it waits");
            search.turns().release();
            held = false;
            assertEquals(200, waiting.get(10, TimeUnit.SECONDS));
        } finally {
            if (held) {
                search.turns().release();
            }
        }
        assertEquals(1, search.turns().availablePermits(), "every turn handed back");
    }
}
