package org.cortexlit.search.query;

import org.apache.lucene.search.Query;
import org.cortexlit.search.PhraseIndex;

import java.util.Set;

/**
 * A search query ready to run.
 *
 * @param query          the Lucene query, every phrase matched by positions: right for any index
 * @param withPhraseTokens the same query with the phrases of the {@link PhraseIndex} as their
 *                       tokens: the same records, ranked with less work, but only on an index whose every document
 *                       holds those tokens ({@link #queryFor})
 * @param normalized     the query as we understood it, in canonical PubMed syntax ("what we searched"), with
 *                       term mapping spelled out like PubMed's "search details": {@code rTMS} becomes
 *                       {@code ("rTMS" OR "repetitive transcranial magnetic stimulation")}; translating it again
 *                       gives the same query
 * @param highlightTerms analyzed terms to highlight in title and abstract (not those under NOT); a
 *                       truncated word appears as its analyzed prefix followed by '*', e.g. {@code stimul*}
 */
public record TranslatedQuery(Query query, Query withPhraseTokens, String normalized, Set<String> highlightTerms) {

    public TranslatedQuery {
        highlightTerms = Set.copyOf(highlightTerms);
    }

    /** The query to run on an index that does ({@code true}) or does not hold every phrase token in every document. */
    public Query queryFor(boolean phraseTokensIndexed) {
        return phraseTokensIndexed ? withPhraseTokens : query;
    }
}
