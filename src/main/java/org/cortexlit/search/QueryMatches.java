package org.cortexlit.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.search.query.TranslatedQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Every article key (PMID or CL&lt;id&gt;) a query matches, however many (a review's queue, unlike a results page, has
 * no window), in the whole corpus or among given articles only.
 */
@ApplicationScoped
public class QueryMatches {

    private final SearchService search;
    private final SearchIndex index;

    public QueryMatches(SearchService search, SearchIndex index) {
        this.search = search;
        this.index = index;
    }

    /** Throws with the parser's message when {@code query} cannot be run. */
    public void check(String query) throws QuerySyntaxException {
        search.translate(query);
    }

    public List<String> keys(String query) throws QuerySyntaxException, IOException {
        return keys(query, null);
    }

    /**
     * The keys among {@code among} (article keys) that {@code query} matches: the articles an import run touched,
     * say, so taking in a run's new matches costs what the run holds, not what the corpus holds. Null: all.
     */
    public List<String> keys(String query, Collection<String> among) throws QuerySyntaxException, IOException {
        if (among != null && among.isEmpty()) {
            search.translate(query);
            return List.of();
        }
        TranslatedQuery tq = search.translate(query);
        return index.withSearcher(searcher -> searcher.search(restricted(search.queryFor(tq, searcher), among),
                new CollectorManager<KeyCollector, List<String>>() {
                    @Override
                    public KeyCollector newCollector() {
                        return new KeyCollector();
                    }

                    @Override
                    public List<String> reduce(Collection<KeyCollector> collectors) {
                        List<String> all = new ArrayList<>();
                        collectors.forEach(c -> all.addAll(c.pmids));
                        return all;
                    }
                }));
    }

    /** {@code query} limited to the documents of {@code keys} (all when null). */
    static Query restricted(Query query, Collection<String> keys) {
        if (keys == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(byKeys(keys), BooleanClause.Occur.FILTER).build();
    }

    /** The documents of the article {@code keys}. */
    public static Query byKeys(Collection<String> keys) {
        return new TermInSetQuery(IndexFields.KEY, keys.stream().map(BytesRef::new).toList());
    }

    private static final class KeyCollector implements Collector {
        final List<String> pmids = new ArrayList<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            StoredFields fields = context.reader().storedFields();
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    pmids.add(fields.document(doc, Set.of(IndexFields.KEY)).get(IndexFields.KEY));
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
