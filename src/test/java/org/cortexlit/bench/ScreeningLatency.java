package org.cortexlit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times what a reviewer waits for on the screening page: from sending a decision (what one key press does,
 * through htmx) to having the next record's HTML, and a full page load of the screening page. Over HTTP on
 * loopback, after a warm-up, on a review of any size.
 */
final class ScreeningLatency {

    private static final Pattern RECORD = Pattern.compile("data-record=\"(\\d+)\"");

    record Stats(String what, int samples, double p50, double p95, double p99, double max) {
        String row() {
            return String.format(Locale.ROOT, "%-40s %7d %8.1f %8.1f %8.1f %8.1f", what, samples, p50, p95, p99, max);
        }

    }

    /**
     * @param order  the review's queue order ({@code relevance} or {@code import})
     * @param ranked how many of the timed decisions brought a record the relevance ranking chose (its score shown)
     */
    record Report(long reviewRecords, String order, int ranked, Stats decide, Stats decideRanked, Stats page) {
        String table() {
            return String.format(Locale.ROOT, "%nScreening latency, review of %,d records, queue in %s order, %d of %d "
                            + "timed records served by the ranking (ms)%n%-40s %7s %8s %8s %8s %8s%n%s%n%s%n%s%n",
                    reviewRecords, order, ranked, decide.samples(), "what", "samples", "p50", "p95", "p99", "max",
                    decide.row(), decideRanked.row(), page.row());
        }

        String json() throws JsonProcessingException {
            return new ObjectMapper().writeValueAsString(this);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String csrf;

    ScreeningLatency(URI base, String csrf) {
        this.base = base;
        this.csrf = csrf;
    }

    /** Screens {@code warmup + decisions} records of review {@code reviewId} and times the last {@code decisions}. */
    Report run(long reviewId, long reviewRecords, String order, int warmup, int decisions, int pageLoads) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        String screen = "reviews/" + reviewId + "/screen";
        long current = record(get(screen));
        double[] decide = new double[decisions];
        double[] rankedMs = new double[decisions];
        int ranked = 0;
        for (int i = 0; i < warmup + decisions; i++) {
            int roll = random.nextInt(10);
            String form = roll < 3 ? "decision=include" : roll < 4 ? "decision=maybe" : "decision=exclude&reason=" + (1 + random.nextInt(3));
            long t0 = System.nanoTime();
            String next = post(screen + "/" + current, form);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i >= warmup) {
                decide[i - warmup] = ms;
                if (next.contains("id=\"relevance-score\"")) {
                    rankedMs[ranked++] = ms;
                }
            }
            if (!next.contains("Saved: ")) {
                throw new IllegalStateException("decision " + i + " on record " + current + " was not saved: "
                        + next.substring(0, Math.min(600, next.length())));
            }
            current = record(next);
        }
        double[] page = new double[pageLoads];
        for (int i = 0; i < pageLoads; i++) {
            long t0 = System.nanoTime();
            String html = get(screen);
            page[i] = (System.nanoTime() - t0) / 1e6;
            record(html);
        }
        return new Report(reviewRecords, order, ranked, stats("key press to next record (htmx POST)", decide),
                stats("  of which served by the ranking", Arrays.copyOf(rankedMs, ranked)),
                stats("screening page, full load (GET)", page));
    }

    private static long record(String html) {
        Matcher m = RECORD.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no record on the screening page: " + html.substring(0, Math.min(600, html.length())));
        }
        return Long.parseLong(m.group(1));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private String post(String path, String form) throws Exception {
        String body = form + "&csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static Stats stats(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return new Stats(what, s.length, pct(s, 50), pct(s, 95), pct(s, 99), s.length == 0 ? 0 : s[s.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** PMIDs FIRST_PMID .. FIRST_PMID + n - 1, in chunks the review's add form takes. */
    static List<String> pmidChunks(long first, int n, int chunk) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < Math.min(n, from + chunk); i++) {
                sb.append(first + i).append(' ');
            }
            out.add(sb.toString());
        }
        return out;
    }
}
