package org.cortexlit.bench;

import org.cortexlit.TestCorpus;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the benchmark: {@code initdb} into a folder under {@code target/}, started on
 * 127.0.0.1 on a free port (its socket in that folder too, so it never meets a system cluster), stopped and deleted
 * by {@link #close}. Uses Debian's server binaries ({@code /usr/lib/postgresql/<version>/bin}, the newest found, or
 * {@code bench.pg.bindir}); {@link #find} says why when there are none, so the caller can skip with that message.
 *
 * <p>PostgreSQL refuses to run as root. Run as root (as CI and the dev machines do), the cluster is created and run as
 * the {@code postgres} account Debian's package creates, through {@code runuser}; the folder is handed to it.
 *
 * <p>Settings: durability off ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}), which only
 * speeds up the load, and {@code jit=off}: JIT compiling a ranking plan costs tens of milliseconds per query here,
 * and the usual advice for short interactive queries is to turn it off. {@code shared_buffers} is 256 MB (so the
 * table and its GIN index stay in memory at 100,000 records, as Lucene's files stay in the page cache) and
 * {@code work_mem} 32 MB (ranking sorts all matches). Everything else is the packaged default.
 */
final class PostgresCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresCluster.class);

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server's bin folder, or empty with the reason printed: the benchmark then skips PostgreSQL. */
    static Optional<Path> find() {
        String configured = System.getProperty("bench.pg.bindir");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            Path root = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(root)) {
                try (Stream<Path> versions = Files.list(root)) {
                    versions.map(v -> v.resolve("bin"))
                            .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                            .forEach(candidates::add);
                } catch (IOException e) {
                    // fall through: no candidates
                }
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))
                    && Files.isExecutable(c.resolve("postgres"))) {
                if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
                    System.out.println("PostgreSQL comparison skipped: running as root and no runuser to drop to 'postgres'");
                    return Optional.empty();
                }
                return Optional.of(c);
            }
        }
        System.out.println("PostgreSQL comparison skipped: no PostgreSQL server binaries (initdb, pg_ctl, postgres) in "
                + (candidates.isEmpty() ? "/usr/lib/postgresql/*/bin" : candidates)
                + "; install Debian's postgresql package or set -Dbench.pg.bindir");
        return Optional.empty();
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * initdb into a fresh {@code dir} (deleted first) and start the server on a free loopback port. As root the
     * cluster lives in a new folder under /tmp instead, handed to {@code postgres}: a clone may sit in a folder
     * only root can enter (root's home, a {@code mktemp -d} folder), where that account cannot reach {@code dir}.
     */
    static PostgresCluster start(Path bin, Path dir) throws Exception {
        boolean root = isRoot();
        if (root) {
            dir = Files.createTempDirectory(Path.of("/tmp"), "cortexlit-bench-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            run(List.of("chown", "postgres:postgres", dir.toAbsolutePath().toString()), 60);
        } else {
            TestCorpus.deleteTree(dir);
            Files.createDirectories(dir);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresCluster c = new PostgresCluster(bin, dir.toAbsolutePath(), port, root);
        Path data = c.dir.resolve("data");
        c.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "bench", "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"), 120);
        String options = String.join(" ", "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + c.dir, "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "jit=off", "-c", "shared_buffers=256MB", "-c", "work_mem=32MB",
                "-c", "max_connections=20");
        c.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", c.dir.resolve("server.log").toString(),
                "-o", options, "-w", "-t", "60", "start"), 90);
        LOG.infof("PostgreSQL started on 127.0.0.1:%d in %s", port, c.dir);
        return c;
    }

    /** A connection as the cluster's superuser to its {@code postgres} database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "bench", "");
    }

    /** The server's version string, e.g. "15.18". */
    String version() throws SQLException {
        try (Connection c = connect(); var st = c.createStatement(); var rs = st.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "-t", "60", "stop"), 90);
        } finally {
            if (!Boolean.getBoolean("bench.pg.keep")) {
                TestCorpus.deleteTree(dir);
            }
        }
    }

    private void pg(List<String> command, int seconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, seconds);
    }

    private static void run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // pg_ctl start leaves the server running with our pipe as its stdout unless told otherwise (-l above)
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
    }
}
