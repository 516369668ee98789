package org.cortexlit.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.config.CortexLitConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Which database this node runs on and who this node is. On the embedded H2 file there is one node; on PostgreSQL
 * there may be several, each with its own name ({@code cortexlit.node.name}, the host name by default).
 */
@ApplicationScoped
public class Database {

    private final AgroalDataSource dataSource;
    private final String nodeName;
    private volatile Boolean postgres;

    public Database(AgroalDataSource dataSource, CortexLitConfig config) {
        this.dataSource = dataSource;
        this.nodeName = config.node().name().filter(n -> !n.isBlank()).map(String::strip).orElseGet(Database::hostName);
    }

    /** True on PostgreSQL, where several nodes may share the database; false on H2. */
    public boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            try (Connection c = dataSource.getConnection()) {
                p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
            }
            postgres = p;
        }
        return p;
    }

    /**
     * Whether {@code table} (a name this code holds, never a user's) has a row, asked over JDBC: it needs no
     * persistence unit, so the start can ask before Hibernate has finished its own.
     */
    public boolean hasRows(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select 1 from " + table + " fetch first 1 rows only")) {
            return r.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read table " + table + ": " + e.getMessage(), e);
        }
    }

    public String nodeName() {
        return nodeName;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "cortexlit";
        }
    }
}
