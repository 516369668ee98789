package org.cortexlit.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchPasses;
import org.cortexlit.search.SearchService;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.cortexlit.TestCorpus.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Search over HTTP: syntax errors are 400s that say what is wrong, paging and sorting behave. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class SearchApiTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        upload("trials.xml").statusCode(201);
    }

    @Test
    void aMalformedQueryGetsA400ThatSaysWhatIsWrong() {
        given().queryParam("q", "(rTMS AND pain").get("/api/search").then().statusCode(400)
                .body("error", containsString("parenthesis"));
        given().queryParam("q", "pain[xyz]").get("/api/search").then().statusCode(400)
                .body("error", containsString("[xyz]"));
        given().queryParam("q", "pain").queryParam("sort", "random").get("/api/search").then().statusCode(400)
                .body("error", containsString("sort"));
        given().queryParam("q", "pain").queryParam("size", "1000").get("/api/search").then().statusCode(400)
                .body("error", containsString("size"));
        given().queryParam("q", "pain").queryParam("page", "x").get("/api/search").then().statusCode(400);
    }

    @Test
    void theSearchPageShowsTheProblemInsteadOfFailing() {
        given().queryParam("q", "\"unclosed").get("/search").then().statusCode(200)
                .body(containsString("could not be run"));
    }

    @Test
    void pagesWalkEveryHitOnceInAStableOrder() {
        given().queryParam("q", "pain OR stimulation").queryParam("size", 2).get("/api/search").then()
                .body("total", equalTo(3)).body("hits", hasSize(2)).body("page", equalTo(1));
        given().queryParam("q", "pain OR stimulation").queryParam("size", 2).queryParam("page", 2).get("/api/search").then()
                .body("hits", hasSize(1));
        given().queryParam("q", "2000:2030[dp]").queryParam("sort", "date").get("/api/search").then()
                .body("hits.pmid", contains("90000003", "90000001", "90000002"))
                .body("sort", equalTo("date"));
    }

    @Test
    void amongEqualMatchesTheNewerTrialRanksFirst() {
        String twin = """
                <PubmedArticleSet>
                <PubmedArticle><MedlineCitation><PMID>90000052</PMID><Article><Journal><Title>J</Title><JournalIssue><PubDate><Year>1998</Year></PubDate></JournalIssue></Journal>
                <ArticleTitle>Zygomatic neuralgia twin record.</ArticleTitle><PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList></Article></MedlineCitation></PubmedArticle>
                <PubmedArticle><MedlineCitation><PMID>90000051</PMID><Article><Journal><Title>J</Title><JournalIssue><PubDate><Year>2022</Year></PubDate></JournalIssue></Journal>
                <ArticleTitle>Zygomatic neuralgia twin record.</ArticleTitle><PublicationTypeList><PublicationType>Randomized Controlled Trial</PublicationType></PublicationTypeList></Article></MedlineCitation></PubmedArticle>
                </PubmedArticleSet>""";
        TestCorpus.upload("twins.xml", twin.getBytes(StandardCharsets.UTF_8)).statusCode(201);
        // equal text: without the boost the tie-break (higher PMID first) would put the 1998 record first
        given().queryParam("q", "zygomatic neuralgia").get("/api/search").then()
                .body("hits.pmid", contains("90000051", "90000052"));
        given().queryParam("q", "zygomatic neuralgia").queryParam("sort", "oldest").get("/api/search").then()
                .body("hits.pmid", contains("90000052", "90000051"));
    }

    @Inject
    SearchService search;

    @Test
    void countsAreKeptForOneIndexStateAndRedoneAfterAChange() {
        String twin = """
                <PubmedArticleSet>
                <PubmedArticle><MedlineCitation><PMID>90000061</PMID><Article><Journal><Title>J</Title><JournalIssue><PubDate><Year>2021</Year></PubDate></JournalIssue></Journal>
                <ArticleTitle>Xylophonic neuralgia, first of two.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
                </PubmedArticleSet>""";
        TestCorpus.upload("first.xml", twin.getBytes(StandardCharsets.UTF_8)).statusCode(201);
        given().queryParam("q", "xylophonic").get("/api/search").then().body("total", equalTo(1))
                .body("facets.year.'2021'", equalTo(1));
        SearchPasses passes = new SearchPasses(search, null);
        long hitsBefore = passes.countCacheStats()[0];
        given().queryParam("q", "xylophonic").queryParam("sort", "date").get("/api/search").then().body("total", equalTo(1));
        Assertions.assertEquals(hitsBefore + 1, passes.countCacheStats()[0],
                "the same query on the same index state reuses its counts");

        TestCorpus.upload("second.xml", twin.replace("90000061", "90000062").replace("2021", "2022")
                .replace("first", "second").getBytes(StandardCharsets.UTF_8)).statusCode(201);
        given().queryParam("q", "xylophonic").get("/api/search").then().body("total", equalTo(2))
                .body("facets.year.'2022'", equalTo(1)).body("hits", hasSize(2));
    }

    @Test
    void theNormalisedQueryIsReturned() {
        given().queryParam("q", "rtms[TIAB]  AND pain").get("/api/search").then().statusCode(200)
                .body("query", equalTo("rtms[tiab] AND pain"));
    }
}
