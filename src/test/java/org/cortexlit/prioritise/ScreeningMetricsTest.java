package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScreeningMetricsTest {

    /** 100 records, 20 relevant: the first 18 found in the first 18 records, the 19th at 40, the last at 90. */
    private static final int[] TWENTY = IntStream.concat(IntStream.rangeClosed(1, 18), IntStream.of(40, 90)).toArray();

    @Test
    void wss95CountsTheRecordsLeftWhenNineteenOfTwentyAreFound() {
        // ceil(0.95 * 20) = 19, found at 40: (100 - 40) / 100 - 0.05
        assertEquals(40, ScreeningMetrics.screenedAtRecall(95, TWENTY));
        assertEquals(0.55, ScreeningMetrics.wss(95, 100, TWENTY), 1e-12);
    }

    @Test
    void wss100WaitsForTheLastRelevantRecord() {
        assertEquals(0.10, ScreeningMetrics.wss(100, 100, TWENTY), 1e-12);
    }

    @Test
    void rrf10IsTheShareFoundInTheFirstTenPercent() {
        // ten records screened, ten of the twenty found
        assertEquals(0.5, ScreeningMetrics.rrf(10, 100, TWENTY), 1e-12);
    }

    @Test
    void ninetyFivePercentOfFifteenRoundsUpToAllFifteen() {
        int[] fifteen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 30, 200};
        // 0.95 * 15 = 14.25, so the 15th relevant record decides, at 200 of 400
        assertEquals(200, ScreeningMetrics.screenedAtRecall(95, fifteen));
        assertEquals(0.45, ScreeningMetrics.wss(95, 400, fifteen), 1e-12);
        assertEquals(ScreeningMetrics.wss(100, 400, fifteen) - 0.05, ScreeningMetrics.wss(95, 400, fifteen), 1e-12);
    }

    @Test
    void tenPercentOfAnOddSizeRoundsUp() {
        // 10% of 851 is 85.1: the record at 86 counts, the one at 87 does not
        assertEquals(0.5, ScreeningMetrics.rrf(10, 851, new int[]{86, 87}), 1e-12);
    }

    @Test
    void theCurveHasOnePointPerScreenedRecord() {
        List<int[]> curve = ScreeningMetrics.curve(6, new int[]{1, 4});

        assertEquals(6, curve.size());
        int[][] expected = {{1, 1}, {2, 1}, {3, 1}, {4, 2}, {5, 2}, {6, 2}};
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], curve.get(i));
        }
    }

    @Test
    void positionsOutOfOrderOrRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScreeningMetrics.wss(95, 10, new int[]{3, 3}));
        assertThrows(IllegalArgumentException.class, () -> ScreeningMetrics.wss(95, 10, new int[]{11}));
        assertThrows(IllegalArgumentException.class, () -> ScreeningMetrics.rrf(10, 10, new int[0]));
    }
}
