package org.cortexlit.importing.eutils;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import org.jboss.logging.Logger;

/**
 * NCBI E-utilities for PubMed: esearch onto the history server, then efetch page by page. Plain Java so it can
 * be tested against a local replay server and wired into Quarkus with one producer.
 *
 * <p>Every request carries {@code tool}, {@code email} and, when set, {@code api_key}; request starts are spaced
 * by a {@link RateLimiter} (3/s, 10/s with a key). 429, 5xx, timeouts and I/O errors are retried with
 * exponential backoff (at least as long as NCBI's {@code Retry-After}); any other 4xx fails at once, because
 * NCBI will give the same answer again. A page is retried only until its body is handed to the consumer:
 * after that a failure means the consumer has seen part of the page, so the page is reported incomplete and
 * the caller resumes from it (see {@link FetchPlan}).
 *
 * <p>{@code timeout} bounds the wait for the response headers and, separately, every wait for more of the body,
 * so a connection that goes quiet part-way through a page fails instead of hanging the job.
 *
 * <p>The API key is a secret: it goes into request URLs only, never into logs or exception messages.
 */
public final class EutilsClient {

    private static final Logger LOG = Logger.getLogger(EutilsClient.class);

    private static final DateTimeFormatter NCBI_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT);
    /** Open-ended windows still need both ends: NCBI ignores mindate without maxdate. */
    private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    /** No wait, however NCBI's Retry-After reads, should park the weekly job for longer than this. */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    /** NCBI asks for POST beyond about this many characters of URL (long systematic-review queries). */
    static final int MAX_GET_URL = 2000;
    /** Enough of the body to see its root element past an XML declaration and DOCTYPE. */
    private static final int HEAD = 2048;

    private final EutilsSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimiter limiter;

    public EutilsClient(EutilsSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.limiter = new RateLimiter(settings.requestsPerSecond(), clock, sleeper);
    }

    public EutilsClient(EutilsSettings settings, HttpClient http) {
        this(settings, http, Clock.systemUTC(), Sleeper.REAL);
    }

    public EutilsSettings settings() {
        return settings;
    }

    /**
     * esearch with {@code usehistory=y, retmax=0}: the matches stay on NCBI's history server for efetch.
     * With a date window, records are selected by Entrez date ({@code datetype=edat}), which is when they
     * entered PubMed, so a weekly window catches each new record once.
     *
     * @param from first day, inclusive, or null for no lower bound
     * @param to   last day, inclusive, or null for today (by the client's clock)
     * @throws EutilsException when NCBI rejects the query (its ERROR text is in the message) or stays unreachable
     */
    public SearchResult search(String term, LocalDate from, LocalDate to) throws EutilsException {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("esearch needs a query term");
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("db", "pubmed"));
        params.add(Map.entry("term", term));
        params.add(Map.entry("usehistory", "y"));
        params.add(Map.entry("retmax", "0"));
        params.add(Map.entry("retmode", "xml"));
        String window = "";
        if (from != null || to != null) {
            LocalDate min = from != null ? from : EARLIEST;
            LocalDate max = to != null ? to : LocalDate.now(clock);
            if (min.isAfter(max)) {
                throw new IllegalArgumentException("esearch date window starts " + min + " after it ends " + max);
            }
            params.add(Map.entry("datetype", "edat"));
            params.add(Map.entry("mindate", NCBI_DATE.format(min)));
            params.add(Map.entry("maxdate", NCBI_DATE.format(max)));
            window = ", entered " + NCBI_DATE.format(min) + " to " + NCBI_DATE.format(max);
        }
        Call call = new Call("esearch", "esearch for \"" + NcbiErrors.shorten(term.strip()) + "\"" + window, -1, params);
        return execute(call, (response, body) -> readSearch(call, body));
    }

    /**
     * efetch one page of PubMed XML ({@code retmode=xml, rettype=abstract}) from the history server and stream
     * it to {@code consumer}. Error answers NCBI sends with status 200 (an {@code eFetchResult/ERROR}, an HTML
     * page) are recognised from the first bytes and never reach the consumer.
     *
     * @throws EutilsException {@link EutilsException#isSessionExpired()} when NCBI no longer knows the WebEnv;
     *                         kind {@code PAGE_INCOMPLETE} when the consumer failed part-way through the page
     */
    public void fetchPage(SearchResult search, int retstart, PageConsumer consumer) throws EutilsException {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(consumer, "consumer");
        if (retstart < 0) {
            throw new IllegalArgumentException("retstart must not be negative, was " + retstart);
        }
        if (search.webEnv() == null || search.queryKey() == null) {
            throw new IllegalArgumentException("this search has no WebEnv/query_key (count " + search.count()
                    + "); there is nothing to fetch");
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("db", "pubmed"));
        params.add(Map.entry("WebEnv", search.webEnv()));
        params.add(Map.entry("query_key", search.queryKey()));
        params.add(Map.entry("retstart", Integer.toString(retstart)));
        params.add(Map.entry("retmax", Integer.toString(settings.pageSize())));
        params.add(Map.entry("retmode", "xml"));
        params.add(Map.entry("rettype", "abstract"));
        Call call = new Call("efetch", "efetch retstart=" + retstart, retstart, params);
        execute(call, (response, body) -> {
            deliverPage(call, response, body, consumer);
            return null;
        });
    }

    // --- one request, with retries -------------------------------------------------------------------------

    /** One E-utilities request: the endpoint, how messages name it, its page, and its own parameters. */
    private record Call(String endpoint, String label, int retstart, List<Map.Entry<String, String>> params) {
    }

    /** Turns a 200 response into a result; throws {@link Transient} to have the request tried again. */
    @FunctionalInterface
    private interface Handler<T> {
        T handle(HttpResponse<InputStream> response, InputStream body) throws IOException, Transient, EutilsException;
    }

    /** A failure worth another attempt, found in a 200 response (NCBI sometimes reports backend faults that way). */
    private static final class Transient extends Exception {
        final String ncbiMessage;

        Transient(String problem, String ncbiMessage) {
            super(problem, null, false, false);
            this.ncbiMessage = ncbiMessage;
        }
    }

    private <T> T execute(Call call, Handler<T> handler) throws EutilsException {
        HttpRequest request = request(call);
        int attempts = settings.maxRetries() + 1;
        for (int attempt = 1;; attempt++) {
            String problem;
            String ncbiMessage = null;
            int status = 0;
            Throwable cause = null;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                limiter.acquire();
                LOG.debugf("%s: attempt %d of %d", call.label(), attempt, attempts);
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                InputStream body = StallGuard.guard(response.body(), settings.timeout());
                try {
                    status = response.statusCode();
                    if (status == 200) {
                        return handler.handle(response, body);
                    }
                    ncbiMessage = readErrorMessage(body);
                } finally {
                    closeQuietly(body);
                }
                if (status != 429 && status < 500) {
                    throw rejected(call, status, ncbiMessage);
                }
                problem = "HTTP " + status + said(ncbiMessage);
                retryAfter = retryAfter(response);
            } catch (Transient t) {
                problem = t.getMessage();
                ncbiMessage = t.ncbiMessage;
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + human(settings.timeout());
                status = 0;
                cause = e;
            } catch (IOException e) {
                problem = "I/O error: " + e;
                status = 0;
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(call, e);
            }
            if (attempt >= attempts) {
                throw new EutilsException(EutilsException.Kind.RETRIES_EXHAUSTED, call.endpoint(), call.retstart(),
                        status, ncbiMessage, call.label() + " failed after " + attempts + " attempt"
                                + (attempts == 1 ? "" : "s") + "; last: " + problem + ". NCBI may be down or overloaded"
                                + (call.retstart() >= 0 ? "; a later run can resume from retstart " + call.retstart() : "")
                                + ".", cause);
            }
            Duration wait = backoff(attempt, retryAfter);
            LOG.warnf("%s: %s; retrying in %s (attempt %d of %d)", call.label(), problem, human(wait), attempt + 1,
                    attempts);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(call, e);
            }
        }
    }

    /** initialBackoff * 2^(attempt-1), but never shorter than NCBI's Retry-After; both capped at {@link #MAX_WAIT}. */
    Duration backoff(int attempt, Optional<Duration> retryAfter) {
        Duration exponential = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = retryAfter.filter(r -> r.compareTo(exponential) > 0).orElse(exponential);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** Retry-After as seconds or as an HTTP date; a value that reads as neither is ignored. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeParseException notDate) {
                LOG.debugf("ignoring unreadable Retry-After: %s", v);
                return Optional.empty();
            }
        }
    }

    private HttpRequest request(Call call) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> p : call.params()) {
            append(query, p.getKey(), p.getValue());
        }
        append(query, "tool", settings.tool());
        append(query, "email", settings.email());
        if (settings.apiKey() != null) {
            append(query, "api_key", settings.apiKey());
        }
        String base = settings.baseUrl() + call.endpoint() + ".fcgi";
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(settings.timeout())
                .header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1");
        if (base.length() + 1 + query.length() > MAX_GET_URL) {
            b.uri(URI.create(base)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(query.toString(), StandardCharsets.UTF_8));
        } else {
            b.uri(URI.create(base + "?" + query)).GET();
        }
        return b.build();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    // --- reading answers -----------------------------------------------------------------------------------

    private SearchResult readSearch(Call call, InputStream body) throws IOException, Transient, EutilsException {
        BufferedInputStream in = new BufferedInputStream(body, HEAD);
        NcbiErrors.Shape shape = peek(in);
        if (shape != NcbiErrors.Shape.ESEARCH_XML) {
            String message = NcbiErrors.message(readBounded(in));
            if (shape == NcbiErrors.Shape.JSON) {
                throw rejected(call, 200, message);
            }
            throw new Transient("HTTP 200 but not an esearch answer" + said(message), message);
        }
        EsearchXml.Parsed p;
        try {
            p = EsearchXml.parse(in);
        } catch (XMLStreamException e) {
            // Most often a body cut short on the way; another attempt usually reads it whole.
            throw new Transient("unreadable esearch XML (" + e.getMessage().replaceAll("\\s+", " ") + ")", null);
        }
        if (!p.fatalErrors().isEmpty()) {
            List<String> all = new ArrayList<>(p.fatalErrors());
            all.addAll(p.errors());
            throw rejected(call, 200, String.join("; ", all));
        }
        if (p.count() == null) {
            throw new Transient("esearch answer without a Count", null);
        }
        if (p.count() > 0 && (p.webEnv() == null || p.queryKey() == null)) {
            throw rejected(call, 200, "Count " + p.count() + " without WebEnv/QueryKey; is usehistory supported here?");
        }
        SearchResult result = new SearchResult(p.count(), p.webEnv(), p.queryKey(), p.errors(), p.warnings());
        if (!result.errors().isEmpty() || !result.warnings().isEmpty()) {
            LOG.warnf("%s: %d records; NCBI notes: %s", call.label(), result.count(),
                    String.join("; ", concat(result.errors(), result.warnings())));
        } else {
            LOG.infof("%s: %d records", call.label(), result.count());
        }
        return result;
    }

    private void deliverPage(Call call, HttpResponse<InputStream> response, InputStream body, PageConsumer consumer)
            throws IOException, Transient, EutilsException {
        BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
        NcbiErrors.Shape shape = peek(in);
        boolean html = response.headers().firstValue("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
                .orElse(false);
        if (shape != NcbiErrors.Shape.PUBMED_XML || html) {
            String message = NcbiErrors.message(readBounded(in));
            if (NcbiErrors.meansSessionExpired(message)) {
                throw sessionExpired(call, 200, message);
            }
            throw new Transient("HTTP 200 but no PubMed XML" + said(message), message);
        }
        try {
            consumer.accept(in);
        } catch (IOException e) {
            throw new EutilsException(EutilsException.Kind.PAGE_INCOMPLETE, call.endpoint(), call.retstart(), 200,
                    null, call.label() + ": reading the page failed part-way (" + e.getMessage()
                            + "); the page is incomplete, resume from retstart " + call.retstart(), e);
        }
    }

    /** The shape of the body from its first bytes, leaving the stream where it was. */
    private static NcbiErrors.Shape peek(BufferedInputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        return NcbiErrors.sniff(head, head.length);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        return in.readNBytes(NcbiErrors.MAX_ERROR_BODY);
    }

    /** Reading an error body is best effort: a broken one must not hide the status that came with it. */
    private static String readErrorMessage(InputStream body) {
        try {
            byte[] b = readBounded(body);
            return NcbiErrors.message(b);
        } catch (IOException e) {
            return null;
        }
    }

    // --- exceptions a person can act on ---------------------------------------------------------------------

    private static EutilsException rejected(Call call, int status, String ncbiMessage) {
        if (NcbiErrors.meansSessionExpired(ncbiMessage)) {
            return sessionExpired(call, status, ncbiMessage);
        }
        if (NcbiErrors.meansRetrievalLimit(ncbiMessage)) {
            return new EutilsException(EutilsException.Kind.TOO_MANY_RECORDS, call.endpoint(), call.retstart(), status,
                    ncbiMessage, call.label() + " was refused" + said(ncbiMessage)
                            + ". PubMed's E-utilities hand out only the first " + SearchResult.RETRIEVAL_LIMIT
                            + " records of a search; split the date window so each part stays below that", null);
        }
        String advice = switch (call.endpoint()) {
            case "esearch" -> status == 200 ? "; check the query in PubMed's own search box" : "";
            default -> "";
        };
        return new EutilsException(EutilsException.Kind.REJECTED, call.endpoint(), call.retstart(), status, ncbiMessage,
                call.label() + " was refused" + (status == 200 ? "" : " with HTTP " + status) + said(ncbiMessage)
                        + advice, null);
    }

    private static EutilsException sessionExpired(Call call, int status, String ncbiMessage) {
        return new EutilsException(EutilsException.Kind.SESSION_EXPIRED, call.endpoint(), call.retstart(), status,
                ncbiMessage, call.label() + ": NCBI no longer knows this search session (WebEnv/query_key)"
                        + said(ncbiMessage) + "; run esearch again and resume from retstart " + call.retstart(), null);
    }

    private static EutilsException interrupted(Call call, InterruptedException e) {
        return new EutilsException(EutilsException.Kind.INTERRUPTED, call.endpoint(), call.retstart(), 0, null,
                call.label() + " was interrupted", e);
    }

    private static String said(String ncbiMessage) {
        return ncbiMessage == null || ncbiMessage.isBlank() ? "" : "; NCBI said: \"" + ncbiMessage + "\"";
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The answer is already read or already failed; a close error adds nothing, and must not cause a retry.
            LOG.debugf("closing an E-utilities response failed: %s", e);
        }
    }
}
