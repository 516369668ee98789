package org.cortexlit.search.query;

import org.apache.lucene.analysis.Analyzer;

/** PLACEHOLDER until the query branch lands. */
public final class QueryTranslator {
    public QueryTranslator(Analyzer analyzer) {
    }

    public TranslatedQuery translate(String query) throws QuerySyntaxException {
        throw new QuerySyntaxException("not yet", 0);
    }
}
