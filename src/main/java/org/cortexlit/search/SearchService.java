package org.cortexlit.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.search.query.QueryTranslator;
import org.cortexlit.search.query.TranslatedQuery;
import org.cortexlit.text.Html;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Runs PubMed-style queries against the index: ranking or date order, paging, highlighted snippets. */
@ApplicationScoped
public class SearchService {

    /** Deepest result reachable by paging (page * size). */
    public static final int MAX_WINDOW = 10_000;
    public static final int MAX_PAGE_SIZE = 100;

    /** Result orders; every one ends with the PMID, so paging never repeats or skips a record. */
    public enum Order {
        RELEVANCE("Best match"), DATE("Newest first"), OLDEST("Oldest first"), AUTHOR("First author"), JOURNAL("Journal");

        public final String label;

        Order(String label) {
            this.label = label;
        }

        public static Order parse(String s) throws QuerySyntaxException {
            if (s == null || s.isBlank()) {
                return RELEVANCE;
            }
            for (Order o : values()) {
                if (o.param().equalsIgnoreCase(s.trim()) || (o == DATE && s.trim().equalsIgnoreCase("newest"))) {
                    return o;
                }
            }
            throw new QuerySyntaxException("Unknown sort '" + s + "': use relevance, date, oldest, author or journal", 0);
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One value of a facet dimension with its count among the hits. */
    public record FacetValue(String value, long count) {
    }

    /** A dimension's values, most frequent first (years: newest first). */
    public record Facet(Facets.Dimension dimension, List<FacetValue> values) {
    }

    /** A hit; {@code key} is the article's PMID or CL&lt;id&gt;, {@code pmid} null for a record without one. */
    public record Hit(String key, String pmid, String title, Integer year, String journal, float score,
                      String titleHtml, String snippetHtml, String authors) {
    }

    public record Result(String query, String normalized, long total, int page, int size, Order order, List<Hit> hits,
                         List<Facet> facets) {

        public int pages() {
            long reachable = Math.min(total, MAX_WINDOW);
            return (int) Math.max(1, (reachable + size - 1) / size);
        }

        /** The number of this page's first hit, counting from 1 across pages. */
        public long first() {
            return (long) (page - 1) * size + 1;
        }
    }

    private final SearchIndex index;
    private final QueryTranslator translator;

    /** Time of each search (core and counting, not the page around it): the cortexlit_search_seconds metric. */
    private final Timer searchTimer;
    /** Searches running at once (cortexlit.index.search-concurrency), handed out in arrival order. */
    private final Semaphore turns;
    private final Duration turnWait;

    @Inject
    public SearchService(SearchIndex index, CortexLitConfig config,
                         MeterRegistry registry) {
        this.index = index;
        this.countCache = new CountCache(config.index().countCacheSize());
        int concurrency = config.index().searchConcurrency();
        this.turns = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
        this.turnWait = config.index().searchWait();
        this.translator = new QueryTranslator(index.analyzer());
        this.searchTimer = Timer.builder("cortexlit.search")
                .description("Searches of the corpus: translation, ranking and counting").publishPercentileHistogram()
                .register(registry);
    }

    public TranslatedQuery translate(String q) throws QuerySyntaxException {
        return translator.translate(q == null ? "" : q);
    }

    /**
     * @param page 1-based
     * @throws QuerySyntaxException for a query, page or size a person must correct
     */
    public Result search(String q, int page, int size, Order order) throws QuerySyntaxException, IOException {
        return search(q, page, size, order, null);
    }

    /** The same, restricted to the documents {@code filter} matches (say, one review's records); it does not score. */
    public Result search(String q, int page, int size, Order order, Query filter) throws QuerySyntaxException, IOException {
        long started = System.nanoTime();
        try {
            if (!turns.tryAcquire(turnWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy("Search is busy: " + turns.getQueueLength() + " searches are waiting for their turn. "
                        + "Try again in a few seconds.");
            }
            try {
                return searchUntimed(q, page, size, order, filter);
            } finally {
                turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("The search was stopped while it waited for its turn.");
        } finally {
            searchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The number of hits of each query (within {@code filter} when given), counted without ranking or facets, on one
     * view of the index and in one turn: the cells of an evidence map.
     *
     * @throws QuerySyntaxException naming the first query that cannot be read
     */
    public List<Long> totals(List<String> queries, Query filter) throws QuerySyntaxException, IOException {
        List<TranslatedQuery> translated = new ArrayList<>(queries.size());
        for (String q : queries) {
            translated.add(translate(q));
        }
        try {
            if (!turns.tryAcquire(turnWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy("Search is busy: " + turns.getQueueLength() + " searches are waiting for their turn. "
                        + "Try again in a few seconds.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("The search was stopped while it waited for its turn.");
        }
        try {
            return index.withSearcher(searcher -> {
                List<Long> totals = new ArrayList<>(translated.size());
                for (TranslatedQuery tq : translated) {
                    Query query = queryFor(tq, searcher);
                    Query base = filter == null ? query : new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                            .add(filter, BooleanClause.Occur.FILTER).build();
                    totals.add((long) searcher.count(base));
                }
                return totals;
            });
        } finally {
            turns.release();
        }
    }

    /** The turns searches take (tests hold them to see a search wait). */
    Semaphore turns() {
        return turns;
    }

    /** A search that waited longer than {@code cortexlit.index.search-wait} for its turn: answered 503. */
    public static class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    private Result searchUntimed(String q, int page, int size, Order order, Query filter) throws QuerySyntaxException, IOException {
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
            Query query = queryFor(tq, searcher);
            Query base = filter == null ? query : new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(filter, BooleanClause.Occur.FILTER).build();
            TopDocs top = rank(searcher, base, order, from + size);
            // a review's filter can hold thousands of keys: such counts are not kept
            Counts counts = filter == null ? count(searcher, base) : countUncached(searcher, base);
            ScoreDoc[] pageDocs = from >= top.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            TopDocs pageTop = new TopDocs(top.totalHits, pageDocs);
            Query marks = markQuery(query);
            Map<String, String[]> marked = marker(searcher).highlightFields(
                    new String[]{IndexFields.TITLE, IndexFields.ABSTRACT}, marks, pageTop, new int[]{1, 2});
            List<Hit> hits = new ArrayList<>(pageDocs.length);
            for (int i = 0; i < pageDocs.length; i++) {
                Document d = searcher.storedFields().document(pageDocs[i].doc);
                hits.add(hit(d, pageDocs[i].score, marked.get(IndexFields.TITLE)[i], marked.get(IndexFields.ABSTRACT)[i]));
            }
            return new Result(q, tq.normalized(), counts.total(), page, size, order, hits, counts.facets());
        });
    }

    /**
     * Hits counted exactly only up to this many while ranking; past it the ranking pass may skip documents that
     * cannot reach the page (block-max WAND). The exact total comes from {@link #count}, which does not score.
     */
    static final int RANK_COUNT_THRESHOLD = 1_000;

    /** The weight of the static rank feature (1.0 to 1.25, {@link ArticleDocuments#rankBoost}) added to BM25. */
    static final float RANK_WEIGHT = 2f;

    /**
     * The ranking pass: the first {@code n} documents of {@code base} in {@code order}, without facets and without
     * counting every hit, so Lucene can skip blocks that cannot compete. In relevance order the rank feature is an
     * added clause (not a multiplier), which keeps that skipping possible.
     */
    static TopDocs rank(IndexSearcher searcher, Query base, Order order, int n) throws IOException {
        return searcher.search(ranked(base, order), ranker(order, n));
    }

    /**
     * The collector of the ranking pass. By relevance, equal scores keep the index's order (stable while the index
     * does not change, which is all paging needs: a change moves BM25's statistics, so scores too): Lucene's
     * field-sort collector with the PMID as a second key never tells the scorer a minimum score, so it scored all
     * 4,853 hits of "pain" in {@code RankingPassTest}, where this one skips to about 1,000. The other orders break
     * ties by PMID.
     */
    static CollectorManager<? extends TopDocsCollector<?>, ? extends TopDocs> ranker(Order order, int n) {
        int k = Math.max(1, n);
        return order == Order.RELEVANCE ? new TopScoreDocCollectorManager(k, null, RANK_COUNT_THRESHOLD)
                : new TopFieldCollectorManager(sort(order), k, null, RANK_COUNT_THRESHOLD);
    }

    /**
     * What the ranking pass searches: in relevance order, {@code base} plus the rank bonus, as one conjunction that
     * tells each of its clauses what it must score for a record to stay competitive ({@link TopScoringConjunction}).
     * Every document has the rank feature, so requiring it drops none.
     */
    static Query ranked(Query base, Order order) {
        return order == Order.RELEVANCE ? TopScoringConjunction.of(base,
                FeatureField.newLinearQuery(IndexFields.FEATURES, IndexFields.RANK_FEATURE, RANK_WEIGHT),
                RANK_WEIGHT * ArticleDocuments.MAX_RANK_BOOST)
                : base;
    }

    /** The exact number of hits and the facet counts among them: one pass over the hits that does not score. */
    public record Counts(long total, List<Facet> facets) {
    }

    Counts count(IndexSearcher searcher, Query base) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        long version = reader instanceof DirectoryReader d ? d.getVersion() : -1;
        CountKey key = version < 0 ? null : new CountKey(index.epoch(), version, base);
        Counts cached = key == null ? null : countCache.get(key);
        if (cached != null) {
            return cached;
        }
        Counts counts = countUncached(searcher, base);
        if (key != null) {
            countCache.put(key, counts);
        }
        return counts;
    }

    /** The index state a count was made on (the open's epoch, and the reader version every commit or refresh
     * changes) and the query counted. */
    private record CountKey(long epoch, long indexVersion, Query query) {
    }

    /** A small LRU map of counts; entries of older index versions are never asked for again and age out. */
    static final class CountCache {
        private final int capacity;
        private final Map<CountKey, Counts> map;
        private long hits;
        private long misses;

        CountCache(int capacity) {
            this.capacity = Math.max(0, capacity);
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CountKey, Counts> eldest) {
                    return size() > CountCache.this.capacity;
                }
            };
        }

        synchronized Counts get(CountKey key) {
            Counts c = capacity == 0 ? null : map.get(key);
            if (c == null) {
                misses++;
            } else {
                hits++;
            }
            return c;
        }

        synchronized void put(CountKey key, Counts counts) {
            if (capacity > 0) {
                map.put(key, counts);
            }
        }

        synchronized long[] stats() {
            return new long[]{hits, misses};
        }
    }

    private final CountCache countCache;

    /** {hits, misses} of the count cache since start. */
    long[] countCacheStats() {
        return countCache.stats();
    }

    Counts countUncached(IndexSearcher searcher, Query base) throws IOException {
        FacetsCollector hits = searcher.search(base, new FacetsCollectorManager(false));
        long total = 0;
        for (FacetsCollector.MatchingDocs m : hits.getMatchingDocs()) {
            total += m.totalHits;
        }
        return new Counts(total, facets(searcher, hits));
    }

    /**
     * The form of {@code tq} to run on {@code searcher}'s index: the phrases of the {@link PhraseIndex} as their tokens
     * when every document holds them, else by positions (an index written before the phrase list changed, until the
     * start-up check has rebuilt it). Checked once per index reader.
     */
    public Query queryFor(TranslatedQuery tq, IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        PhraseState known = phraseState;
        if (known == null || known.reader() != reader) {
            known = new PhraseState(reader, PhraseIndex.standard().isComplete(reader));
            phraseState = known;
        }
        return tq.queryFor(known.complete());
    }

    private record PhraseState(IndexReader reader, boolean complete) {
    }

    private volatile PhraseState phraseState;

    static List<String> keysOf(IndexSearcher searcher, TopDocs top) throws IOException {
        List<String> keys = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            keys.add(searcher.storedFields().document(sd.doc, Set.of(IndexFields.KEY)).get(IndexFields.KEY));
        }
        return keys;
    }

    /** Most records one export holds. */
    public static final int MAX_EXPORT = 10_000;

    /** The keys (PMID or CL&lt;id&gt;) of the first {@code max} hits of {@code q} in {@code order} (for exports). */
    public List<String> keys(String q, Order order, int max) throws QuerySyntaxException, IOException {
        TranslatedQuery tq = translate(q);
        return index.withSearcher(searcher -> keysOf(searcher, rank(searcher, queryFor(tq, searcher), order, max)));
    }

    /** Values shown per dimension (all years are shown: the histogram needs them). */
    static final int FACET_VALUES = 12;

    private List<Facet> facets(IndexSearcher searcher, FacetsCollector hits) throws IOException {
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return List.of();
        }
        // one task per segment on the search threads: at 1,000,000 records a common word's facets cost as much as
        // finding its hits, and a lone search should have both cores for it
        org.apache.lucene.facet.Facets counts;
        try {
            counts = new ConcurrentSortedSetDocValuesFacetCounts(state, hits, index.searchThreads());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while counting facets");
        }
        List<Facet> facets = new ArrayList<>();
        for (Facets.Dimension dim : Facets.ALL) {
            if (state.getOrdRange(dim.name()) == null) {
                facets.add(new Facet(dim, List.of()));
                continue;
            }
            boolean years = dim == Facets.YEAR;
            FacetResult r = years ? counts.getAllChildren(dim.name()) : counts.getTopChildren(FACET_VALUES, dim.name());
            List<FacetValue> values = new ArrayList<>();
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.add(new FacetValue(lv.label, lv.value.longValue()));
                }
            }
            if (years) {
                values.sort(Comparator.comparing(FacetValue::value).reversed());
            }
            facets.add(new Facet(dim, values));
        }
        return facets;
    }

