package org.cortexlit.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) as a separate process, as a team runs it: started
 * with an environment, waited for until it is ready, and stopped gently or killed (SIGKILL, as a crash
 * or the OOM killer would). Its output goes to {@code target/it-logs/<name>.log}.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final String name;
    private final Map<String, String> env;
    private final int port;
    private Process process;
    private int starts;

    public PackagedApp(String name, Map<String, String> env) throws IOException {
        this.name = name;
        this.env = new HashMap<>(env);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Starts the process and waits (at most {@code within}) until it is ready ({@code /q/health/ready} answers 200): the
     * sign-in page answers earlier, while the start's own work (the first admin, the index) still runs.
     */
    public PackagedApp start(Duration within) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after packaging (./mvnw verify)");
        }
        Path logs = Files.createDirectories(Path.of("target/it-logs"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        process = pb.start();
        starts++;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " (start " + starts
                        + "): see target/it-logs/" + name + ".log");
            }
            if (status("/q/health/ready") == 200) {
                return this;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " was not ready within " + within + ": see target/it-logs/" + name + ".log");
    }

    /** The HTTP status of GET {@code path}, or -1 when nothing answers. */
    public int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + path).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            c.setInstanceFollowRedirects(false);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not flushed already. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as systemd or Kubernetes stop a service; waits for the process to end. */
    public int stop(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
