package org.cortexlit.search.query;

import org.apache.lucene.search.Query;

import java.util.Set;

/**
 * A search query ready to run.
 *
 * @param query          the Lucene query
 * @param normalized     the query as we understood it, in canonical PubMed syntax ("what we searched"), with
 *                       term mapping spelled out like PubMed's "search details": {@code rTMS} becomes
 *                       {@code ("rTMS" OR "repetitive transcranial magnetic stimulation")}; translating it again
 *                       gives the same query
 * @param highlightTerms analyzed terms to highlight in title and abstract (not those under NOT); a
 *                       truncated word appears as its analyzed prefix followed by '*', e.g. {@code stimul*}
 */
public record TranslatedQuery(Query query, String normalized, Set<String> highlightTerms) {

    public TranslatedQuery {
        highlightTerms = Set.copyOf(highlightTerms);
    }
}
