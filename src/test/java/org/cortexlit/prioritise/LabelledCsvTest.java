package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledCsvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "labelled-good.csv,         4, 2, label_included",
            "labelled-debug-label.csv,  3, 1, debug_label",
            "labelled-included.csv,     2, 1, included",
            "screening-small.csv,      48, 10, label_included",
    })
    void everyGoodFixtureReadsWithItsLabelColumn(String file, int records, int relevant, String column) throws IOException {
        LabelledSet set = Fixtures.read(file);

        assertEquals(records, set.size());
        assertEquals(relevant, set.relevant());
        assertEquals(column, set.labelColumn());
    }

    @Test
    void quotesLineBreaksAndTheByteOrderMarkAreReadAsCsvMeansThem() throws IOException {
        List<LabelledRecord> records = Fixtures.read("labelled-good.csv").records();

        RecordText first = records.get(0).text();
        assertEquals(1, first.id());
        assertEquals("Motor cortex stimulation for central pain, a series", first.title());
        assertEquals("Twelve patients.\nSecond line of the abstract, with a comma.", first.abstractText());
        assertEquals(List.of("Pain", "Motor Cortex"), first.keywords());
        assertTrue(records.get(0).relevant());
        assertEquals("The \"sham\" problem", records.get(1).text().title());
        assertEquals("", records.get(1).text().abstractText());
        assertFalse(records.get(1).relevant());
        assertEquals("Multi\nline title", records.get(3).text().title());
        assertEquals("An abstract ending in a quote \"x\"", records.get(3).text().abstractText());
        // record 1 spans lines 2-3 (a line break in its abstract), so record 4 starts on line 6
        assertEquals(List.of(2L, 4L, 5L, 6L), records.stream().map(LabelledRecord::line).toList());
    }

    @Test
    void aLabelColumnIsFoundWhicheverCaseItsHeaderUses() throws IOException {
        LabelledSet set = LabelledCsv.read(new StringReader("TITLE,Abstract,Label_Included\nA,B,1\nC,D,0\n"), "inline", "x");

        assertEquals("label_included", set.labelColumn());
        assertEquals("A", set.records().get(0).text().title());
    }

    @Test
    void labelIncludedWinsOverDebugLabelWhenBothArePresent() throws IOException {
        LabelledSet set = LabelledCsv.read(new StringReader("title,debug_label,label_included\nA,0,1\nB,1,0\n"), "inline", "x");

        assertEquals("label_included", set.labelColumn());
        assertTrue(set.records().get(0).relevant());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad-no-label-column.csv | 1 | no label column (label_included, included, debug_label)",
            "bad-label-value.csv     | 5 | label_included is 'yes'; every record needs 0 (irrelevant) or 1 (relevant)",
            "bad-unclosed-quote.csv  | 3 | a quoted field starts here and is never closed",
            "bad-field-count.csv     | 3 | the row has 5 fields, the header 3",
            "bad-empty-label.csv     | 2 | label_included is ''",
            "bad-no-text-columns.csv | 1 | neither a title nor an abstract column",
    })
    void badInputIsRefusedNamingTheLineAndTheProblem(String file, long line, String problem) {
        LabelledCsvException e = assertThrows(LabelledCsvException.class, () -> Fixtures.read(file));

        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith(file + ", line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void anEmptyFileSaysWhatHeaderIsExpected() {
        LabelledCsvException e = assertThrows(LabelledCsvException.class,
                () -> LabelledCsv.read(new StringReader(""), "empty.csv", "empty"));

        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }
}
