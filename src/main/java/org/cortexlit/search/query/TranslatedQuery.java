package org.cortexlit.search.query;

import org.apache.lucene.search.Query;

import java.util.Set;

public record TranslatedQuery(Query query, String normalized, Set<String> highlightTerms) {
}
