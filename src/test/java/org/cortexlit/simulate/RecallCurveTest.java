package org.cortexlit.simulate;

import org.cortexlit.prioritise.ScreeningMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RecallCurveTest {

    @Test
    void theCompactCurveKeepsTheRisesAndTheLastRecordAndExpandsBackWhole() {
        List<int[]> curve = ScreeningMetrics.curve(20, new int[]{1, 4, 5, 12});

        String json = RecallCurve.compact(curve);

        assertEquals("[[1,1],[4,2],[5,3],[12,4],[20,4]]", json);
        List<int[]> back = RecallCurve.expand(RecallCurve.parse(json), 20);
        assertEquals(curve.size(), back.size());
        for (int i = 0; i < curve.size(); i++) {
            assertArrayEquals(curve.get(i), back.get(i), "point " + i);
        }
    }

    @Test
    void aCurveThatStartsWithIrrelevantRecordsStartsAtZero() {
        List<int[]> curve = ScreeningMetrics.curve(6, new int[]{3});

        List<int[]> back = RecallCurve.expand(RecallCurve.parse(RecallCurve.compact(curve)), 6);

        assertArrayEquals(new int[]{1, 0}, back.get(0));
        assertArrayEquals(new int[]{3, 1}, back.get(2));
        assertArrayEquals(new int[]{6, 1}, back.get(5));
    }
}
