package org.cortexlit.database;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cortexlit.config.CortexLitConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An online backup of the embedded H2 database: a consistent zip of the live file, taken while the application
 * keeps answering, in {@code <data-dir>/backups/}. PostgreSQL has its own tools ({@code pg_dump}); the index is never
 * backed up, it is rebuilt from the database.
 */
@ApplicationScoped
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database database;
    private final EntityManager em;
    private final CortexLitConfig config;

    public Backups(Database database, EntityManager em, CortexLitConfig config) {
        this.database = database;
        this.em = em;
        this.config = config;
    }

    /** Thrown on PostgreSQL, where the backup is pg_dump's. */
    public static class NotHere extends RuntimeException {
        NotHere(String message) {
            super(message);
        }
    }

    /** Writes the backup and returns its file. */
    public synchronized Path backUp() {
        if (database.isPostgres()) {
            throw new NotHere("This node runs on PostgreSQL: back it up with pg_dump (docs/operations.md); the index "
                    + "needs no backup, it is rebuilt from the database.");
        }
        try {
            Path dir = Files.createDirectories(config.dataDir().resolve("backups")).toAbsolutePath();
            Path file = dir.resolve("cortexlit-" + STAMP.format(Instant.now()) + ".zip");
            for (int i = 2; Files.exists(file); i++) {
                file = dir.resolve("cortexlit-" + STAMP.format(Instant.now()) + "-" + i + ".zip");
            }
            String target = file.toString().replace("'", "''");
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("backup to '" + target + "'").executeUpdate());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup under " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }
}
