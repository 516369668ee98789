package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.index.StoredFields;
import org.cortexlit.search.IndexFields;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Every article key (PMID or CL<id>) a query matches, however many (a review's queue, unlike a results page, has no window). */
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
        org.cortexlit.search.query.TranslatedQuery tq = search.translate(query);
        return index.withSearcher(searcher -> searcher.search(search.queryFor(tq, searcher),
                new CollectorManager<PmidCollector, List<String>>() {
                    @Override
                    public PmidCollector newCollector() {
                        return new PmidCollector();
                    }

                    @Override
                    public List<String> reduce(Collection<PmidCollector> collectors) {
                        List<String> all = new ArrayList<>();
                        collectors.forEach(c -> all.addAll(c.pmids));
                        return all;
                    }
                }));
    }

    private static final class PmidCollector implements Collector {
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
