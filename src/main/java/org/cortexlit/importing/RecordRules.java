package org.cortexlit.importing;

import org.cortexlit.pubmed.PubmedRecord;

/** What a record needs before it can enter the corpus. */
final class RecordRules {

    private RecordRules() {
    }

    /** Why {@code r} cannot be stored, or null when it can. */
    static String problem(PubmedRecord r) {
        if (r.pmid() == null || r.pmid().isBlank()) {
            return r.sourceId() == null ? "no PMID"
                    : "no PMID (source id '" + r.sourceId() + "'): records from other databases without a PMID "
                    + "are not stored yet; they will be once duplicates across sources can be linked";
        }
        if (!r.pmid().chars().allMatch(Character::isDigit) || r.pmid().length() > 20) {
            return "PMID '" + r.pmid() + "' is not a number";
        }
        if (r.title() == null || r.title().isBlank()) {
            return "no title";
        }
        return null;
    }
}
