package org.cortexlit.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.search.Query;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the evidence is: for any query, how many studies each cortical target (rows) has in each study design
 * (columns), from the reviewers' tags or the suggested ones. Each cell is exactly the search
 * {@code <query> AND X[target] AND Y[design]}, so following it lists the studies counted.
 */
@ApplicationScoped
public class EvidenceMap {

    /** The tags a map counts: the ones reviewers confirmed, or the suggested ones. */
    public enum Tags {
        CONFIRMED(Facets.TAGS), SUGGESTED(Facets.SUGGESTED);

        private final List<Facets.Dimension> dimensions;

        Tags(List<Facets.Dimension> dimensions) {
            this.dimensions = dimensions;
        }

        /** "suggested" or anything else (confirmed, the default). */
        public static Tags parse(String s) {
            return "suggested".equalsIgnoreCase(s == null ? "" : s.strip()) ? SUGGESTED : CONFIRMED;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        Facets.Dimension dimension(TagDimension d) {
            return dimensions.get(d.ordinal());
        }
    }

    /** A cell: its count and the search that lists the studies it counts. */
    public record Cell(long count, String query, int heat) {
    }

    /** The map of {@code query}: {@code counts[row][column]}, rows the targets and columns the designs. */
    public record Result(String query, Tags tags, List<String> rows, List<String> columns, List<List<Cell>> cells) {
        public List<List<Long>> counts() {
            return cells.stream().map(r -> r.stream().map(Cell::count).toList()).toList();
        }
    }

    private final SearchService search;

    public EvidenceMap(SearchService search) {
        this.search = search;
    }

    /**
     * @param filter the documents to count among (a review's records), or null for the whole corpus
     * @throws QuerySyntaxException when the query cannot be read
     */
    public Result of(String query, Tags tags, Query filter) throws QuerySyntaxException, IOException {
        String q = query == null ? "" : query.strip();
        List<String> rows = TagDimension.TARGET.defaults;
        List<String> columns = TagDimension.DESIGN.defaults;
        Facets.Dimension target = tags.dimension(TagDimension.TARGET);
        Facets.Dimension design = tags.dimension(TagDimension.DESIGN);
        List<String> queries = new ArrayList<>();
        for (String row : rows) {
            for (String column : columns) {
                queries.add(design.narrow(target.narrow(q, row), column));
            }
        }
        List<Long> totals = search.totals(queries, filter);
        long max = totals.stream().mapToLong(Long::longValue).max().orElse(0);
        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int i = r * columns.size() + c;
                line.add(new Cell(totals.get(i), queries.get(i), heat(totals.get(i), max)));
            }
            cells.add(List.copyOf(line));
        }
        return new Result(q, tags, rows, columns, List.copyOf(cells));
    }

    /** The shade of a cell, 0 (none) to 4 (the fullest cell), so the eye finds where studies gather and where none are. */
    static int heat(long count, long max) {
        return count == 0 || max == 0 ? 0 : (int) Math.max(1, Math.min(4, Math.ceil(4.0 * count / max)));
    }
}
