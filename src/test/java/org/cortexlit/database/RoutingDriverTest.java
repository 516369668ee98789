package org.cortexlit.database;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One driver for both databases: each URL goes to its own, and any other is refused with what to set. */
class RoutingDriverTest {

    private final RoutingDriver driver = new RoutingDriver();

    @Test
    void takesH2AndPostgresqlUrlsOnly() {
        assertTrue(driver.acceptsURL("jdbc:h2:mem:x"));
        assertTrue(driver.acceptsURL("jdbc:postgresql://localhost:5432/cortexlit"));
        assertFalse(driver.acceptsURL("jdbc:mysql://localhost/cortexlit"));
        assertFalse(driver.acceptsURL(null));
    }

    @Test
    void anH2UrlOpensH2() throws SQLException {
        try (Connection c = driver.connect("jdbc:h2:mem:routing-driver-test", new Properties())) {
            assertEquals("H2", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void anotherDatabaseIsRefusedWithTheSettingToCheck() throws SQLException {
        assertNull(driver.connect("jdbc:mysql://localhost/cortexlit", new Properties()), "not ours: DriverManager asks on");
        SQLException e = assertThrows(SQLException.class,
                () -> driver.getPropertyInfo("jdbc:mysql://localhost/cortexlit", new Properties()));
        assertTrue(e.getMessage().contains("CORTEXLIT_DB_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:mysql://localhost/cortexlit"), e.getMessage());
    }
}
