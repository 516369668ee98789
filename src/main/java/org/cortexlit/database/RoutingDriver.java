package org.cortexlit.database;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver of CortexLit's one datasource: it hands a {@code jdbc:h2:} URL to H2 and a
 * {@code jdbc:postgresql:} URL to PostgreSQL's driver. Quarkus fixes a datasource's driver when the application is
 * built; this lets the same packaged application run on its embedded H2 file by default and on a team's PostgreSQL
 * when started with the {@code postgres} profile. Hibernate speaks PostgreSQL's SQL to both, which H2 understands
 * (see {@code docs/architecture.md}).
 */
public final class RoutingDriver implements Driver {

    private final Driver h2 = new org.h2.Driver();
    private final Driver postgresql = new org.postgresql.Driver();

    private Driver forUrl(String url) throws SQLException {
        if (url != null && url.startsWith("jdbc:h2:")) {
            return h2;
        }
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return postgresql;
        }
        throw new SQLException("CortexLit runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://host:5432/db), not on '"
                + url + "'. Check CORTEXLIT_DB_URL or quarkus.datasource.jdbc.url.", "08001");
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? forUrl(url).connect(url, info) : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return forUrl(url).getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
