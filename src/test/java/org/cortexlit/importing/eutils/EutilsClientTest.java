package org.cortexlit.importing.eutils;

import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.cortexlit.importing.eutils.ReplayServer.Reply;
import org.cortexlit.importing.eutils.ReplayServer.Seen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.cortexlit.importing.eutils.ReplayServer.Reply.fixture;
import static org.cortexlit.importing.eutils.ReplayServer.Reply.ok;
import static org.cortexlit.importing.eutils.ReplayServer.inOrder;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a local replay of E-utilities; never the real NCBI. */
class EutilsClientTest {

    private static final String TERM = "rTMS[tiab] AND \"neuropathic pain\"[mh] & (motor cortex)";
    private static final String KEY = "0123456789abcdef0123456789abcdef0123";

    private final FakeTime time = new FakeTime();
    private ReplayServer ncbi;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        ncbi = new ReplayServer(time);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        ncbi.close();
    }

    private EutilsSettings settings(String apiKey, int maxRetries, Duration timeout) {
        return new EutilsSettings(ncbi.baseUrl(), "cortexlit", "curator@example.org", apiKey, 500, timeout, maxRetries,
                Duration.ofMillis(200));
    }

    private EutilsClient client(String apiKey) {
        return client(settings(apiKey, 3, Duration.ofSeconds(5)));
    }

    private EutilsClient keyless() {
        return client((String) null);
    }

    private EutilsClient client(EutilsSettings s) {
        return new EutilsClient(s, http, time, time);
    }

    private static Reply page(int retstart) {
        return ok("efetch-page" + (retstart / 500 + 1) + ".xml");
    }

    /** What our import does with a page: read it with the PubMed XML reader, keep the PMIDs. */
    private static PageConsumer pmidsInto(List<String> pmids) {
        return in -> {
            try (RecordReader reader = RecordReaders.open(in)) {
                for (ReadEvent e = reader.next(); e != null; e = reader.next()) {
                    if (e instanceof ReadEvent.Parsed p) {
                        pmids.add(p.record().pmid());
                    }
                }
            }
        };
    }

    private static final SearchResult SESSION = new SearchResult(1234, "MCID_91a0b2c3d4e5f60718293a4b", "1", List.of(),
            List.of());

    @Test
    void aWeeklyRunSearchesTheWindowThenFetchesThreePagesWithEveryParameterNcbiAsksFor() throws Exception {
        ncbi.on("esearch", inOrder(ok("esearch-1234.xml")));
        ncbi.on("efetch", seen -> page(Integer.parseInt(seen.param("retstart"))));
        EutilsClient client = client(KEY);

        SearchResult search = client.search(TERM, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 12));
        assertEquals(1234, search.count(), "the total, not a per-term Count from the TranslationStack");
        assertEquals("MCID_91a0b2c3d4e5f60718293a4b", search.webEnv());
        assertEquals("1", search.queryKey());
        assertTrue(search.errors().isEmpty());

        List<String> pmids = new ArrayList<>();
        for (int retstart : FetchPlan.of(search, client.settings().pageSize())) {
            client.fetchPage(search, retstart, pmidsInto(pmids));
        }

        assertEquals(List.of("91000001", "91000002", "91000003", "91000004", "91000005", "91000006", "91000007",
                "91000008"), pmids);
        Seen esearch = ncbi.seen("esearch").get(0);
        assertEquals("GET", esearch.method());
        assertEquals(Map.ofEntries(Map.entry("db", "pubmed"), Map.entry("term", TERM), Map.entry("usehistory", "y"),
                Map.entry("retmax", "0"), Map.entry("retmode", "xml"), Map.entry("datetype", "edat"),
                Map.entry("mindate", "2025/01/06"), Map.entry("maxdate", "2025/01/12"), Map.entry("tool", "cortexlit"),
                Map.entry("email", "curator@example.org"), Map.entry("api_key", KEY)), esearch.params());
        List<Seen> efetches = ncbi.seen("efetch");
        assertEquals(List.of("0", "500", "1000"), ReplayServer.retstarts(efetches));
        for (Seen f : efetches) {
            assertEquals("pubmed", f.param("db"));
            assertEquals("MCID_91a0b2c3d4e5f60718293a4b", f.param("WebEnv"));
            assertEquals("1", f.param("query_key"));
            assertEquals("500", f.param("retmax"));
            assertEquals("xml", f.param("retmode"));
            assertEquals("abstract", f.param("rettype"));
            assertEquals("cortexlit", f.param("tool"));
            assertEquals("curator@example.org", f.param("email"));
            assertEquals(KEY, f.param("api_key"));
        }
    }

    @Test
    void withoutAKeyOrAWindowNoKeyAndNoDatesAreSent() throws Exception {
        ncbi.on("esearch", inOrder(ok("esearch-1234.xml")));

        keyless().search("motor cortex stimulation", null, null);

        Map<String, String> params = ncbi.seen("esearch").get(0).params();
        assertFalse(params.containsKey("api_key"));
        assertFalse(params.containsKey("mindate"));
        assertFalse(params.containsKey("maxdate"));
        assertFalse(params.containsKey("datetype"));
        assertEquals("cortexlit", params.get("tool"));
    }

    @Test
    void anOpenEndedWindowRunsToTodayOnTheClientsClock() throws Exception {
        ncbi.on("esearch", inOrder(ok("esearch-1234.xml")));

        keyless().search("rTMS", LocalDate.of(2025, 1, 6), null);

        Seen s = ncbi.seen("esearch").get(0);
        assertEquals("2025/01/06", s.param("mindate"));
        assertEquals("2025/01/13", s.param("maxdate"));
    }

    @Test
    void requestsStartAtLeastAThirdOfASecondApartWithoutAKeyAndATenthWithOne() throws Exception {
        ncbi.on("efetch", seen -> ok("efetch-page1.xml"));
        for (String key : new String[] {null, KEY}) {
            EutilsClient client = client(key);
            int before = ncbi.seen().size();
            for (int i = 0; i < 5; i++) {
                client.fetchPage(SESSION, i * 500, in -> in.transferTo(OutputStream.nullOutputStream()));
            }
            List<Seen> seen = ncbi.seen().subList(before, before + 5);
            Duration min = key == null ? Duration.ofMillis(333) : Duration.ofMillis(100);
            for (int i = 1; i < seen.size(); i++) {
                Duration gap = Duration.between(seen.get(i - 1).at(), seen.get(i).at());
                assertTrue(gap.compareTo(min) >= 0, "gap " + gap + " below " + min + " (key " + (key != null) + ")");
            }
            time.advance(Duration.ofSeconds(5));
        }
    }

    @Test
    void onTheRealClockFourRequestsAtThreePerSecondTakeAtLeastOneSecond() throws Exception {
        ncbi.on("esearch", seen -> ok("esearch-1234.xml"));
        EutilsClient client = new EutilsClient(settings(null, 0, Duration.ofSeconds(5)), http, Clock.systemUTC(),
                Sleeper.REAL);

        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            client.search("rTMS", null, null);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0, "4 requests at 3/s took only " + took);
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() throws Exception {
        ncbi.on("esearch", inOrder(fixture(429, "rate-limit-429.json").withHeader("Retry-After", "1"),
                ok("esearch-1234.xml")));

        SearchResult search = keyless().search("rTMS", null, null);

        assertEquals(1234, search.count());
        assertEquals(2, ncbi.seen("esearch").size());
        assertTrue(time.sleeps().contains(Duration.ofSeconds(1)),
                "Retry-After: 1 outweighs the 200 ms backoff: " + time.sleeps());
    }

    @Test
    void serverErrorsTwiceThenSuccessBacksOffExponentially() throws Exception {
        ncbi.on("efetch", inOrder(fixture(500, "ncbi-error.html"), fixture(503, "ncbi-error.html"),
                ok("efetch-page2.xml")));
        List<String> pmids = new ArrayList<>();

        keyless().fetchPage(SESSION, 500, pmidsInto(pmids));

        assertEquals(List.of("91000004", "91000005", "91000006"), pmids, "the page reached the consumer once");
        assertEquals(3, ncbi.seen("efetch").size());
        List<Duration> sleeps = time.sleeps();
        assertTrue(sleeps.contains(Duration.ofMillis(200)) && sleeps.contains(Duration.ofMillis(400)), sleeps.toString());
    }

    @Test
    void aBadRequestFailsAtOnceNamingTheRequestAndQuotingNcbi() {
        ncbi.on("efetch", inOrder(fixture(400, "bad-request-400.json"), ok("efetch-page1.xml")));

        EutilsException e = assertThrows(EutilsException.class,
                () -> keyless().fetchPage(SESSION, 1000, in -> in.readAllBytes()));

        assertEquals(1, ncbi.seen("efetch").size(), "a 400 is not retried");
        assertEquals(EutilsException.Kind.REJECTED, e.kind());
        assertEquals(400, e.httpStatus());
        assertEquals(1000, e.retstart());
        assertEquals("efetch retstart=1000 was refused with HTTP 400; NCBI said: "
                + "\"Invalid parameter: retmax must be a positive number\"", e.getMessage());
        assertTrue(time.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofMillis(200)) < 0), "no backoff");
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsRetried() throws Exception {
        // Timeouts of a second, not less: other builds share this machine and a busy local answer must not time out.
        ncbi.on("efetch", inOrder(ok("efetch-page1.xml").after(Duration.ofSeconds(4)), ok("efetch-page1.xml")));
        EutilsClient client = client(settings(null, 2, Duration.ofSeconds(1)));
        List<String> pmids = new ArrayList<>();

        client.fetchPage(SESSION, 0, pmidsInto(pmids));

        assertEquals(List.of("91000001", "91000002", "91000003"), pmids);
        assertEquals(2, ncbi.seen("efetch").size());
    }

    @Test
    void aConnectionThatGoesQuietPartWayThroughAPageFailsInsteadOfHanging() {
        ncbi.on("efetch", inOrder(ok("efetch-page1.xml").stallingFor(Duration.ofSeconds(8)), ok("efetch-page1.xml")));
        EutilsClient client = client(settings(null, 2, Duration.ofSeconds(1)));
        List<String> pmids = new ArrayList<>();

        long start = System.nanoTime();
        EutilsException e = assertThrows(EutilsException.class, () -> client.fetchPage(SESSION, 0, pmidsInto(pmids)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up after " + took + ", not after the 8 s stall");
        assertEquals(EutilsException.Kind.PAGE_INCOMPLETE, e.kind(), "the reader had part of the page: resume, not retry");
        assertTrue(e.getMessage().contains("NCBI sent nothing for 1000 ms"), e.getMessage());
        assertEquals(1, ncbi.seen("efetch").size());
    }

    @Test
    void timeoutsOnEveryAttemptFailWithTheTimeoutInTheMessage() {
        ncbi.on("esearch", seen -> ok("esearch-1234.xml").after(Duration.ofSeconds(2)));
        EutilsClient client = client(settings(null, 1, Duration.ofMillis(200)));

        EutilsException e = assertThrows(EutilsException.class, () -> client.search("rTMS", null, null));

        assertEquals(EutilsException.Kind.RETRIES_EXHAUSTED, e.kind());
        assertTrue(e.getMessage().startsWith("esearch for \"rTMS\" failed after 2 attempts; last: no answer within 200 ms"),
                e.getMessage());
    }

    @Test
    void aRunThatFailsMidWayResumesAtTheNextPageWithoutFetchingAPageTwice() throws Exception {
        // Page 500 keeps failing through this run's retries; the next run finds NCBI healthy again.
        boolean[] healthy = {false};
        ncbi.on("efetch", seen -> {
            int retstart = Integer.parseInt(seen.param("retstart"));
            return retstart == 500 && !healthy[0] ? fixture(502, "ncbi-error.html") : page(retstart);
        });
        EutilsClient client = client(settings(null, 1, Duration.ofSeconds(5)));
        List<String> pmids = new ArrayList<>();
        int lastCompleted = -1;

        EutilsException failure = null;
        try {
            for (int retstart : FetchPlan.of(SESSION, 500)) {
                client.fetchPage(SESSION, retstart, pmidsInto(pmids));
                lastCompleted = retstart;
            }
        } catch (EutilsException e) {
            failure = e;
        }
        assertEquals(0, lastCompleted);
        assertEquals(500, failure.retstart());
        assertTrue(failure.getMessage().contains("NCBI said: \"NCBI - WWW Error 502 Server Error: Bad Gateway\""),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("resume from retstart 500"), failure.getMessage());

        healthy[0] = true;
        for (int retstart : FetchPlan.resumeAfter(SESSION, 500, lastCompleted)) {
            client.fetchPage(SESSION, retstart, pmidsInto(pmids));
            lastCompleted = retstart;
        }

        assertEquals(1000, lastCompleted);
        assertEquals(8, pmids.size());
        assertEquals(8, pmids.stream().distinct().count(), "no record delivered twice: " + pmids);
        assertEquals(List.of("0", "500", "500", "500", "1000"), ReplayServer.retstarts(ncbi.seen("efetch")),
                "page 0 once; page 500 failed twice, then was served once on resume; page 1000 once");
    }

    @Test
    void anEsearchErrorIsInTheExceptionWithThePhraseNcbiDidNotFind() {
        ncbi.on("esearch", inOrder(ok("esearch-error.xml")));

        EutilsException e = assertThrows(EutilsException.class,
                () -> keyless().search("(motor cortex[tiab AND xyzzyqtms", null, null));

        assertEquals(EutilsException.Kind.REJECTED, e.kind());
        assertEquals(1, ncbi.seen("esearch").size(), "a bad query is not retried");
        assertEquals("esearch for \"(motor cortex[tiab AND xyzzyqtms\" was refused; NCBI said: \"Invalid query: "
                + "unbalanced parentheses near 'motor cortex[tiab'; phrase not found: xyzzyqtms; field not found: tiabb\""
                + "; check the query in PubMed's own search box", e.getMessage());
    }

    @Test
    void phrasesNotFoundBesideResultsAreReportedNotThrown() throws Exception {
        ncbi.on("esearch", inOrder(ok("esearch-phrase-not-found.xml")));

        SearchResult r = keyless().search("\"motor cortex stimulation\" OR xyzzyqtms", null, null);

        assertEquals(3, r.count());
        assertEquals(List.of("phrase not found: xyzzyqtms"), r.errors());
        assertEquals(List.of("quoted phrase not found: \"epidural xyzzyq\"", "Quoted phrase not found."), r.warnings());
    }

    @Test
    void aSearchThatFindsNothingIsAnEmptyResultWithNcbisReason() throws Exception {
        ncbi.on("esearch", inOrder(ok("esearch-nothing-found.xml")));

        SearchResult r = keyless().search("xyzzyqtms", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 12));

        assertEquals(0, r.count());
        assertNull(r.webEnv(), "NCBI keeps no history for an empty search");
        assertEquals(List.of("phrase not found: xyzzyqtms"), r.errors());
        assertTrue(FetchPlan.of(r, 500).isEmpty());
    }

    @Test
    void anEsearchAnswerDeclaringExternalEntitiesIsNeverResolved() {
        ncbi.on("esearch", seen -> ok("esearch-xxe.xml"));
        EutilsClient client = client(settings(null, 1, Duration.ofSeconds(5)));

        EutilsException e = assertThrows(EutilsException.class, () -> client.search("rTMS", null, null));

        assertEquals(EutilsException.Kind.RETRIES_EXHAUSTED, e.kind());
        assertTrue(e.getMessage().contains("unreadable esearch XML"), e.getMessage());
        assertTrue(e.getMessage().contains("\"secret\""), "the undeclared entity is named: " + e.getMessage());
        String host = Files.exists(Path.of("/etc/hostname"))
                ? assertDoesNotThrow(() -> Files.readString(Path.of("/etc/hostname")).strip())
                : "";
        assertTrue(host.isEmpty() || !e.getMessage().contains(host), "the file was never read: " + e.getMessage());
    }

    @Test
    void anExpiredSessionIsRecognisedAndNotRetried() {
        ncbi.on("efetch", inOrder(ok("efetch-session-expired.xml"), ok("efetch-page2.xml")));
        List<String> pmids = new ArrayList<>();

        EutilsException e = assertThrows(EutilsException.class,
                () -> keyless().fetchPage(SESSION, 500, pmidsInto(pmids)));

        assertTrue(e.isSessionExpired());
        assertEquals(1, ncbi.seen("efetch").size());
        assertTrue(pmids.isEmpty(), "the error body never reaches the PubMed reader");
        assertEquals("efetch retstart=500: NCBI no longer knows this search session (WebEnv/query_key); NCBI said: "
                + "\"Unable to obtain query #1\"; run esearch again and resume from retstart 500", e.getMessage());
    }

    @Test
    void theRetstartCeilingIsNotMistakenForAnExpiredSession() {
        ncbi.on("efetch", inOrder(fixture(400, "efetch-retstart-limit.xml")));

        EutilsException e = assertThrows(EutilsException.class,
                () -> keyless().fetchPage(SESSION, 10000, in -> in.readAllBytes()));

        assertFalse(e.isSessionExpired());
        assertEquals(EutilsException.Kind.TOO_MANY_RECORDS, e.kind());
        assertTrue(e.getMessage().contains("split the date window"), e.getMessage());
    }

    @Test
    void anHtmlPageWithStatus200IsRetriedAndNeverReachesTheConsumer() throws Exception {
        ncbi.on("efetch", inOrder(fixture(200, "ncbi-error.html"), ok("efetch-page3.xml")));
        List<String> pmids = new ArrayList<>();

        keyless().fetchPage(SESSION, 1000, pmidsInto(pmids));

        assertEquals(List.of("91000007", "91000008"), pmids);
        assertEquals(2, ncbi.seen("efetch").size());
    }

    @Test
    void aConsumerFailurePartWayReportsTheIncompletePageAndDoesNotRetry() {
        ncbi.on("efetch", seen -> ok("efetch-page1.xml"));

        EutilsException e = assertThrows(EutilsException.class, () -> keyless().fetchPage(SESSION, 0, in -> {
            in.readNBytes(100);
            throw new IOException("disk full");
        }));

        assertEquals(EutilsException.Kind.PAGE_INCOMPLETE, e.kind());
        assertEquals(1, ncbi.seen("efetch").size(), "the consumer saw part of the page; a retry would repeat it");
        assertTrue(e.getMessage().contains("disk full") && e.getMessage().contains("resume from retstart 0"),
                e.getMessage());
    }

    @Test
    void aLongQueryIsPostedAsAForm() throws Exception {
        ncbi.on("esearch", inOrder(ok("esearch-1234.xml")));
        String longTerm = String.join(" OR ", Collections.nCopies(150, "\"motor cortex stimulation\"[tiab]"));

        client(KEY).search(longTerm, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 12));

        Seen s = ncbi.seen("esearch").get(0);
        assertEquals("POST", s.method());
        assertEquals(longTerm, s.param("term"));
        assertEquals(KEY, s.param("api_key"));
        assertEquals("2025/01/12", s.param("maxdate"));
    }

    @Test
    void theApiKeyNeverAppearsInMessagesOrSettings() {
        ncbi.on("esearch", seen -> fixture(503, "ncbi-error.html"));
        EutilsSettings s = settings(KEY, 1, Duration.ofSeconds(5));

        EutilsException e = assertThrows(EutilsException.class, () -> client(s).search("rTMS", null, null));

        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(s.toString().contains(KEY), s.toString());
    }

    @Test
    void aSearchWithNothingToFetchCannotBeFetched() {
        SearchResult none = new SearchResult(0, null, null, List.of("phrase not found: xyzzyqtms"), List.of());

        assertThrows(IllegalArgumentException.class, () -> keyless().fetchPage(none, 0, in -> { }));
        assertTrue(ncbi.seen().isEmpty());
    }

    @Test
    void theBaseUrlGainsItsTrailingSlash() {
        EutilsSettings s = new EutilsSettings(URI.create("http://127.0.0.1:1/entrez/eutils"), "cortexlit",
                "curator@example.org", " ", 500, Duration.ofSeconds(1), 0, Duration.ZERO);

        assertEquals("http://127.0.0.1:1/entrez/eutils/", s.baseUrl().toString());
        assertNull(s.apiKey(), "a blank key is no key");
    }
}
