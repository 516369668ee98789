package org.cortexlit.importing;

import org.cortexlit.formats.Citation;
import org.cortexlit.library.Article;

/** What a record needs before it can enter the corpus. */
final class RecordRules {

    private RecordRules() {
    }

    /**
     * Why {@code r} cannot be stored, or null when it can. A record without a PMID (RIS and BibTeX exports of
     * other databases) is stored under an internal id; PubMed formats report a missing PMID themselves.
     */
    static String problem(Citation r) {
        if (r.pmid() != null && (r.pmid().isBlank() || !r.pmid().chars().allMatch(Character::isDigit))) {
            return "PMID '" + ImportError.shown(r.pmid()) + "' is not a number";
        }
        if (r.pmid() != null && r.pmid().length() > ImportError.PMID_CHARS) {
            return "PMID '" + ImportError.shown(r.pmid()) + "' has " + r.pmid().length() + " digits; a PMID has at most "
                    + ImportError.PMID_CHARS;
        }
        if (r.title() == null || r.title().isBlank()) {
            return r.pmid() == null && r.sourceId() != null ? "no title (source id '" + ImportError.shown(r.sourceId()) + "')"
                    : "no title";
        }
        String problem = Article.fieldTooLong(r);
        return problem != null ? problem : Article.listTooLong(r);
    }
}
