package org.cortexlit.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.importing.ImportRunner;
import org.cortexlit.search.SearchIndex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The import benchmark: generates {@code bench.files} PubMed XML files of {@code bench.records} records
 * each, then measures a raw StAX pass, parsing to records, and the full import (database + index), with
 * peak heap and each stage's CPU, and prices the index path's choices (leave that out with
 * {@code -Dbench.index.variants=false}). Prints the tables and writes {@code target/bench/import.json}.
 * Run: {@code ./mvnw -B verify -Pbench -Dbench.records=30000 -Dbench.files=3}.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ImportBenchmark {

    @Inject
    ImportRunner runner;
    @Inject
    SearchIndex index;
    @Inject
    CortexLitConfig config;

    @Test
    void importLadder() throws Exception {
        int records = Integer.getInteger("bench.records", 30_000);
        int files = Integer.getInteger("bench.files", 3);
        ImportLadder ladder = new ImportLadder(runner, index, config);
        if (!Boolean.parseBoolean(System.getProperty("bench.index.variants", "true"))) {
            ladder.withoutIndexVariants();
        }
        ImportLadder.Report report = ladder.run(records, files, Path.of("target/bench"));
        System.out.println(report.table());
        Files.writeString(Path.of("target/bench/import.json"), report.json());
        assertEquals((long) records * files, report.articlesInDatabase());
    }
}
