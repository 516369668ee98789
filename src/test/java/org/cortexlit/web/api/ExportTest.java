package org.cortexlit.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Result sets leave as CSV, RIS or MEDLINE; the MEDLINE export imports back to the same records. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ExportTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void corpus() {
        TestCorpus.reset(index);
        TestCorpus.upload("trials.xml").statusCode(201);
    }

    @Test
    void aMedlineExportImportsBackToTheSameRecords() {
        byte[] nbib = given().queryParam("q", "lefaucheur[au]").queryParam("format", "medline")
                .get("/api/search/export").then().statusCode(200)
                .header("Content-Disposition", containsString("cortexlit-lefaucheur-au-" + LocalDate.now(ZoneOffset.UTC) + ".nbib"))
                .header("X-Total-Count", "2")
                .extract().asByteArray();
        String before = given().get("/api/pubmed/90000001").then().extract().asString();

        TestCorpus.reset(index);
        TestCorpus.upload("export.nbib", nbib).statusCode(201)
                .body("format", equalTo("MEDLINE_TEXT")).body("created", equalTo(2)).body("failed", equalTo(0));
        given().get("/api/pubmed/90000001").then().statusCode(200)
                .body("title", equalTo(JsonPath.from(before).getString("title")))
                .body("doi", equalTo("10.9999/cortexlit.test.0001"))
                .body("abstract", startsWith("BACKGROUND: Central post-stroke pain resists drugs."))
                .body("authors", hasSize(3))
                .body("authors[2].collectiveName", equalTo("Cortical Stimulation Study Group"))
                .body("mesh.descriptor", contains("Transcranial Magnetic Stimulation", "Neuralgia", "Humans"))
                .body("publicationTypes", contains("Randomized Controlled Trial", "Journal Article"));
    }

    @Test
    void csvAndRisCarryEveryHitInTheSearchOrder() {
        String csv = given().queryParam("q", "pain OR stimulation").queryParam("format", "csv").queryParam("sort", "date")
                .get("/api/search/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("pmid,doi,title,authors,journal,year,volume,issue,pages,publication_types,mesh,abstract", lines[0]);
        assertTrue(lines[1].startsWith("90000003,"), lines[1]);
        assertTrue(csv.contains(",High-frequency rTMS of the primary motor cortex for central post-stroke pain: a sham-controlled crossover trial.,"),
                "a plain title is written as it is");
        assertTrue(csv.contains(",\"BACKGROUND: Central post-stroke pain resists drugs.\n\nMETHODS:"),
                "an abstract with line breaks is quoted");

        String ris = new String(given().queryParam("q", "90000001[pmid]").queryParam("format", "ris")
                .get("/api/search/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(ris.startsWith("TY  - JOUR\r\n"), ris);
        assertTrue(ris.contains("AU  - Lefaucheur, Jean-Pascal\r\n"), ris);
        assertTrue(ris.contains("DO  - 10.9999/cortexlit.test.0001\r\n"), ris);
        assertTrue(ris.contains("AN  - 90000001\r\n"), ris);
        assertTrue(ris.contains("SP  - 812\r\nEP  - 820\r\n"), ris);
        assertTrue(ris.endsWith("ER  - \r\n\r\n"), ris);
    }

    @Test
    void badExportRequestsSayWhatIsWrong() {
        given().queryParam("q", "pain").queryParam("format", "xls").get("/api/search/export").then().statusCode(400)
                .body("error", containsString("csv, ris or medline"));
        given().queryParam("q", "(pain").queryParam("format", "csv").get("/api/search/export").then().statusCode(400)
                .body("error", containsString("parenthesis"));
        given().queryParam("q", "pain").queryParam("format", "csv").queryParam("max", 0).get("/api/search/export")
                .then().statusCode(400);
    }
}