    /** The ordinal state of the facet doc values, built once per index reader (it costs a pass over terms). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetStateCache cached = facetState;
        if (cached != null && cached.reader() == reader) {
            return cached.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, Facets.CONFIG);
        } catch (IllegalArgumentException e) {
            return null; // an index without any facet field yet (empty corpus)
        }
        facetState = new FacetStateCache(reader, state);
        return state;
    }

    private record FacetStateCache(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private volatile FacetStateCache facetState;

    /** A hit from its stored fields; without highlights the title is shown escaped as it is. */
    static Hit hit(Document d, float score, String titleHtml, String snippetHtml) {
        String title = d.get(IndexFields.TITLE);
        return new Hit(d.get(IndexFields.KEY), d.get(IndexFields.PMID), title,
                d.getField(IndexFields.YEAR) == null ? null : d.getField(IndexFields.YEAR).numericValue().intValue(),
                d.get(IndexFields.JOURNAL), Float.isNaN(score) ? 0f : score,
                titleHtml != null ? titleHtml : escape(title), snippetHtml, d.get(IndexFields.AUTHOR_LINE));
    }

    static String escape(String s) {
        return Html.escape(s);
    }

    /** The highlighter of the searcher last used: it learns the index's fields once, not at every search. */
    private volatile HitMarker hitMarker;

