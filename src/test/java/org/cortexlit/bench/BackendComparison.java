package org.cortexlit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cortexlit.library.Author;
import org.cortexlit.library.JsonLists;
import org.cortexlit.search.SearchService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The search comparison of docs/performance.md: every query of {@code /bench/queries.txt} on our Lucene core, on
 * PostgreSQL full-text search ({@code tsvector} + GIN, ranked with {@code ts_rank}, top 20) and on H2 with
 * {@code LIKE} (no index can help a leading wildcard; no ranking, newest first), over the same records.
 *
 * <p>The records are read from the app's own H2 database (what the import wrote) into a PostgreSQL table (COPY)
 * and a separate H2 file database (one denormalised row per article: LIKE's best case), so all three hold the same
 * articles. The queries are put to the SQL backends through the explicit, per-query table
 * {@code /bench/queries-sql.tsv}, which also says what each backend cannot express as our parser does.
 *
 * <p>What is timed, per query: Lucene, {@link SearchService#search} page 1 of 20 by relevance (translation,
 * exact total, facets, highlights, stored fields: more work than the SQL backends do); PostgreSQL and H2, one
 * prepared statement returning the top 20 (id, PMID, title) with the total ({@code count(*) over ()}) that a
 * results page shows, all rows read. Rounds are interleaved as in {@link SearchLatency}. H2 LIKE reads every row
 * for every query, so it gets its own (smaller) number of rounds.
 */
final class BackendComparison {

    enum Backend {
        LUCENE("lucene"), POSTGRES("postgres"), H2_LIKE("h2-like");

        final String label;

        Backend(String label) {
            this.label = label;
        }
    }

    /** One line of queries-sql.tsv; {@code tsquery} and {@code pgFilter} are null where the file says '-'. */
    record Translation(String query, String tsquery, String pgFilter, String like, String note) {

        String postgresSql() {
            if (tsquery == null) {
                return "select id, pmid, title, count(*) over () from doc where " + pgFilter
                        + " order by pub_year desc nulls last, id limit 20";
            }
            return "select id, pmid, title, ts_rank(tsv, q) as rank, count(*) over () from doc, to_tsquery('english', ?) q"
                    + " where tsv @@ q" + (pgFilter == null ? "" : " and (" + pgFilter + ")")
                    + " order by rank desc, id limit 20";
        }

        String likeSql() {
            return "select id, pmid, title, count(*) over () from doc where " + like
                    + " order by pub_year desc nulls last, id limit 20";
        }
    }

    record Result(SearchLatency.Query query, Map<Backend, Long> hits, Map<Backend, long[]> nanos) {
    }

    record Load(double postgresSeconds, double h2Seconds, long postgresBytes) {
    }

    record Report(long records, String postgresVersion, Load load, int warmupRounds, int iterations, int likeIterations,
                  List<Result> results) {

        /** Per class: pooled percentiles per backend (absent when the backend did not run). */
        Map<String, Map<Backend, SearchLatency.Percentiles>> classes() {
            Map<String, List<Result>> byKind = new LinkedHashMap<>();
            results.forEach(r -> byKind.computeIfAbsent(r.query().kind(), k -> new ArrayList<>()).add(r));
            Map<String, Map<Backend, SearchLatency.Percentiles>> out = new LinkedHashMap<>();
            byKind.forEach((kind, rs) -> {
                Map<Backend, SearchLatency.Percentiles> m = new LinkedHashMap<>();
                for (Backend b : Backend.values()) {
                    if (rs.get(0).nanos().containsKey(b)) {
                        m.put(b, SearchLatency.Percentiles.of(rs.stream()
                                .flatMapToLong(r -> Arrays.stream(r.nanos().get(b))).sorted().toArray()));
                    }
                }
                out.put(kind, m);
            });
            return out;
        }

        String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%nSearch comparison: %,d records; Lucene and PostgreSQL %s: %d warm-up + %d "
                            + "rounds; H2 LIKE: %d rounds; %d cores%n", records,
                    postgresVersion == null ? "(absent: skipped)" : postgresVersion, warmupRounds, iterations, likeIterations,
                    Runtime.getRuntime().availableProcessors()));
            if (load != null) {
                sb.append(String.format(Locale.ROOT, "load: PostgreSQL COPY + GIN %.1f s (%,d MB on disk), H2 LIKE table %.1f s%n",
                        load.postgresSeconds(), load.postgresBytes() >> 20, load.h2Seconds()));
            }
            sb.append("ms per class, p50 / p95 / p99; ratio = that backend's p50 and p95 over Lucene's (above 1: Lucene faster)\n");
            sb.append(String.format(Locale.ROOT, "%-11s %22s %22s %13s %24s %15s%n", "class", "lucene", "postgres", "pg/lucene",
                    "h2 like", "like/lucene"));
            classes().forEach((kind, m) -> {
                SearchLatency.Percentiles l = m.get(Backend.LUCENE);
                sb.append(String.format(Locale.ROOT, "%-11s %22s", kind, triple(l)));
                for (Backend b : List.of(Backend.POSTGRES, Backend.H2_LIKE)) {
                    SearchLatency.Percentiles x = m.get(b);
                    sb.append(String.format(Locale.ROOT, b == Backend.H2_LIKE ? " %24s %15s" : " %22s %13s",
                            x == null ? "-" : triple(x), x == null ? "-" : String.format(Locale.ROOT, "%.1fx / %.1fx",
                                    x.p50Ms() / l.p50Ms(), x.p95Ms() / l.p95Ms())));
                }
                sb.append('\n');
            });
            sb.append("\nper query: hits lucene / postgres / h2 like (they differ where the note in queries-sql.tsv says why)\n");
            for (Result r : results) {
                sb.append(String.format(Locale.ROOT, "%-11s %9s %9s %9s  %s%n", r.query().kind(), hits(r, Backend.LUCENE),
                        hits(r, Backend.POSTGRES), hits(r, Backend.H2_LIKE), r.query().text()));
            }
            return sb.toString();
        }

        private static String hits(Result r, Backend b) {
            Long h = r.hits().get(b);
            return h == null ? "-" : String.format(Locale.ROOT, "%,d", h);
        }

        private static String triple(SearchLatency.Percentiles x) {
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", x.p50Ms(), x.p95Ms(), x.p99Ms());
        }

        String json() throws IOException {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("records", records);
            root.put("postgresVersion", postgresVersion);
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("warmupRounds", warmupRounds);
            root.put("iterations", iterations);
            root.put("likeIterations", likeIterations);
            if (load != null) {
                root.put("loadSeconds", Map.of("postgres", SearchLatency.Percentiles.round(load.postgresSeconds()), "h2Like", SearchLatency.Percentiles.round(load.h2Seconds())));
                root.put("postgresBytes", load.postgresBytes());
            }
            List<Object> classes = new ArrayList<>();
            classes().forEach((kind, m) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("class", kind);
                SearchLatency.Percentiles l = m.get(Backend.LUCENE);
                m.forEach((b, x) -> {
                    Map<String, Object> p = x.json();
                    if (b != Backend.LUCENE) {
                        p.put("ratioP50", SearchLatency.Percentiles.round(x.p50Ms() / l.p50Ms()));
                        p.put("ratioP95", SearchLatency.Percentiles.round(x.p95Ms() / l.p95Ms()));
                        p.put("ratioP99", SearchLatency.Percentiles.round(x.p99Ms() / l.p99Ms()));
                    }
                    c.put(b.label, p);
                });
                classes.add(c);
            });
            root.put("classes", classes);
            List<Object> qs = new ArrayList<>();
            for (Result r : results) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("class", r.query().kind());
                q.put("query", r.query().text());
                r.hits().forEach((b, h) -> q.put(b.label + "Hits", h));
                r.nanos().forEach((b, n) -> q.put(b.label, SearchLatency.Percentiles.of(n).json()));
                qs.add(q);
            }
            root.put("queries", qs);
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }
    }

    /** The translations of queries-sql.tsv, in the order of {@code queries}; fails naming any query without one. */
    static List<Translation> translations(List<SearchLatency.Query> queries) throws IOException {
        Map<String, Translation> byQuery = new LinkedHashMap<>();
        try (InputStream in = BackendComparison.class.getResourceAsStream("/bench/queries-sql.tsv")) {
            if (in == null) {
                throw new IOException("No /bench/queries-sql.tsv on the test classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IOException("queries-sql.tsv: expected 5 tab-separated columns, got " + f.length + ": " + line);
                }
                byQuery.put(f[0], new Translation(f[0], dash(f[1]), dash(f[2]), f[3], dash(f[4])));
            }
        }
        List<Translation> out = new ArrayList<>();
        for (SearchLatency.Query q : queries) {
            Translation t = byQuery.get(q.text());
            if (t == null) {
                throw new IllegalStateException("queries-sql.tsv has no line for the query '" + q.text()
                        + "' of queries.txt: add how PostgreSQL and H2 LIKE should run it");
            }
            out.add(t);
        }
        return out;
    }

    private static String dash(String s) {
        return s.isBlank() || s.equals("-") ? null : s;
    }

    // ------------------------------------------------------------------------------------------------
    // Loading

    /** One article, denormalised. */
    private record Row(long id, String pmid, String title, String abstractText, String journal, Integer year,
                       List<String> mesh, List<String> keywords, List<String> pubtypes, List<String> authors,
                       List<String> lastNames) {
    }

    private static final String EXPORT = """
            select a.id, a.pmid, a.title, coalesce(a.journal, ''), a.pub_year, a.abstract_json, a.mesh_json,
              a.keywords_json, a.publication_types_json, a.authors_json
            from article a where a.withdrawn = false order by a.id
            """;
    private static final JsonLists.Sections SECTIONS = new JsonLists.Sections();
    private static final JsonLists.Mesh MESH = new JsonLists.Mesh();
    private static final JsonLists.Strings STRINGS = new JsonLists.Strings();
    private static final JsonLists.Authors AUTHORS = new JsonLists.Authors();

    /** One exported row, denormalised as the two comparison schemas want it. */
    private static Row row(ResultSet rs) throws SQLException {
        int year = rs.getInt(5);
        Integer y = rs.wasNull() ? null : year;
        String abstractText = String.join(" ", SECTIONS.convertToEntityAttribute(rs.getString(6)).stream()
                .map(x -> x.label == null ? x.text : x.label + ": " + x.text).toList());
        List<String> mesh = MESH.convertToEntityAttribute(rs.getString(7)).stream().map(m -> m.descriptor).toList();
        List<Author> authors = AUTHORS.convertToEntityAttribute(rs.getString(10));
        List<String> names = authors.stream().map(u -> {
            String n = ((u.lastName == null ? "" : u.lastName) + " " + (u.initials == null ? "" : u.initials)).trim();
            return n.isEmpty() && u.collectiveName != null ? u.collectiveName : n;
        }).toList();
        List<String> lastNames = authors.stream().filter(u -> u.lastName != null)
                .map(u -> u.lastName.toLowerCase(Locale.ROOT)).toList();
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), abstractText, rs.getString(4), y, mesh,
                STRINGS.convertToEntityAttribute(rs.getString(8)), STRINGS.convertToEntityAttribute(rs.getString(9)),
                names, lastNames);
    }


    private static final String PG_SCHEMA = """
            drop table if exists doc;
            create table doc (
              id bigint primary key, pmid text, title text not null, abstract text, mesh text, other text,
              pubtypes text[] not null, author_names text[] not null, first_author text, pub_year integer,
              tsv tsvector generated always as (
                setweight(to_tsvector('english', coalesce(title, '')), 'A')
                || setweight(to_tsvector('english', coalesce(abstract, '')), 'B')
                || setweight(to_tsvector('english', coalesce(mesh, '')), 'C')
                || setweight(to_tsvector('english', coalesce(other, '')), 'D')) stored)
            """;

    private static final String PG_INDEXES = """
            create index doc_tsv on doc using gin (tsv);
            create index doc_pubtypes on doc using gin (pubtypes);
            create index doc_author_names on doc using gin (author_names);
            create index doc_first_author on doc (first_author);
            create index doc_pub_year on doc (pub_year);
            vacuum analyze doc
            """;

    private static final String H2_SCHEMA = """
            drop table if exists doc;
            create table doc (id bigint primary key, pmid varchar(20), title varchar(100000), pub_year integer,
              alltext varchar(1000000), tiab varchar(1000000), mesh varchar(100000), pubtypes varchar(10000), author_names varchar(100000),
              first_author varchar(500));
            """;

    /**
     * Copies the app's visible articles into PostgreSQL (when {@code pg} is not null) and into the H2 LIKE database,
     * then builds the indexes. Returns the seconds each took (reading the app's database counted in both).
     */
    static Load load(DataSource app, Connection pg, Connection h2) throws SQLException, IOException {
        long t0 = System.nanoTime();
        List<Row> batch = new ArrayList<>(1000);
        long pgNanos = 0;
        long h2Nanos = 0;
        try (Statement s = h2.createStatement()) {
            s.execute(H2_SCHEMA);
        }
        CopyIn copy = null;
        if (pg != null) {
            try (Statement s = pg.createStatement()) {
                s.execute(PG_SCHEMA);
            }
            copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("copy doc (id, pmid, title, abstract, mesh, other, "
                    + "pubtypes, author_names, first_author, pub_year) from stdin");
        }
        h2.setAutoCommit(false);
        try (Connection c = app.getConnection(); Statement st = c.createStatement();
             PreparedStatement ins = h2.prepareStatement("insert into doc values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setFetchSize(1000);
            long readNanos = 0;
            long r0 = System.nanoTime();
            try (ResultSet rs = st.executeQuery(EXPORT)) {
                while (rs.next()) {
                    batch.add(row(rs));
                    if (batch.size() == 1000) {
                        readNanos += System.nanoTime() - r0;
                        pgNanos += writePostgres(copy, batch);
                        h2Nanos += writeH2(ins, batch);
                        h2.commit();
                        batch.clear();
                        r0 = System.nanoTime();
                    }
                }
            }
            readNanos += System.nanoTime() - r0;
            pgNanos += writePostgres(copy, batch);
            h2Nanos += writeH2(ins, batch);
            h2.commit();
            pgNanos += readNanos;
            h2Nanos += readNanos;
        }
        long h0 = System.nanoTime();
        try (Statement s = h2.createStatement()) {
            s.execute("create index doc_pub_year on doc (pub_year)");
            s.execute("analyze");
        }
        h2.commit();
        h2.setAutoCommit(true);
        h2Nanos += System.nanoTime() - h0;
        long bytes = 0;
        if (copy != null) {
            long p0 = System.nanoTime();
            copy.endCopy();
            try (Statement s = pg.createStatement()) {
                for (String sql : PG_INDEXES.split(";")) {
                    s.execute(sql);
                }
                try (ResultSet rs = s.executeQuery("select pg_total_relation_size('doc')")) {
                    rs.next();
                    bytes = rs.getLong(1);
                }
            }
            pgNanos += System.nanoTime() - p0;
        }
        return new Load(pgNanos / 1e9, h2Nanos / 1e9, bytes);
    }

    private static long writePostgres(CopyIn copy, List<Row> rows) throws SQLException {
        if (copy == null || rows.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        StringBuilder sb = new StringBuilder(rows.size() * 2500);
        for (Row r : rows) {
            sb.append(r.id()).append('\t');
            copyText(sb, r.pmid()).append('\t');
            copyText(sb, r.title()).append('\t');
            copyText(sb, r.abstractText()).append('\t');
            copyText(sb, String.join(" | ", r.mesh())).append('\t');
            List<String> other = new ArrayList<>(r.keywords());
            other.addAll(r.authors());
            other.addAll(r.pubtypes());
            other.add(r.journal());
            copyText(sb, String.join(" ; ", other)).append('\t');
            copyText(sb, array(r.pubtypes())).append('\t');
            copyText(sb, array(r.lastNames())).append('\t');
            copyText(sb, r.lastNames().isEmpty() ? null : r.lastNames().get(0)).append('\t');
            sb.append(r.year() == null ? "\\N" : r.year().toString()).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        return System.nanoTime() - t0;
    }

    private static long writeH2(PreparedStatement ins, List<Row> rows) throws SQLException {
        long t0 = System.nanoTime();
        for (Row r : rows) {
            String tiab = (r.title() + " " + r.abstractText()).toLowerCase(Locale.ROOT);
            List<String> all = new ArrayList<>(List.of(r.title(), r.abstractText()));
            all.addAll(r.mesh());
            all.addAll(r.keywords());
            all.addAll(r.authors());
            all.addAll(r.pubtypes());
            all.add(r.journal());
            ins.setLong(1, r.id());
            ins.setString(2, r.pmid());
            ins.setString(3, r.title());
            if (r.year() == null) {
                ins.setNull(4, Types.INTEGER);
            } else {
                ins.setInt(4, r.year());
            }
            ins.setString(5, String.join(" ", all).toLowerCase(Locale.ROOT));
            ins.setString(6, tiab);
            ins.setString(7, bars(r.mesh()).toLowerCase(Locale.ROOT));
            ins.setString(8, bars(r.pubtypes()));
            ins.setString(9, bars(r.lastNames()));
            ins.setString(10, r.lastNames().isEmpty() ? null : r.lastNames().get(0));
            ins.addBatch();
        }
        ins.executeBatch();
        return System.nanoTime() - t0;
    }

    private static String bars(List<String> values) {
        return values.stream().collect(Collectors.joining("|", "|", "|"));
    }

    /** A text[] literal: {"a","b"}, each element quoted with " and \ escaped. */
    private static String array(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Appends a value in COPY's text format: \N for null, backslash, tab, newline and CR escaped. */
    private static StringBuilder copyText(StringBuilder sb, String v) {
        if (v == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    /** A fresh H2 file database for the LIKE table. */
    static Connection openH2(Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        for (String f : new String[]{"like.mv.db", "like.trace.db"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("like"), "sa", "");
    }

    // ------------------------------------------------------------------------------------------------
    // Timing

    private final SearchService search;
    private final Connection pg;
    private final Connection h2;

    /** @param pg null to leave PostgreSQL out */
    BackendComparison(SearchService search, Connection pg, Connection h2) {
        this.search = search;
        this.pg = pg;
        this.h2 = h2;
    }

    Report run(List<SearchLatency.Query> queries, long records, String pgVersion, Load load, int warmupRounds,
               int iterations, int likeIterations) throws Exception {
        List<Translation> tr = translations(queries);
        List<Backend> backends = new ArrayList<>(List.of(Backend.LUCENE));
        if (pg != null) {
            backends.add(Backend.POSTGRES);
        }
        if (likeIterations > 0) {
            backends.add(Backend.H2_LIKE);
        }
        int n = queries.size();
        PreparedStatement[] pgStatements = new PreparedStatement[n];
        PreparedStatement[] likeStatements = new PreparedStatement[n];
        List<Map<Backend, Long>> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Backend, Long> h = new LinkedHashMap<>();
            h.put(Backend.LUCENE, search.search(queries.get(i).text(), 1, 20, SearchService.Order.RELEVANCE).total());
            if (pg != null) {
                pgStatements[i] = pg.prepareStatement(tr.get(i).postgresSql());
                if (tr.get(i).tsquery() != null) {
                    pgStatements[i].setString(1, tr.get(i).tsquery());
                }
                h.put(Backend.POSTGRES, total(pgStatements[i]));
            }
            if (likeIterations > 0) {
                likeStatements[i] = h2.prepareStatement(tr.get(i).likeSql());
                h.put(Backend.H2_LIKE, total(likeStatements[i]));
            }
            hits.add(h);
        }
        for (int round = 0; round < warmupRounds; round++) {
            for (int i = 0; i < n; i++) {
                search.search(queries.get(i).text(), 1, 20, SearchService.Order.RELEVANCE);
                if (pg != null) {
                    total(pgStatements[i]);
                }
            }
        }
        long[][][] samples = new long[n][Backend.values().length][];
        for (int i = 0; i < n; i++) {
            samples[i][Backend.LUCENE.ordinal()] = new long[iterations];
            samples[i][Backend.POSTGRES.ordinal()] = new long[iterations];
            samples[i][Backend.H2_LIKE.ordinal()] = new long[likeIterations];
        }
        for (int it = 0; it < Math.max(iterations, likeIterations); it++) {
            for (int i = 0; i < n; i++) {
                if (it < iterations) {
                    long t0 = System.nanoTime();
                    search.search(queries.get(i).text(), 1, 20, SearchService.Order.RELEVANCE);
                    samples[i][Backend.LUCENE.ordinal()][it] = Math.max(1, System.nanoTime() - t0);
                    if (pg != null) {
                        t0 = System.nanoTime();
                        total(pgStatements[i]);
                        samples[i][Backend.POSTGRES.ordinal()][it] = Math.max(1, System.nanoTime() - t0);
                    }
                }
                if (it < likeIterations) {
                    long t0 = System.nanoTime();
                    total(likeStatements[i]);
                    samples[i][Backend.H2_LIKE.ordinal()][it] = Math.max(1, System.nanoTime() - t0);
                }
            }
        }
        for (PreparedStatement p : pgStatements) {
            if (p != null) {
                p.close();
            }
        }
        for (PreparedStatement p : likeStatements) {
            if (p != null) {
                p.close();
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Backend, long[]> byBackend = new LinkedHashMap<>();
            for (Backend b : backends) {
                long[] s = samples[i][b.ordinal()];
                Arrays.sort(s);
                byBackend.put(b, s);
            }
            results.add(new Result(queries.get(i), hits.get(i), byBackend));
        }
        return new Report(records, pgVersion, load, warmupRounds, iterations, likeIterations, results);
    }

    /** Runs the statement, reads every row (as a results page would) and returns the total it reports. */
    private static long total(PreparedStatement ps) throws SQLException {
        long total = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rs.getLong(1);
                rs.getString(2);
                rs.getString(3);
                total = rs.getLong(cols);
            }
        }
        return total;
    }
}
