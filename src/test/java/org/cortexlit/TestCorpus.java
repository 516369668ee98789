package org.cortexlit;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.web.Csrf;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Helpers for Quarkus tests: an empty corpus before each test, uploads of our own fixture files. */
public final class TestCorpus {

    /** The CSRF token of the test user ({@code @TestSecurity(user = "admin")}) for page forms. */
    public static String csrf() {
        return csrf("admin");
    }

    public static String csrf(String user) {
        return Arc.container().instance(Csrf.class).get().tokenFor(user);
    }


    private TestCorpus() {
    }

    /** The cookie that carries a page's message across Post/Redirect/Get. */
    public static final String FLASH = "cortexlit-flash";

    /** The message a POST's answer carries to the next page, decoded; null when there is none. */
    public static String flashMessage(Response r) {
        String c = r.getCookie(FLASH);
        return c == null ? null : URLDecoder.decode(c, StandardCharsets.UTF_8).substring(2);
    }

    /** A flash cookie holding a notice (what a POST did). */
    public static Matcher<String> flashNotice() {
        return flash("n:");
    }

    /** A flash cookie holding an error (why a POST was refused). */
    public static Matcher<String> flashError() {
        return flash("e:");
    }

    private static Matcher<String> flash(String kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String cookie) {
                return URLDecoder.decode(cookie, StandardCharsets.UTF_8).startsWith(kind);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a flash message of kind " + kind);
            }
        };
    }

    /**
     * Empties the database and the index, so each test starts from nothing whatever ran before: every table but the
     * accounts (and their sessions) and Flyway's history, so a new table never needs adding here. TRUNCATE, as
     * deleting 100,000 articles row by row takes minutes; on H2 with its integrity checks off, on PostgreSQL in one
     * statement with CASCADE.
     */
    public static void reset(SearchIndex index) {
        // PostgreSQL's TRUNCATE locks its tables one by one: a background reader of the app (a model retraining on
        // the last test's decisions) that holds one of them and asks for another is a deadlock PostgreSQL ends by
        // failing one side; the reader retries on its own schedule, the reset here
        for (int attempt = 1; ; attempt++) {
            try {
                emptyTables();
                break;
            } catch (jakarta.persistence.PessimisticLockException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        index.rebuild("test reset");
    }

    private static void emptyTables() {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            EntityManager em = Article.getEntityManager();
            boolean postgres = em.unwrap(Session.class).doReturningWork(c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("select table_name from information_schema.tables "
                    + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE'").getResultList();
            List<String> emptied = tables.stream().filter(t -> !Set.of("app_user", "user_session",
                    "flyway_schema_history").contains(t.toLowerCase(Locale.ROOT))).toList();
            if (postgres) {
                em.createNativeQuery("truncate table " + String.join(", ", emptied) + " cascade").executeUpdate();
            } else {
                em.createNativeQuery("set referential_integrity false").executeUpdate();
                for (String table : emptied) {
                    em.createNativeQuery("truncate table \"" + table + "\"").executeUpdate();
                }
                em.createNativeQuery("set referential_integrity true").executeUpdate();
            }
        });
    }

    public static byte[] fixture(String name) {
        try (InputStream in = TestCorpus.class.getResourceAsStream("/fixtures/import/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /api/imports with {@code bytes} as the file {@code name}. */
    public static ValidatableResponse upload(String name, byte[] bytes) {
        return given().multiPart("file", name, bytes, "application/octet-stream")
                .when().post("/api/imports")
                .then();
    }

    /** Polls GET /api/imports/{id} until the run has finished (at most a minute) and returns it. */
    public static ValidatableResponse awaitRun(long id) {
        return await("import run " + id + " finishes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/imports/" + id).then().statusCode(200),
                        r -> !"RUNNING".equals(r.extract().path("status")));
    }

    /** Uploads through the page's form (POST /imports, 303 to /imports/{id}) and returns the finished run's JSON. */
    public static ValidatableResponse uploadThroughForm(String name, byte[] bytes) {
        String location = given().redirects().follow(false).header("X-CSRF-Token", csrf())
                .multiPart("file", name, bytes, "application/octet-stream")
                .post("/imports").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return awaitRun(id);
    }

    public static ValidatableResponse upload(String fixture) {
        return upload(fixture, fixture(fixture));
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p); // tolerant of files that vanish meanwhile (a stopping PostgreSQL)
            }
        }
    }
}
