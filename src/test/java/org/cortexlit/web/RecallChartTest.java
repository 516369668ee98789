package org.cortexlit.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecallChartTest {

    /** One point per record, as {@code SimulationResult.curve()}: relevant records at the given positions. */
    private static List<int[]> curve(int records, int... relevantAt) {
        List<int[]> curve = new ArrayList<>();
        int found = 0;
        int next = 0;
        for (int screened = 1; screened <= records; screened++) {
            if (next < relevantAt.length && relevantAt[next] == screened) {
                found++;
                next++;
            }
            curve.add(new int[]{screened, found});
        }
        return curve;
    }

    private static List<double[]> drawn(RecallChart chart) {
        List<double[]> points = new ArrayList<>();
        for (String p : chart.points().split(" ")) {
            String[] xy = p.split(",");
            points.add(new double[]{Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    @Test
    void everyPointIsDrawnInsideThePlot() {
        RecallChart chart = RecallChart.of("c", "t", curve(851, 1, 5, 9, 40, 120, 400, 700), 851, 7, 412, "95% recall at 412");

        for (double[] p : drawn(chart)) {
            assertTrue(p[0] >= chart.plotLeft() && p[0] <= chart.plotRight(), "x " + p[0]);
            assertTrue(p[1] >= chart.plotTop() && p[1] <= chart.plotBottom(), "y " + p[1]);
        }
        List<double[]> points = drawn(chart);
        assertEquals(chart.plotLeft(), points.get(0)[0], 0.05, "the curve starts at the origin");
        assertEquals(chart.plotBottom(), points.get(0)[1], 0.05);
        assertEquals(chart.plotRight(), points.get(points.size() - 1)[0], 0.05, "and ends at the last record");
        assertEquals(chart.plotTop(), points.get(points.size() - 1)[1], 0.05, "having found all seven");
    }

    @Test
    void downsamplingKeepsEveryRiseAndAtMostThreeHundredPoints() {
        int[] relevant = {2, 3, 50, 51, 52, 900, 4000, 9999};
        List<int[]> full = curve(10_000, relevant);

        List<int[]> kept = RecallChart.downsample(full, RecallChart.MAX_POINTS);

        assertTrue(kept.size() <= RecallChart.MAX_POINTS, kept.size() + " points");
        for (int r : relevant) {
            assertTrue(kept.stream().anyMatch(p -> p[0] == r && p[1] > 0), "the rise at " + r + " is drawn");
            assertTrue(kept.stream().anyMatch(p -> p[0] == r - 1), "and the flat before it ends at " + (r - 1));
        }
        assertEquals(10_000, kept.get(kept.size() - 1)[0], "the last point stays");
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i)[0] > kept.get(i - 1)[0], "in order");
        }
    }

    @Test
    void aCurveWithMoreRisesThanPointsIsThinnedButStillEndsAtTheTop() {
        int[] relevant = new int[1000];
        for (int i = 0; i < relevant.length; i++) {
            relevant[i] = 3 * i + 1;
        }
        List<int[]> kept = RecallChart.downsample(curve(5000, relevant), RecallChart.MAX_POINTS);

        assertTrue(kept.size() <= RecallChart.MAX_POINTS, kept.size() + " points");
        assertEquals(5000, kept.get(kept.size() - 1)[0]);
        assertEquals(1000, kept.get(kept.size() - 1)[1]);
    }

    @Test
    void theRandomLineEndsAtTheLastRecordAndTheExpectedTotal() {
        RecallChart chart = RecallChart.of("c", "t", curve(100, 1, 2, 3), 100, 8.5, null, null);

        assertEquals(chart.plotRight(), chart.randomX2());
        // the y axis reaches the estimate (rounded up to 9): 8.5 of 9 is just below the top
        double expected = chart.plotBottom() - 8.5 / 9 * (chart.plotBottom() - chart.plotTop());
        assertEquals(expected, chart.randomY2(), 0.51);
        assertNull(chart.marker());
        assertTrue(chart.description().contains("about 8.5"), chart.description());
    }

    @Test
    void theMarkerStandsAtItsRecordWithItsLabel() {
        RecallChart chart = RecallChart.of("c", "t", curve(1000, 10, 20, 600), 1000, 3, 600, "95% recall at 600");

        double at = chart.plotLeft() + 0.6 * (chart.plotRight() - chart.plotLeft());
        assertEquals(at, chart.marker().x(), 0.51);
        assertEquals("95% recall at 600", chart.marker().label());
        assertEquals("end", chart.marker().anchor(), "right of the middle the label goes left of the line");
        assertTrue(chart.description().contains("95% recall at 600"));
    }

    @Test
    void axisFiguresAreRoundAndEndAtTheMaximum() {
        assertEquals(List.of(0, 200, 400, 600, 851), RecallChart.ticks(851), "800 is too close to 851 to be read apart");
        assertEquals(List.of(0, 2, 4, 6, 7), RecallChart.ticks(7));
        assertEquals(List.of(0, 1), RecallChart.ticks(1));
    }

    @Test
    void anEmptyCurveDrawsAxesOnly() {
        RecallChart chart = RecallChart.of("c", "t", List.of(), 50, 5, null, null);

        assertEquals(0, chart.drawn());
        assertFalse(chart.xTicks().isEmpty());
        assertTrue(chart.description().contains("Nothing screened yet"));
    }
}