    private HitMarker marker(IndexSearcher searcher) {
        HitMarker m = hitMarker;
        if (m == null || m.getIndexSearcher() != searcher) {
            m = new HitMarker(formatting(UnifiedHighlighter.builder(searcher, index.analyzer())));
            hitMarker = m;
        }
        return m;
    }

    /**
     * Marks a page of hits in one pass over their stored text: the title whole, the abstract in passages, each where
     * a clause on it or on the catch-all field finds words (see {@link #marking}). Thread-safe, as Lucene's highlighter
     * is; kept while its searcher is the current one.
     */
    static final class HitMarker extends UnifiedHighlighter {
        HitMarker(Builder b) {
            super(b);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return field.equals(IndexFields.TITLE) ? new WholeBreakIterator() : super.getBreakIterator(field);
        }

        @Override
        protected Predicate<String> getFieldMatcher(String field) {
            return f -> f.equals(field) || f.equals(IndexFields.ALL);
        }
    }

    /**
     * Marks {@code own}'s words that a clause on {@code own} or on the catch-all field finds ([ti], [ab], [tiab] and
     * untagged words: an untagged word is searched in {@link IndexFields#ALL} only, and is marked where it stands in the
     * title and the abstract, the fields sharing one analyzer), as safe HTML: {@code <mark>} around them, the rest
     * escaped.
     */
    private static UnifiedHighlighter.Builder marking(UnifiedHighlighter.Builder b, String own) {
        return formatting(b).withFieldMatcher(field -> field.equals(own) || field.equals(IndexFields.ALL));
    }

