package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.cortexlit.TestCorpus;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.library.Article;
import org.cortexlit.library.Tag;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.SearchIndex;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reviewers find studies by the tags they gave them ({@code controlled[design] AND M1[target]}) and see how many
 * studies carry each value, counted exactly as the database counts them, before and after an index rebuild.
 * Tags are written straight into the database here, as the screening service will (edit {@code Article.tags}
 * and {@code updatedAt} in a transaction, then re-index the article).
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class TagSearchTest {

    private static final Logger LOG = Logger.getLogger(TagSearchTest.class);

    static final int GENERATED = 240;
    /** Every article but PMID 1 (there is none): a query that matches the whole visible corpus. */
    static final String EVERYTHING = "NOT 1[pmid]";

    @Inject
    SearchIndex index;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void taggedCorpus() throws Exception {
        TestCorpus.reset(index);
        upload("trials.xml").statusCode(201);
        Path file = Files.createTempFile("generated", ".xml");
        new CorpusGenerator(7).writePubmedXml(file, GENERATED, 96_000_000L, false);
        upload("generated.xml", Files.readAllBytes(file)).statusCode(201).body("created", equalTo(GENERATED));
        Files.delete(file);
        QuarkusTransaction.requiringNew().run(() -> {
            tag("90000001", "design", "controlled", "target", "M1", "target", "premotor/SMA", "modality", "deep TMS",
                    "sessions", "10", "intensity", "90", "condition", "central post-stroke pain");
            tag("90000002", "design", "uncontrolled", "target", "M1", "modality", "epidural MCS");
            tag("90000003", "design", "review", "target", "DLPFC", "modality", "theta-burst");
            // the generated articles, by id: a design for each, one or two targets for some, no frequency at all
            var em = Article.getEntityManager();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'design', "
                    + "case mod(id, 3) when 0 then 'controlled' when 1 then 'uncontrolled' else 'review' end "
                    + "from article where pmid like '96%'").executeUpdate();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'target', 'M1' "
                    + "from article where pmid like '96%' and mod(id, 2) = 0").executeUpdate();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'target', 'DLPFC' "
                    + "from article where pmid like '96%' and mod(id, 5) = 0").executeUpdate();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'modality', "
                    + "case when mod(id, 7) = 0 then 'deep TMS' else 'rTMS' end "
                    + "from article where pmid like '96%' and mod(id, 4) = 0").executeUpdate();
            em.createNativeQuery("insert into article_tag (article_id, dimension, tag_value) select id, 'sessions', '10' "
                    + "from article where pmid like '96%' and mod(id, 6) = 0").executeUpdate();
            em.createQuery("update Article a set a.updatedAt = :now").setParameter("now", Instant.now()).executeUpdate();
        });
        index.rebuild("test: tags written to the database");
        upload("delete.xml").statusCode(201); // withdraws 90000002: its tags stay in the database, out of search
    }

    /** Replaces the article's tags with the (dimension, value) pairs, as Tagging does, and returns the article. */
    private static Article tag(String pmid, String... dimensionValuePairs) {
        Article a = Article.findByPmid(pmid).orElseThrow();
        a.tags.clear();
        for (int i = 0; i < dimensionValuePairs.length; i += 2) {
            a.tags.add(new Tag(dimensionValuePairs[i], dimensionValuePairs[i + 1]));
        }
        a.updatedAt = Instant.now();
        return a;
    }

    /** The PMIDs a search finds, ascending (all of them: the tests' answers stay under a page of 100). */
    private static List<String> pmids(String q) {
        return given().queryParam("q", q).queryParam("size", 100).get("/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.pmid", String.class).stream()
                .sorted(Comparator.comparingLong(Long::parseLong)).toList();
    }

    /** PMIDs of visible articles carrying every one of the (dimension, value) pairs, from the database. */
    private static List<String> pmidsInDatabase(String... dimensionValuePairs) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder sql = new StringBuilder("select a.pmid from article a where a.withdrawn = false");
            for (int i = 0; i < dimensionValuePairs.length; i += 2) {
                sql.append(" and exists (select 1 from article_tag t where t.article_id = a.id and t.dimension = '")
                        .append(dimensionValuePairs[i]).append("' and t.tag_value = '").append(dimensionValuePairs[i + 1])
                        .append("')");
            }
            sql.append(" order by cast(a.pmid as bigint)");
            @SuppressWarnings("unchecked")
            List<String> rows = Article.getEntityManager().createNativeQuery(sql.toString()).getResultList();
            return rows;
        });
    }

    /** dimension -> value -> number of visible articles, counted by the database. */
    private static Map<String, Map<String, Long>> countsInDatabase() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Article.getEntityManager().createNativeQuery("select t.dimension, t.tag_value, count(*) "
                    + "from article_tag t join article a on a.id = t.article_id where a.withdrawn = false "
                    + "group by t.dimension, t.tag_value").getResultList();
            for (Object[] row : rows) {
                counts.computeIfAbsent((String) row[0], d -> new TreeMap<>()).put((String) row[1], ((Number) row[2]).longValue());
            }
            return counts;
        });
    }

    /** The tag facets of a search over everything, in the shape of {@link #countsInDatabase}. */
    private static Map<String, Map<String, Long>> tagFacets() {
        JsonPath json = given().queryParam("q", EVERYTHING).queryParam("size", 1).get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Long>> facets = new TreeMap<>();
        for (TagDimension d : TagDimension.values()) {
            Map<String, Object> values = json.getMap("facets." + d.key);
            assertTrue(values != null, "facets." + d.key + " is always there, empty when nobody used it");
            if (!values.isEmpty()) {
                Map<String, Long> m = new TreeMap<>();
                values.forEach((v, n) -> m.put(v, ((Number) n).longValue()));
                facets.put(d.key, m);
            }
        }
        return facets;
    }

    @Test
    void searchingByTagFindsExactlyTheTaggedStudies() {
        List<String> controlledM1 = pmidsInDatabase("design", "controlled", "target", "M1");
        assertTrue(controlledM1.size() > 10 && controlledM1.contains("90000001"), "a real answer: " + controlledM1);
        given().queryParam("q", "controlled[Design] AND m1[TARGET]").queryParam("size", 100).get("/api/search").then()
                .statusCode(200)
                .body("query", equalTo("controlled[design] AND M1[target]")) // the vocabulary's spelling
                .body("total", equalTo(controlledM1.size()));
        assertEquals(controlledM1, pmids("controlled[design] AND M1[target]"));

        assertEquals(List.of("90000001"), pmids("premotor/SMA[target]"));
        assertEquals(List.of("90000001"), pmids("\"central post-stroke pain\"[condition] AND 90%[intensity]"));
        assertEquals(pmidsInDatabase("modality", "deep TMS"), pmids("\"deep TMS\"[modality]"));
        assertTrue(pmids("\"deep TMS\"[modality]").contains("90000001"));
        assertEquals(pmidsInDatabase("sessions", "10"), pmids("10[sessions]"));
        assertEquals(List.of("90000003"), pmids("theta-burst[modality]"));
        assertEquals(List.of(), pmids("\"epidural MCS\"[modality]"), "the only one is withdrawn");
        assertFalse(pmids("premotor").contains("90000001"), "an untagged word searches the text, not the tags");
        given().queryParam("q", "ten[sessions]").get("/api/search").then().statusCode(400)
                .body("error", containsString("Invalid value 'ten' for [sessions] at position 0"));
    }

    @Test
    void tagFacetCountsMatchTheDatabase() {
        Map<String, Map<String, Long>> database = countsInDatabase();
        assertEquals(index.numDocs(), database.get("design").values().stream().mapToLong(Long::longValue).sum(),
                "every visible article has one design: " + database.get("design"));
        assertFalse(database.containsKey("frequency"));
        assertEquals(database, tagFacets());
        given().queryParam("q", EVERYTHING).get("/api/search").then().body("facets.frequency", anEmptyMap());
    }

    @Test
    void facetsCountWithinTheResults() {
        JsonPath json = given().queryParam("q", "M1[target]").queryParam("size", 1).get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        long m1 = pmidsInDatabase("target", "M1").size();
        assertEquals(m1, json.getLong("total"));
        assertEquals(m1, json.getLong("facets.target.M1"));
        assertEquals(pmidsInDatabase("target", "M1", "design", "review").size(), json.getLong("facets.design.review"));
        assertEquals(pmidsInDatabase("target", "M1", "target", "DLPFC").size(), json.getLong("facets.target.DLPFC"));
    }

    @Test
    void aRebuiltIndexGivesTheSameAnswers() {
        Map<String, Map<String, Long>> facets = tagFacets();
        List<String> answers = pmids("controlled[design] OR \"deep TMS\"[modality] NOT DLPFC[target]");
        assertNull(index.staleReason());

        index.rebuild("test: same answers");

        assertNull(index.staleReason());
        assertEquals(facets, tagFacets());
        assertEquals(answers, pmids("controlled[design] OR \"deep TMS\"[modality] NOT DLPFC[target]"));
        assertEquals(countsInDatabase(), tagFacets());
    }

    @Test
    void aTagChangeAppliedAfterItsTransactionIsSearchableAndKeepsTheIndexCurrent() {
        assertEquals(List.of(), pmids("ACC[target]"));
        // the way the screening service re-indexes: the document is built while the article is attached,
        // applied and committed once the transaction has committed
        Object[] change = QuarkusTransaction.requiringNew().call(() -> {
            Article a = tag("90000003", "design", "review", "target", "ACC", "target", "insula", "frequency", "low");
            return new Object[]{ArticleDocuments.toDocument(a), a.updatedAt};
        });
        index.apply(List.of((Document) change[0]), List.of(), (Instant) change[1]);
        index.commit();

        assertEquals(List.of("90000003"), pmids("acc[target] AND insula[target] AND low[frequency]"));
        assertEquals(List.of(), pmids("90000003[pmid] AND DLPFC[target]"), "the old value is gone");
        assertNull(index.staleReason(), "the index stamp follows the tag change's updatedAt");
        assertEquals(countsInDatabase(), tagFacets());
    }

    @Test
    void theSidebarShowsTagFacetsThatNarrowTheQuery() {
        String page = given().queryParam("q", "M1[target]").get("/search").then().statusCode(200)
                .body(containsString("<section class=\"facet facet-target\">"))
                .body(containsString("<h2>Cortical target</h2>"))
                .body(containsString("<section class=\"facet facet-modality\">"))
                // a value with a space is quoted, one with '/' is not
                .body(containsString("/search?q=M1%5Btarget%5D+AND+%22deep+TMS%22%5Bmodality%5D"))
                .body(containsString("/search?q=M1%5Btarget%5D+AND+premotor%2FSMA%5Btarget%5D"))
                .body(not(containsString("facet-frequency\"")))
                .extract().asString();
        assertTrue(page.contains("Study design"), "the design facet is shown");
        long narrowed = pmidsInDatabase("target", "M1", "modality", "deep TMS").size();
        given().queryParam("q", "M1[target] AND \"deep TMS\"[modality]").get("/api/search").then()
                .body("total", equalTo((int) narrowed))
                .body("query", equalTo("M1[target] AND \"deep TMS\"[modality]"));
    }

    @Test
    void rebuildingReadsTagsInBatchesNotOneQueryPerArticle() {
        Statistics stats = sessionFactory.getStatistics();
        boolean wasEnabled = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        try {
            stats.clear();
            index.rebuild("test: count the queries");
            long statements = stats.getPrepareStatementCount();
            long articles = index.numDocs();
            LOG.infof("Rebuilding %d articles took %d SQL statements", articles, statements);
            assertTrue(articles > 200, "enough articles to tell batches from one query each: " + articles);
            // a page of articles, then a few batched loads per collection (authors, MeSH, ..., tags)
            assertTrue(statements < articles / 4, statements + " statements to rebuild " + articles + " articles");
        } finally {
            stats.setStatisticsEnabled(wasEnabled);
        }
    }
}
