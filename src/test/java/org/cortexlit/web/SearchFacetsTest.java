package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.library.Article;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facets against counts computed from the database, paging through 1,100 hits in every order, similar articles. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class SearchFacetsTest {

    static final int GENERATED = 1_100;

    @Inject
    SearchIndex index;

    /** The tests only read, so the 1,100 records are imported once for the class (classes run one at a time). */
    static boolean loaded;

    @BeforeEach
    void corpus() throws Exception {
        if (loaded) {
            return;
        }
        TestCorpus.reset(index);
        Path file = Files.createTempFile("generated", ".xml");
        new CorpusGenerator(11).writePubmedXml(file, GENERATED, 95_000_000L, false);
        TestCorpus.upload("generated.xml", Files.readAllBytes(file)).statusCode(201).body("created", equalTo(GENERATED));
        Files.delete(file);
        TestCorpus.upload("trials.xml").statusCode(201);
        loaded = true;
    }

    @AfterAll
    static void unload() {
        loaded = false;
    }

    @Test
    void facetCountsMatchTheDatabase() {
        JsonPath json = given().queryParam("q", "1800:2100[dp]").queryParam("size", 1).get("/api/search")
                .then().statusCode(200).extract().jsonPath();

        Map<String, Long> years = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> m = new HashMap<>();
            for (Object[] row : Article.getEntityManager().createQuery(
                    "select a.year, count(a) from Article a where a.withdrawn = false and a.year is not null group by a.year",
                    Object[].class).getResultList()) {
                m.put(row[0].toString(), (Long) row[1]);
            }
            return m;
        });
        Map<String, Object> yearFacet = json.getMap("facets.year");
        assertEquals(years.size(), yearFacet.size(), "one facet value per year in the database");
        years.forEach((year, n) -> assertEquals(n, ((Number) yearFacet.get(year)).longValue(), "year " + year));
        assertEquals(years.values().stream().mapToLong(Long::longValue).sum(), json.getLong("total"));

        Map<String, Long> types = QuarkusTransaction.requiringNew().call(() -> {
            // the lists are JSON in the article row: counted here, from the database, article by article
            Map<String, Long> m = new HashMap<>();
            for (Article a : Article.<Article>list("withdrawn = false and year is not null")) {
                a.publicationTypes.stream().distinct().forEach(pt -> m.merge(pt, 1L, Long::sum));
            }
            return m;
        });
        Map<String, Object> ptFacet = json.getMap("facets.publicationType");
        assertTrue(ptFacet.size() > 3, "several publication types: " + ptFacet);
        ptFacet.forEach((pt, n) -> assertEquals(types.get(pt), ((Number) n).longValue(), "publication type " + pt));
    }

    @Test
    void aFacetValueNarrowsTheQueryItShows() {
        String rct = "Randomized Controlled Trial";
        long expected = given().queryParam("q", "1800:2100[dp]").get("/api/search").then().extract()
                .jsonPath().getLong("facets.publicationType.'" + rct + "'");
        given().queryParam("q", "1800:2100[dp]").get("/search").then().statusCode(200)
                .body(containsString("/search?q=1800%3A2100%5Bdp%5D+AND+%22Randomized+Controlled+Trial%22%5Bpt%5D"));
        given().queryParam("q", "1800:2100[dp] AND \"" + rct + "\"[pt]").get("/api/search").then()
                .body("total", equalTo((int) expected))
                .body("query", equalTo("1800:2100[dp] AND \"Randomized Controlled Trial\"[pt]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"relevance", "date", "oldest", "author", "journal"})
    void walkingEveryPageReturnsEachRecordExactlyOnce(String sort) {
        String q = "1800:2100[dp] OR pain OR stimulation";
        int total = given().queryParam("q", q).get("/api/search").then().extract().path("total");
        assertTrue(total >= 1_000, "a query of at least 1,000 hits, got " + total);
        Set<String> seen = new HashSet<>();
        int pages = (total + 99) / 100;
        for (int page = 1; page <= pages; page++) {
            List<String> pmids = given().queryParam("q", q).queryParam("sort", sort).queryParam("size", 100)
                    .queryParam("page", page).get("/api/search").then().statusCode(200)
                    .extract().jsonPath().getList("hits.pmid", String.class);
            for (String pmid : pmids) {
                assertTrue(seen.add(pmid), pmid + " came twice, sorting by " + sort);
            }
        }
        assertEquals(total, seen.size());
    }

    @Test
    void similarArticlesLeaveOutTheArticleItself() {
        given().queryParam("size", 5).get("/api/pubmed/90000001/similar").then().statusCode(200)
                .body("pmid", equalTo("90000001"))
                .body("hits", hasSize(5))
                .body("hits.pmid", everyItem(not(equalTo("90000001"))));
        given().get("/api/pubmed/1/similar").then().statusCode(404).body("error", containsString("PMID 1"));
        given().queryParam("size", 0).get("/api/pubmed/90000001/similar").then().statusCode(400);
        given().get("/articles/90000001").then().body(containsString("Similar articles"));
    }

    @Test
    void resultsSortByFirstAuthor() {
        given().queryParam("q", "90000001[pmid] OR 90000002[pmid] OR 90000003[pmid]").queryParam("sort", "author")
                .get("/api/search").then()
                .body("hits.pmid", contains("90000003", "90000001", "90000002")) // lefaucheur jp twice (newer PMID first), nguyen
                .body("sort", equalTo("author"));
    }
}
