package org.cortexlit.library;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V13 moves an article's lists from child tables into JSON columns: what a V12 database held comes through whole. */
class ArticleListsMigrationTest {

    private static final String URL = "jdbc:h2:mem:v13-migration;DB_CLOSE_DELAY=-1";

    @Test
    void aVersion12DatabaseKeepsEveryListInOrderAfterTheMigration() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").target("12").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("""
                    insert into article (id, pmid, title, title_html, content_hash, created_at, updated_at)
                    values (1, '111', 'Full', 'Full', 'h1', current_timestamp, current_timestamp),
                           (2, '222', 'Empty', 'Empty', 'h2', current_timestamp, current_timestamp)""");
            // rows inserted out of order: the position decides
            s.execute("""
                    insert into article_abstract_section (article_id, position, label, nlm_category, text, html)
                    values (1, 1, 'RESULTS', 'RESULTS', 'Pain fell "a lot".', 'Pain fell <i>a lot</i>.'),
                           (1, 0, null, null, 'Background é\n', 'Background é\n')""");
            s.execute("""
                    insert into article_author (article_id, position, last_name, fore_name, initials, collective_name, affiliations)
                    values (1, 1, null, null, null, 'NeuPSIG', null),
                           (1, 0, 'Lefaucheur', 'Jean-Pascal', 'JP', null, 'Créteil\nParis')""");
            s.execute("""
                    insert into article_mesh (article_id, position, descriptor, major, qualifiers)
                    values (1, 0, 'Chronic Pain', true, 'therapy\nphysiopathology'), (1, 1, 'Humans', false, null)""");
            s.execute("insert into article_publication_type values (1, 1, 'Review'), (1, 0, 'Journal Article')");
            s.execute("insert into article_keyword values (1, 0, 'rTMS'), (1, 1, 'motor cortex')");
            s.execute("insert into article_identifier values (1, 0, 'pmc', 'PMC123'), (1, 1, 'doi', '10.1/x')");
        }

        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select abstract_json, authors_json, mesh_json, publication_types_json, keywords_json, identifiers_json
                     from article order by id""")) {
            assertTrue(rs.next());
            List<AbstractSection> sections = new JsonLists.Sections().convertToEntityAttribute(rs.getString(1));
            assertEquals(List.of(new AbstractSection(null, null, "Background é\n", "Background é\n"),
                    new AbstractSection("RESULTS", "RESULTS", "Pain fell \"a lot\".", "Pain fell <i>a lot</i>.")), sections);
            List<Author> authors = new JsonLists.Authors().convertToEntityAttribute(rs.getString(2));
            assertEquals(List.of(new Author("Lefaucheur", "Jean-Pascal", "JP", null, "Créteil\nParis"),
                    new Author(null, null, null, "NeuPSIG", null)), authors);
            assertEquals(List.of("Créteil", "Paris"), authors.get(0).affiliationList());
            List<MeshHeading> mesh = new JsonLists.Mesh().convertToEntityAttribute(rs.getString(3));
            assertEquals(List.of(new MeshHeading("Chronic Pain", true, "therapy\nphysiopathology"),
                    new MeshHeading("Humans", false, null)), mesh);
            assertEquals(List.of("Journal Article", "Review"), new JsonLists.Strings().convertToEntityAttribute(rs.getString(4)));
            assertEquals(List.of("rTMS", "motor cortex"), new JsonLists.Strings().convertToEntityAttribute(rs.getString(5)));
            assertEquals(List.of(new Identifier("pmc", "PMC123"), new Identifier("doi", "10.1/x")),
                    new JsonLists.Identifiers().convertToEntityAttribute(rs.getString(6)));

            assertTrue(rs.next());
            for (int i = 1; i <= 6; i++) {
                assertNull(rs.getString(i), "an article without entries has NULL lists (column " + i + ")");
            }
            assertFalse(rs.next());
        }
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_name = 'ARTICLE_AUTHOR'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the child tables are gone");
        }
    }

    @Test
    void theConverterReadsWhatItWritesAndEmptyIsNull() {
        JsonLists.Authors conv = new JsonLists.Authors();
        List<Author> authors = List.of(new Author("Ó Briain", "Dara", "D", null, null));
        String json = conv.convertToDatabaseColumn(authors);
        assertEquals("[{\"lastName\":\"Ó Briain\",\"foreName\":\"Dara\",\"initials\":\"D\"}]", json);
        assertEquals(authors, conv.convertToEntityAttribute(json));
        assertNull(conv.convertToDatabaseColumn(List.of()));
        assertEquals(List.of(), conv.convertToEntityAttribute(null));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> conv.convertToEntityAttribute(json).add(new Author()), "stored lists are replaced, never changed in place");
    }
}
