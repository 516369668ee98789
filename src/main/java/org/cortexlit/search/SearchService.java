package org.cortexlit.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.search.query.QueryTranslator;
import org.cortexlit.search.query.TranslatedQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs PubMed-style queries against the index: ranking or date order, paging, highlighted snippets. */
@ApplicationScoped
public class SearchService {

    /** Deepest result reachable by paging (page * size). */
    public static final int MAX_WINDOW = 10_000;
    public static final int MAX_PAGE_SIZE = 100;

    public enum Order {
        RELEVANCE, DATE;

        public static Order parse(String s) throws QuerySyntaxException {
            if (s == null || s.isBlank() || s.equalsIgnoreCase("relevance")) {
                return RELEVANCE;
            }
            if (s.equalsIgnoreCase("date")) {
                return DATE;
            }
            throw new QuerySyntaxException("Unknown sort '" + s + "': use relevance or date", 0);
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Hit(String pmid, String title, Integer year, String journal, float score,
                      String titleHtml, String snippetHtml) {
    }

    public record Result(String query, String normalized, long total, int page, int size, Order order, List<Hit> hits) {

        public int pages() {
            long reachable = Math.min(total, MAX_WINDOW);
            return (int) Math.max(1, (reachable + size - 1) / size);
        }
    }

    private final SearchIndex index;
    private final QueryTranslator translator;

    public SearchService(SearchIndex index) {
        this.index = index;
        this.translator = new QueryTranslator(index.analyzer());
    }

    public TranslatedQuery translate(String q) throws QuerySyntaxException {
        return translator.translate(q == null ? "" : q);
    }

    /**
     * @param page 1-based
     * @throws QuerySyntaxException for a query, page or size a person must correct
     */
    public Result search(String q, int page, int size, Order order) throws QuerySyntaxException, IOException {
        if (page < 1) {
            throw new QuerySyntaxException("page must be 1 or more, not " + page, 0);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new QuerySyntaxException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size, 0);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new QuerySyntaxException("Only the first " + MAX_WINDOW + " results can be paged through; narrow the query", 0);
        }
        TranslatedQuery tq = translate(q);
        int from = (page - 1) * size;
        return index.withSearcher(searcher -> {
            int total = searcher.count(tq.query());
            TopFieldDocs top = searcher.search(tq.query(), from + size, sort(order), true);
            ScoreDoc[] pageDocs = from >= top.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            TopDocs pageTop = new TopDocs(top.totalHits, pageDocs);
            Map<String, String[]> titles = highlighter(searcher, true).highlightFields(
                    new String[]{IndexFields.TITLE}, tq.query(), pageTop, new int[]{1});
            Map<String, String[]> abstracts = highlighter(searcher, false).highlightFields(
                    new String[]{IndexFields.ABSTRACT}, tq.query(), pageTop, new int[]{2});
            List<Hit> hits = new ArrayList<>(pageDocs.length);
            for (int i = 0; i < pageDocs.length; i++) {
                Document d = searcher.storedFields().document(pageDocs[i].doc);
                hits.add(new Hit(d.get(IndexFields.PMID), d.get(IndexFields.TITLE),
                        d.getField(IndexFields.YEAR) == null ? null : d.getField(IndexFields.YEAR).numericValue().intValue(),
                        d.get(IndexFields.JOURNAL), Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score,
                        titles.get(IndexFields.TITLE)[i], abstracts.get(IndexFields.ABSTRACT)[i]));
            }
            return new Result(q, tq.normalized(), total, page, size, order, hits);
        });
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean whole) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000);
        if (whole) {
            b.withBreakIterator(WholeBreakIterator::new);
        }
        return b.build();
    }

    private static Sort sort(Order order) {
        SortField tieBreak = new SortField(IndexFields.PMID_SORT, SortField.Type.LONG, true);
        if (order == Order.DATE) {
            SortField year = new SortField(IndexFields.YEAR_SORT, SortField.Type.LONG, true);
            year.setMissingValue(Long.MIN_VALUE);
            return new Sort(year, tieBreak);
        }
        return new Sort(SortField.FIELD_SCORE, tieBreak);
    }
}
