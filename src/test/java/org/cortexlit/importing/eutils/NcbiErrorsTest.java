package org.cortexlit.importing.eutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer shape NCBI uses for errors, and the PubMed pages that must not be taken for one. */
class NcbiErrorsTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("efetch-page1.xml", NcbiErrors.Shape.PUBMED_XML, null, false),
                Arguments.of("efetch-page2.xml", NcbiErrors.Shape.PUBMED_XML, null, false),
                Arguments.of("efetch-page3.xml", NcbiErrors.Shape.PUBMED_XML, null, false),
                Arguments.of("esearch-1234.xml", NcbiErrors.Shape.ESEARCH_XML, null, false),
                Arguments.of("esearch-error.xml", NcbiErrors.Shape.ESEARCH_XML,
                        "Invalid query: unbalanced parentheses near 'motor cortex[tiab'", false),
                Arguments.of("efetch-session-expired.xml", NcbiErrors.Shape.EFETCH_ERROR, "Unable to obtain query #1", true),
                Arguments.of("efetch-retstart-limit.xml", NcbiErrors.Shape.EFETCH_ERROR,
                        "Search backend cannot retrieve history data. Reason: Exception: 'retstart' cannot be larger than"
                                + " 9998. For PubMed, ESearch can only retrieve the first 9,999 records matching the query.",
                        false),
                Arguments.of("rate-limit-429.json", NcbiErrors.Shape.JSON, "API rate limit exceeded", false),
                Arguments.of("bad-request-400.json", NcbiErrors.Shape.JSON,
                        "Invalid parameter: retmax must be a positive number", false),
                Arguments.of("ncbi-error.html", NcbiErrors.Shape.HTML, "NCBI - WWW Error 502 Server Error: Bad Gateway",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureIsSniffedAndItsMessageRead(String fixture, NcbiErrors.Shape shape, String message,
            boolean expired) {
        byte[] body = ReplayServer.read(fixture);

        assertEquals(shape, NcbiErrors.sniff(body, Math.min(body.length, 2048)));
        if (message != null) {
            assertEquals(message, NcbiErrors.message(body));
            assertEquals(expired, NcbiErrors.meansSessionExpired(NcbiErrors.message(body)));
        }
    }

    @Test
    void otherWordingsOfAnExpiredSessionAreRecognised() {
        assertTrue(NcbiErrors.meansSessionExpired(
                "Cannot retrieve history data. query_key: 1, WebEnv: MCID_5f93, retstart: 500, retmax: 500"));
        assertTrue(NcbiErrors.meansSessionExpired("WebEnv has expired"));
        assertTrue(NcbiErrors.meansSessionExpired("Invalid query_key"));
        assertFalse(NcbiErrors.meansSessionExpired("API rate limit exceeded"));
        assertFalse(NcbiErrors.meansSessionExpired(null));
    }

    @Test
    void anHtmlPageWithoutTitleGivesItsVisibleTextNotItsScripts() {
        byte[] page = "<html><head><script>var x = 1;</script></head><body><p>Service   unavailable</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals("Service unavailable", NcbiErrors.message(page));
    }

    @Test
    void aLongMessageIsShortened() {
        byte[] body = ("<eFetchResult><ERROR>" + "x".repeat(1000) + "</ERROR></eFetchResult>").getBytes(StandardCharsets.UTF_8);

        String m = NcbiErrors.message(body);
        assertEquals(300, m.length());
        assertTrue(m.endsWith("..."));
    }

    @Test
    void aByteOrderMarkAndWhitespaceBeforeThePageAreTolerated() {
        byte[] bom = "\uFEFF\n  <?xml version=\"1.0\"?><PubmedArticleSet/>".getBytes(StandardCharsets.UTF_8);

        assertEquals(NcbiErrors.Shape.PUBMED_XML, NcbiErrors.sniff(bom, bom.length));
    }

    @Test
    void anEmptyBodyIsNeitherAPageNorAMessage() {
        assertEquals(NcbiErrors.Shape.OTHER, NcbiErrors.sniff(new byte[0], 0));
        assertEquals(null, NcbiErrors.message(new byte[0]));
    }
}
