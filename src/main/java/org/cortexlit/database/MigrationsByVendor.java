package org.cortexlit.database;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Flyway runs {@code db/migration/common} on every database and {@code db/migration/<vendor>} ({@code h2} or
 * {@code postgresql}) only on its own. Quarkus registers the migration files of every location when the application
 * is built; which vendor applies is known only once the database answers, so the other vendor's files are hidden
 * here, at start-up.
 */
@Singleton
public class MigrationsByVendor implements FlywayConfigurationCustomizer {

    static final List<String> VENDORS = List.of("h2", "postgresql");

    @Override
    public void customize(FluentConfiguration configuration) {
        String vendor = vendor(configuration);
        ResourceProvider all = configuration.getResourceProvider();
        configuration.resourceProvider(new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                return keeps(name, vendor) ? all.getResource(name) : null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return all.getResources(prefix, suffixes).stream()
                        .filter(r -> keeps(r.getAbsolutePathOnDisk() != null ? r.getAbsolutePathOnDisk() : r.getAbsolutePath(), vendor))
                        .toList();
            }
        });
    }

    /** Whether a migration at {@code path} runs on {@code vendor}: common ones always, a vendor's only on it. */
    static boolean keeps(String path, String vendor) {
        String p = path.replace('\\', '/');
        for (String v : VENDORS) {
            if (p.contains("db/migration/" + v + "/")) {
                return v.equals(vendor);
            }
        }
        return true;
    }

    private static String vendor(FluentConfiguration configuration) {
        try (Connection c = configuration.getDataSource().getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to choose its migrations: " + e.getMessage(), e);
        }
    }
}
