package org.cortexlit.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
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

    @Transactional
    public Optional<RunDetail> run(long id) {
        ImportRun r = ImportRun.findById(id);
        return r == null ? Optional.empty() : Optional.of(new RunDetail(r, ImportError.forRun(id)));
    }
}
