package org.cortexlit.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the application asks of its database before Hibernate has started: which one it is, and whether a table has rows. */
@QuarkusTest
class DatabaseTest {

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void knowsWhichDatabaseItRunsOn() {
        assertEquals(url.startsWith("jdbc:postgresql:"), database.isPostgres());
    }

    @Test
    void saysWhetherATableHasRows() throws SQLException {
        assertTrue(database.hasRows("app_user"), "the start made the accounts");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table database_test_empty (x int)");
            try {
                assertFalse(database.hasRows("database_test_empty"));
                s.execute("insert into database_test_empty values (1)");
                assertTrue(database.hasRows("database_test_empty"));
            } finally {
                s.execute("drop table database_test_empty");
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> database.hasRows("no_such_table"));
        assertTrue(e.getMessage().startsWith("Cannot read table no_such_table"), e.getMessage());
    }
}
