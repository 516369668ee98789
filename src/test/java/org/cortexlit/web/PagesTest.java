package org.cortexlit.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.TestCorpus;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML pages a person uses: home, the upload form (Post/Redirect/Get), run pages. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class PagesTest {

    @Inject
    SearchIndex index;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void emptyCorpus() {
        TestCorpus.reset(index);
    }

    @Test
    void uploadingThroughTheFormRedirectsToTheRunPage() {
        String location = given().redirects().follow(false).multiPart("csrf-token", TestCorpus.csrf())
                .multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml"), "text/xml")
                .post("/imports").then().statusCode(303)
                .header("Location", matchesPattern(".*/imports/\\d+$"))
                .extract().header("Location");
        given().get(location).then().statusCode(200)
                .body(containsString("trials.xml")).body(containsString("SUCCEEDED"))
                .body(containsString("<td id=\"created\">3</td>"));
        given().get("/imports").then().statusCode(200).body(containsString("trials.xml"))
                .body(containsString("Rebuild the search index"));
        given().get("/").then().statusCode(200).body(containsString("<strong id=\"article-count\">3</strong>"));
    }

    @Test
    void theRunPageListsSkippedRecords() {
        int id = TestCorpus.upload("bad-records.xml").statusCode(201).extract().path("id");
        given().get("/imports/" + id).then().statusCode(200)
                .body(containsString("Skipped records")).body(containsString("no PMID"));
    }

    @Test
    void theFormWithoutAFileExplainsWhatToDo() {
        given().redirects().follow(false).multiPart("csrf-token", TestCorpus.csrf()).multiPart("file", "", new byte[0]).post("/imports").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashError());
    }

    @Test
    void anUploadOverTheLimitGetsA413BeforeItIsRead() throws IOException {
        // A raw request that announces 5 GB: the server must refuse it from the headers alone.
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: 5000000000\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                response.write(buf, 0, n);
                if (response.toString(StandardCharsets.UTF_8).contains("max-upload-size")) {
                    break;
                }
            }
            String text = response.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 413"), text);
            assertTrue(text.contains("cortexlit.import.max-upload-size"), text);
        }
    }
}
