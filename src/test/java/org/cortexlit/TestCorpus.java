package org.cortexlit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static io.restassured.RestAssured.given;

/** Helpers for Quarkus tests: an empty corpus before each test, uploads of our own fixture files. */
public final class TestCorpus {

    /** The CSRF token of the test user ({@code @TestSecurity(user = "admin")}) for page forms. */
    public static String csrf() {
        return csrf("admin");
    }

    public static String csrf(String user) {
        return io.quarkus.arc.Arc.container().instance(org.cortexlit.web.Csrf.class).get().tokenFor(user);
    }


    private TestCorpus() {
    }

    /**
     * Empties the database and the index, so each test starts from nothing whatever ran before: every table but the
     * accounts (and their sessions) and Flyway's history, so a new table never needs adding here. TRUNCATE, as
     * deleting 100,000 articles row by row takes minutes; on H2 with its integrity checks off, on PostgreSQL in one
     * statement with CASCADE.
     */
    public static void reset(SearchIndex index) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            EntityManager em = Article.getEntityManager();
            boolean postgres = em.unwrap(org.hibernate.Session.class).doReturningWork(c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
            @SuppressWarnings("unchecked")
            java.util.List<String> tables = em.createNativeQuery("select table_name from information_schema.tables "
                    + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE'").getResultList();
            java.util.List<String> emptied = tables.stream().filter(t -> !java.util.Set.of("app_user", "user_session",
                    "flyway_schema_history").contains(t.toLowerCase(java.util.Locale.ROOT))).toList();
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
        index.rebuild("test reset");
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
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            ValidatableResponse r = given().get("/api/imports/" + id).then().statusCode(200);
            if (!"RUNNING".equals(r.extract().path("status")) || System.nanoTime() > deadline) {
                return r;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
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
    public static void deleteTree(java.nio.file.Path root) throws IOException {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p); // tolerant of files that vanish meanwhile (a stopping PostgreSQL)
            }
        }
    }
}
