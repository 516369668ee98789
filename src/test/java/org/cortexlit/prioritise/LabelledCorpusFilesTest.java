package org.cortexlit.prioritise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real labelled sets of {@code ../shared/corpus} read whole, with the counts SOURCES.md gives; skipped without them. */
class LabelledCorpusFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ADHD,          851, 20, debug_label,    24,  70",
            "Triptans,      671, 24, label_included, 24,  98",
            "Opiods,       1915, 15, label_included, 60, 198",
            "BetaBlockers, 2072, 42, label_included, 60, 253",
    })
    void everyRecordAndLabelIsRead(String name, int records, int relevant, String column, int empty, int noAbstract)
            throws IOException {
        Path file = PrioritisationBenchmark.LABELLED.resolve(name + ".csv");
        assumeTrue(Files.isRegularFile(file), file + " is absent: real-corpus test skipped");

        LabelledSet set = LabelledCsv.read(file);

        assertEquals(records, set.size());
        assertEquals(relevant, set.relevant());
        assertEquals(column, set.labelColumn());
        assertEquals(name, set.name());
        // the counts of records with no text and with no abstract, as Python's csv module reads the same files
        assertEquals(empty, set.records().stream()
                .filter(r -> r.text().title().isBlank() && r.text().abstractText().isBlank()).count());
        assertEquals(noAbstract, set.records().stream().filter(r -> r.text().abstractText().isBlank()).count());
    }
}
