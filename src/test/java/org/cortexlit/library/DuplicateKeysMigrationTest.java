package org.cortexlit.library;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** V16 gives the articles stored before deduplication existed their DOI and title keys, as an import would. */
class DuplicateKeysMigrationTest {

    private static final String URL = "jdbc:h2:mem:v16-migration;DB_CLOSE_DELAY=-1";

    @Test
    void articlesWithoutKeysGetTheKeysTheRulesCompute() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("15").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            for (int i = 1; i <= 2500; i++) {
                s.execute("insert into article (id, pmid, title, title_html, content_hash, created_at, updated_at, doi) values ("
                        + i + ", '" + (90_000_000 + i) + "', 'Motor Cortex: Stimulation, " + i + "!', 't', 'h', current_timestamp, "
                        + "current_timestamp, " + (i % 2 == 0 ? "'https://doi.org/10.1000/ABC." + i + "'" : "null") + ")");
            }
        }
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(title_key), count(doi_key) from article")) {
            rs.next();
            assertEquals(2500, rs.getInt(1));
            assertEquals(2500, rs.getInt(2), "every article has its title key, across the pages of 1,000");
            assertEquals(1250, rs.getInt(3), "and its DOI key where it has a DOI");
        }
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select doi_key, title_key from article where id = 2")) {
            rs.next();
            assertEquals(DuplicateRules.doiKey("https://doi.org/10.1000/ABC.2"), rs.getString(1));
            assertEquals(DuplicateRules.titleKey("Motor Cortex: Stimulation, 2!"), rs.getString(2));
        }
    }
}
