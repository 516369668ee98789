package org.cortexlit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Screening under the load a team puts on one node: searchers running the benchmark's queries through
 * {@code GET /api/search} without pause, screeners each taking {@code GET /api/reviews/{id}/next} and deciding it
 * ({@code PUT .../decision}) without pause, and an import uploaded through {@code POST /api/imports} while they work.
 * Every client is a separate account over HTTP Basic, as scripts call the API. {@code next} is timed in two windows:
 * before the import (searchers and screeners only) and while the import runs. Screeners may pause ({@code think})
 * between records; the benchmark's do not.
 */
final class ScreeningLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The figures of one run. {@code nextDuringImport} is what the target is about. */
    record Report(int searchers, int screeners, long reviewRecords, int importRecords, String importStatus,
                  double importSeconds, ScreeningLatency.Stats nextBeforeImport, ScreeningLatency.Stats nextDuringImport,
                  ScreeningLatency.Stats decideDuringImport, ScreeningLatency.Stats searchDuringImport, int conflicts,
                  int errors) {
        String table() {
            return String.format(Locale.ROOT, "%nScreening under load: %d searchers, %d screeners, an import of %,d records "
                            + "(%s in %.1f s), review of %,d records; %d decisions someone else made first, %d errors (ms)%n"
                            + "%-40s %7s %8s %8s %8s %8s%n%s%n%s%n%s%n%s%n",
                    searchers, screeners, importRecords, importStatus, importSeconds, reviewRecords, conflicts, errors,
                    "what", "samples", "p50", "p95", "p99", "max", nextBeforeImport.row(), nextDuringImport.row(),
                    decideDuringImport.row(), searchDuringImport.row());
        }

        String json() throws JsonProcessingException {
            return JSON.writeValueAsString(this);
        }
    }

    /** An account the load signs in as (HTTP Basic). */
    record Account(String username, String password) {
        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final int BEFORE = 0;
    private static final int DURING = 1;
    private static final int AFTER = 2;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private volatile int phase = -1;
    private volatile boolean stop;
    private final ConcurrentLinkedQueue<double[]> next = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> decide = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> search = new ConcurrentLinkedQueue<>();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    ScreeningLoad(URI base) {
        this.base = base;
    }

    /**
     * Runs the load: searchers and screeners for {@code warmup} (untimed), then {@code before} timed without the import,
     * then the import of {@code importFile} ({@code importRecords} records), timed until it finishes.
     */
    Report run(long reviewId, long reviewRecords, List<Account> screeners, Account searcher, int searchers,
               List<String> queries, Account importer, Path importFile, int importRecords, Duration warmup, Duration before,
               Duration think) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < searchers; i++) {
            int first = i;
            threads.add(start("load-searcher-" + i, () -> searchLoop(searcher, queries, first)));
        }
        for (int i = 0; i < screeners.size(); i++) {
            Account a = screeners.get(i);
            long seed = i;
            threads.add(start("load-screener-" + i, () -> screenLoop(reviewId, a, seed, think)));
        }
        String status;
        double importSeconds;
        try {
            Thread.sleep(warmup.toMillis());
            phase = BEFORE;
            Thread.sleep(before.toMillis());
            // on a machine slower than planned, the phase lasts until one screener's request has begun and ended in it
            long latest = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (samples(BEFORE).length == 0 && errors.get() == 0 && System.nanoTime() < latest) {
                Thread.sleep(20);
            }
            phase = DURING;
            long t0 = System.nanoTime();
            status = importAndWait(importer, importFile);
            importSeconds = (System.nanoTime() - t0) / 1e9;
            phase = AFTER;
        } finally {
            stop = true;
            for (Thread t : threads) {
                t.join(Duration.ofMinutes(2).toMillis());
            }
        }
        if (!firstErrors.isEmpty()) {
            System.out.println("First errors under load: " + String.join(" | ", firstErrors));
        }
        return new Report(searchers, screeners.size(), reviewRecords, importRecords, status, importSeconds,
                ScreeningLatency.stats("GET next, before the import", samples(BEFORE)),
                ScreeningLatency.stats("GET next, during the import", samples(DURING)),
                ScreeningLatency.stats("PUT decision, during the import", decide.stream().mapToDouble(Double::doubleValue).toArray()),
                ScreeningLatency.stats("GET /api/search, during the import", search.stream().mapToDouble(Double::doubleValue).toArray()),
                conflicts.get(), errors.get());
    }

    private static Thread start(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.start();
        return t;
    }

    private double[] samples(int inPhase) {
        return next.stream().filter(s -> s[0] == inPhase).mapToDouble(s -> s[1]).toArray();
    }

    private void searchLoop(Account who, List<String> queries, int first) {
        for (int i = first; !stop; i++) {
            String q = queries.get(i % queries.size());
            int at = phase;
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(who, HttpRequest.newBuilder(base.resolve("api/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET());
            if (r != null && at == DURING && phase == DURING) {
                search.add((System.nanoTime() - t0) / 1e6);
            }
        }
    }

    private void screenLoop(long reviewId, Account who, long seed, Duration think) {
        SplittableRandom random = new SplittableRandom(seed);
        while (!stop) {
            if (!think.isZero()) {
                try {
                    Thread.sleep(think.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            int at = phase;
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(who, HttpRequest.newBuilder(base.resolve("api/reviews/" + reviewId + "/next")).GET());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r == null) {
                continue;
            }
            if (r.statusCode() == 204) {
                error("GET next: nothing left for " + who.username() + "; make the review larger");
                return;
            }
            // before the import: begun and ended before it; during: begun while it ran (its end may come after)
            if (at == BEFORE ? phase == BEFORE : at == DURING) {
                next.add(new double[]{at, ms});
            }
            String key;
            try {
                key = JSON.readTree(r.body()).path("record").path("key").asText();
            } catch (IOException e) {
                error("GET next: " + e.getMessage());
                continue;
            }
            int roll = random.nextInt(10);
            String body = roll < 3 ? "{\"verdict\":\"INCLUDE\"}" : "{\"verdict\":\"EXCLUDE\",\"reason\":\"1\"}";
            at = phase;
            t0 = System.nanoTime();
            HttpResponse<String> d = send(who, HttpRequest.newBuilder(base.resolve("api/reviews/" + reviewId + "/records/"
                    + key + "/decision")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)), 409);
            if (d != null && d.statusCode() == 409) {
                conflicts.incrementAndGet();
            } else if (d != null && at == DURING && phase == DURING) {
                decide.add((System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** Uploads the file ({@code ?wait=0}: the answer comes at once) and polls its run until it ends; its status. */
    private String importAndWait(Account who, Path file) throws Exception {
        String boundary = "----cortexlit-load-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/imports?wait=0"))
                .header("Authorization", who.header()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 202) {
            throw new IllegalStateException("POST /api/imports: " + r.statusCode() + " " + r.body());
        }
        long run = JSON.readTree(r.body()).path("id").asLong();
        while (true) {
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("api/imports/" + run))
                    .header("Authorization", who.header()).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = state.path("status").asText();
            if (!"RUNNING".equals(status) && !"QUEUED".equals(status)) {
                return status + ", " + state.path("created").asInt() + " created";
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(Account who, HttpRequest.Builder request, int... alsoFine) {
        try {
            HttpResponse<String> r = http.send(request.header("Authorization", who.header()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                return r;
            }
            for (int ok : alsoFine) {
                if (r.statusCode() == ok) {
                    return r;
                }
            }
            error(r.request().method() + " " + r.uri().getPath() + ": " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(300, r.body().length())));
            return null;
        } catch (IOException e) {
            error(e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
            return null;
        }
    }

    private void error(String message) {
        if (errors.incrementAndGet() <= 5) {
            firstErrors.add(message);
        }
    }
}
