package org.cortexlit.importing.eutils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for eutils.ncbi.nlm.nih.gov: answers esearch.fcgi and efetch.fcgi from fixture files, as
 * each test scripts it, and records every request it saw (parameters from the query string or a POST form).
 * Listens on 127.0.0.1 on a free port; nothing ever leaves the machine.
 */
final class ReplayServer implements AutoCloseable {

    /** One request as the server saw it; {@code at} is on the test's clock. */
    record Seen(String method, String endpoint, Map<String, String> params, Instant at) {
        String param(String name) {
            return params.get(name);
        }
    }

    /** One scripted answer. */
    record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, Duration stall) {

        static Reply fixture(int status, String name) {
            String type = name.endsWith(".html") ? "text/html; charset=UTF-8"
                    : name.endsWith(".json") ? "application/json; charset=UTF-8" : "text/xml; charset=UTF-8";
            return new Reply(status, Map.of("Content-Type", type), read(name), Duration.ZERO, Duration.ZERO);
        }

        static Reply ok(String fixture) {
            return fixture(200, fixture);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay, stall);
        }

        /** Holds the answer back this long before the headers go out: a server slower than the client's timeout. */
        Reply after(Duration d) {
            return new Reply(status, headers, body, d, stall);
        }

        /** Sends the headers and the first half of the body, then goes quiet this long: a connection that hangs. */
        Reply stallingFor(Duration d) {
            return new Reply(status, headers, body, delay, d);
        }
    }

    /** Answers in the given order; a request beyond the script is a test bug and gets a loud 599. */
    static Function<Seen, Reply> inOrder(Reply... replies) {
        Deque<Reply> queue = new ArrayDeque<>(Arrays.asList(replies));
        return seen -> {
            synchronized (queue) {
                Reply r = queue.poll();
                return r != null ? r
                        : new Reply(599, Map.of(), "unscripted request".getBytes(StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO);
            }
        };
    }

    static byte[] read(String fixture) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/fixtures/eutils/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Clock clock;
    private final Map<String, Function<Seen, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    ReplayServer(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/entrez/eutils/", this::handle);
        // Several threads, so a deliberately slow answer does not hold up the retry that follows it.
        server.setExecutor(executor);
        server.start();
    }

    ReplayServer on(String endpoint, Function<Seen, Reply> route) {
        routes.put(endpoint, route);
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/entrez/eutils/");
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String endpoint) {
        return seen.stream().filter(s -> s.endpoint().equals(endpoint)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String endpoint = path.substring(path.lastIndexOf('/') + 1).replace(".fcgi", "");
            Map<String, String> params = new LinkedHashMap<>(parse(ex.getRequestURI().getRawQuery()));
            if ("POST".equals(ex.getRequestMethod())) {
                params.putAll(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            Seen s = new Seen(ex.getRequestMethod(), endpoint, Map.copyOf(params), clock.instant());
            seen.add(s);
            Function<Seen, Reply> route = routes.get(endpoint);
            Reply r = route != null ? route.apply(s)
                    : new Reply(404, Map.of(), ("no route for " + endpoint).getBytes(StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO);
            if (!r.delay().isZero()) {
                Thread.sleep(r.delay().toMillis());
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                if (r.stall().isZero()) {
                    out.write(r.body());
                } else {
                    int half = r.body().length / 2;
                    out.write(r.body(), 0, half);
                    out.flush();
                    Thread.sleep(r.stall().toMillis());
                    out.write(r.body(), half, r.body().length - half);
                }
            }
        } catch (IOException e) {
            // The client gave up (timeout) and closed the connection: expected in the timeout tests.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (m.containsKey(k)) {
                throw new IllegalStateException("parameter sent twice: " + k);
            }
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static List<String> retstarts(List<Seen> efetches) {
        List<String> r = new ArrayList<>();
        efetches.forEach(s -> r.add(s.param("retstart")));
        return r;
    }
}
