package org.cortexlit.search;

import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.search.query.TranslatedQuery;

import java.io.IOException;
import java.util.List;

/**
 * The two passes of a search run apart, for the benchmark that times each ("Lucene core" and counting) and the tests
 * that look inside the count cache: test code, so none of it is part of the application's API.
 */
public final class SearchPasses {

    private final SearchService search;
    private final SearchIndex index;

    public SearchPasses(SearchService search, SearchIndex index) {
        this.search = search;
        this.index = index;
    }

    /** The ranking pass alone: the keys of the first {@code size} hits. */
    public List<String> rankOnly(String q, int size, SearchService.Order order) throws QuerySyntaxException, IOException {
        TranslatedQuery tq = search.translate(q);
        return index.withSearcher(s -> search.keysOf(s, search.rank(s, search.queryFor(tq, s), order, size)));
    }

    /** The counting pass alone, never from the cache: the exact total and the facets of {@code q}. */
    public SearchService.Counts countOnly(String q) throws QuerySyntaxException, IOException {
        TranslatedQuery tq = search.translate(q);
        return index.withSearcher(s -> search.countUncached(s, search.queryFor(tq, s)));
    }

    /** The whole search, as the pages and the API run it. */
    public SearchService.Result search(String q, int page, int size, SearchService.Order order)
            throws QuerySyntaxException, IOException {
        return search.search(q, page, size, order);
    }

    /** {hits, misses} of the count cache since start. */
    public long[] countCacheStats() {
        return search.countCacheStats();
    }
}