    /** {@code <mark>} around what is found, the rest escaped, passages joined by an ellipsis. */
    private static UnifiedHighlighter.Builder formatting(UnifiedHighlighter.Builder b) {
        return b.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)).withMaxLength(100_000);
    }

    /**
     * What to mark for {@code q}: every clause of it that finds words in the title, the abstract or the catch-all field
     * and does not stand under a NOT, as alternatives. Marking with {@code q} itself marks a field only where the whole
     * query matches that field alone: in {@code quality AND "randomized controlled trial"}, found in a title and a
     * publication type, the title's "quality" was left unmarked.
     */
    static Query markQuery(Query q) {
        Set<Query> leaves = new LinkedHashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return MARKED_FIELDS.contains(field);
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                leaves.add(query);
            }

            @Override
            public void consumeTermsMatching(Query query, String field,
                                             Supplier<ByteRunAutomaton> automaton) {
                leaves.add(query);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur,
                                                                       Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        leaves.forEach(leaf -> any.add(leaf, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static final Set<String> MARKED_FIELDS = Set.of(IndexFields.TITLE, IndexFields.ABSTRACT,
            IndexFields.ALL);

    /** An article's title and abstract sections with what a query finds marked; an entry is null where it finds nothing. */
    public record Marked(String title, List<String> sections) {
    }

    /**
     * Marks what {@code q} finds in {@code title} and each of {@code sections} (plain text; the article page's own
     * title and abstract, reached from a search), whole, as the results page marks a title: safe HTML.
     */
    public Marked mark(String q, String title, List<String> sections) throws QuerySyntaxException, IOException {
        Query marks = markQuery(translate(q).query());
        List<String> marked = new ArrayList<>(sections.size());
        for (String text : sections) {
            marked.add(markWhole(IndexFields.ABSTRACT, marks, text));
        }
        return new Marked(markWhole(IndexFields.TITLE, marks, title), marked);
    }

    /** {@code text} of {@code field} with what {@code marks} finds marked, or null when it finds nothing there. */
    private String markWhole(String field, Query marks, String text) throws IOException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        UnifiedHighlighter whole = marking(UnifiedHighlighter.builderWithoutSearcher(index.analyzer()), field)
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxNoHighlightPassages(0) // nothing found: null, not the text unmarked
                .build();
        return (String) whole.highlightWithoutSearcher(field, marks, text, 1);
    }

    /** The sort of the field orders; relevance is ranked by {@link #ranker}'s score collector, not sorted. */
    static Sort sort(Order order) {
        SortField tieBreak = new SortField(IndexFields.PMID_SORT, SortField.Type.LONG, true);
        switch (order) {
            case DATE -> {
                SortField year = new SortField(IndexFields.YEAR_SORT, SortField.Type.LONG, true);
                year.setMissingValue(Long.MIN_VALUE); // undated records last
                return new Sort(year, tieBreak);
            }
            case OLDEST -> {
                SortField year = new SortField(IndexFields.YEAR_SORT, SortField.Type.LONG, false);
                year.setMissingValue(Long.MAX_VALUE);
                return new Sort(year, new SortField(IndexFields.PMID_SORT, SortField.Type.LONG, false));
            }
            case AUTHOR -> {
                SortField author = new SortField(IndexFields.FIRST_AUTHOR_SORT, SortField.Type.STRING, false);
                author.setMissingValue(SortField.STRING_LAST);
                return new Sort(author, tieBreak);
            }
            case JOURNAL -> {
                SortField journal = new SortField(IndexFields.JOURNAL_SORT, SortField.Type.STRING, false);
                journal.setMissingValue(SortField.STRING_LAST);
                return new Sort(journal, new SortField(IndexFields.YEAR_SORT, SortField.Type.LONG, true), tieBreak);
            }
            default -> throw new IllegalArgumentException("relevance is ranked by score, not sorted: " + order);
        }
    }
}
