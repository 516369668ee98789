package org.cortexlit.importing;

import org.cortexlit.pubmed.PubmedRecord;

/** What a record needs before it can enter the corpus. */
final class RecordRules {

    private RecordRules() {
    }

    /**
     * Why {@code r} cannot be stored, or null when it can. A record without a PMID (RIS and BibTeX exports of
     * other databases) is stored under an internal id; PubMed formats report a missing PMID themselves.
     */
    static String problem(PubmedRecord r) {
        if (r.pmid() != null && (r.pmid().isBlank() || !r.pmid().chars().allMatch(Character::isDigit)
                || r.pmid().length() > 20)) {
            return "PMID '" + r.pmid() + "' is not a number";
        }
        if (r.title() == null || r.title().isBlank()) {
            return r.pmid() == null && r.sourceId() != null ? "no title (source id '" + r.sourceId() + "')" : "no title";
        }
        return org.cortexlit.library.Article.listTooLong(r);
    }
}
