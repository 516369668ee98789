package org.cortexlit.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The history of import runs, as the imports page and the API show it. */
@ApplicationScoped
public class ImportHistory {

    /** A run with the records it skipped (as many as were kept). */
    public record RunDetail(ImportRun run, List<ImportError> errors) {
    }

    /** The newest {@code limit} runs, newest first. */
    @Transactional
    public List<ImportRun> recent(int limit) {
        return ImportRun.recent(limit);
    }

    /** The latest run of each saved search, by search id, whatever its outcome (a failed one says why). */
    @Transactional
    public Map<Long, ImportRun> latestOfSavedSearches() {
        Map<Long, ImportRun> latest = new HashMap<>();
        for (ImportRun r : ImportRun.<ImportRun>list("savedSearchId is not null and id in (select max(x.id) from ImportRun x "
                + "where x.savedSearchId is not null group by x.savedSearchId)")) {
            latest.put(r.savedSearchId, r);
        }
        return latest;
    }

    @Transactional
    public Optional<RunDetail> run(long id) {
        ImportRun r = ImportRun.findById(id);
        return r == null ? Optional.empty() : Optional.of(new RunDetail(r, ImportError.forRun(id)));
    }
}
