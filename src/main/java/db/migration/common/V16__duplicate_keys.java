package db.migration.common;

import org.cortexlit.library.DuplicateRules;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fills the DOI and title keys of articles stored before deduplication existed (V7 added the columns; SQL cannot
 * compute the Java normalisation of {@link DuplicateRules}), in pages of 1,000 by id. It leaves {@code updated_at}
 * alone: the keys change nothing search shows. On a database whose articles all have keys it reads nothing.
 */
public class V16__duplicate_keys extends BaseJavaMigration {

    private static final int PAGE = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        long lastId = 0;
        try (PreparedStatement select = c.prepareStatement("select id, doi, title from article where title_key is null "
                + "and id > ? order by id fetch first " + PAGE + " rows only");
             PreparedStatement update = c.prepareStatement("update article set doi_key = ?, title_key = ? where id = ?")) {
            while (true) {
                select.setLong(1, lastId);
                int n = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        lastId = rs.getLong(1);
                        update.setString(1, DuplicateRules.doiKey(rs.getString(2)));
                        update.setString(2, DuplicateRules.titleKey(rs.getString(3)));
                        update.setLong(3, lastId);
                        update.addBatch();
                        n++;
                    }
                }
                if (n == 0) {
                    return;
                }
                update.executeBatch();
            }
        }
    }
}
