package org.cortexlit.importing.eutils;

import java.util.List;

/**
 * An esearch answer kept on NCBI's history server: {@code count} records reachable through
 * {@code webEnv}/{@code queryKey} for a few hours. {@code errors} holds NCBI's {@code ErrorList}
 * (e.g. "phrase not found: xyz"), {@code warnings} its {@code WarningList}; both can accompany a
 * usable result, so they are reported, not thrown.
 */
public record SearchResult(int count, String webEnv, String queryKey, List<String> errors, List<String> warnings) {

    /** PubMed's E-utilities refuse efetch beyond the first 9,999 records of a search (retstart > 9998). */
    public static final int RETRIEVAL_LIMIT = 9_999;

    public SearchResult {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean exceedsRetrievalLimit() {
        return count > RETRIEVAL_LIMIT;
    }
}
