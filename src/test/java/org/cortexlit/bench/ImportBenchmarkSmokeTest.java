package org.cortexlit.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark at a tiny size, in the default test run (and its app), so the harness never rots. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ImportBenchmarkSmokeTest {

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    CortexLitConfig config;

    @Test
    void theImportLadderRunsAndCountsEveryRecord() throws Exception {
        ImportLadder.Report report = new ImportLadder(runner, index, config).run(150, 2, Path.of("target/bench-smoke"));
        assertEquals(300, report.articlesInDatabase());
        // raw, parse, parse + suggest, parse + index and its seven variants, parse + database, its two H2 settings and
        // its warm repeat, two new files, one re-import
        assertEquals(5 + 7 + 3 + 3, report.steps().size());
        report.steps().forEach(s -> assertEquals(150, s.records(), s.name()));
        // memory after each step: what a full collection leaves, and the process's resident size (Linux)
        report.steps().forEach(s -> assertTrue(s.liveHeapBytes() > 0 && s.liveHeapBytes() <= Runtime.getRuntime().maxMemory(),
                s.name() + " live heap " + s.liveHeapBytes()));
        if (Files.exists(Path.of("/proc/self/status"))) { // RSS is read from there (0 elsewhere)
            report.steps().forEach(s -> assertTrue(s.rssBytes() > s.liveHeapBytes(), s.name() + " RSS " + s.rssBytes()));
        }
        assertTrue(report.json().contains("\"liveHeapMB\""));
        assertTrue(report.json().contains("\"recordsPerSecond\""));
        assertTrue(report.table().contains("full import, file 2 (new)"));
        assertTrue(report.table().contains("parse + database (no index)"));
        assertTrue(report.table().contains("index without the index sort"));
        assertTrue(report.table().contains("database with WRITE_DELAY 500"));
        // the utilisation: the steps before the full imports run on the benchmark's thread, an import on the app's
        ImportLadder.Step indexAlone = report.steps().stream().filter(s -> s.name().startsWith("parse + index")).findFirst().orElseThrow();
        assertTrue(indexAlone.cores().get("bench") > 0, indexAlone.cores().toString());
        ImportLadder.Step fullImport = report.steps().stream().filter(s -> s.name().startsWith("full import, file 1")).findFirst().orElseThrow();
        assertTrue(fullImport.cores().get("import") > 0, fullImport.cores().toString());
        assertEquals(0.0, fullImport.cores().get("bench"), 0.05, fullImport.cores().toString()); // it waits
        report.steps().forEach(s -> assertTrue(s.cores().get("process") > 0, s.name() + " " + s.cores()));
        assertTrue(report.table().contains("Stage utilisation"));
        assertTrue(report.json().contains("\"cores\""));
        // the database-only step's index stand-in is gone again: the full imports were indexed
        assertEquals(300, index.numDocs());
    }
}
