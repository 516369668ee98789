package org.cortexlit.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recall curve's layout: inside the plot, every rise drawn however long the curve, the random line's end. */
class RecallChartTest {

    /** 5,000 records screened, a relevant one at 3, 10, 2,500 and 4,999. */
    static List<int[]> curve() {
        List<int[]> curve = new ArrayList<>();
        int found = 0;
        for (int s = 1; s <= 5000; s++) {
            if (s == 3 || s == 10 || s == 2500 || s == 4999) {
                found++;
            }
            curve.add(new int[]{s, found});
        }
        return curve;
    }

    private static List<int[]> points(RecallChart chart) {
        List<int[]> out = new ArrayList<>();
        for (String p : chart.curvePoints().split(" ")) {
            String[] xy = p.split(",");
            out.add(new int[]{Integer.parseInt(xy[0]), Integer.parseInt(xy[1])});
        }
        return out;
    }

    @Test
    void aLongCurveIsThinnedButEveryRiseIsDrawnInsideThePlot() {
        RecallChart chart = RecallChart.of("c", "t", curve(), 6000, 5.0, 4999, "95% recall at 4999", 560, 240);
        List<int[]> points = points(chart);
        assertTrue(points.size() <= RecallChart.MAX_POINTS + 20, "thinned: " + points.size());
        for (int[] p : points) {
            assertTrue(p[0] >= chart.left() && p[0] <= chart.right(), "x inside the plot: " + p[0]);
            assertTrue(p[1] >= chart.top() && p[1] <= chart.bottom(), "y inside the plot: " + p[1]);
        }
        // four rises: four distinct heights above the axis, each reached by a vertical step
        assertEquals(5, points.stream().mapToInt(p -> p[1]).distinct().count(), "0 to 4 found");
        int steps = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i)[0] == points.get(i - 1)[0] && points.get(i)[1] < points.get(i - 1)[1]) {
                steps++;
            }
        }
        assertTrue(steps >= 3, "rises drawn where they happened: " + steps);
        // y runs to 5 (the expected total), the curve's last point is at 4 of 5
        assertEquals(chart.top(), chart.randomLine().y2(), "the random line ends at the expected total");
        assertEquals(chart.right(), chart.randomLine().x2(), "over every record");
        assertEquals(chart.left(), chart.randomLine().x1());
        assertEquals(chart.bottom(), chart.randomLine().y1());
        assertEquals(4999 * (560 - 40 - 12) / 6000 + 40, chart.marker().x(), 1);
        assertTrue(chart.summary().startsWith("4 relevant found in 5000 of 6000 records screened"), chart.summary());
    }

    @Test
    void ticksAreRoundFiguresEndingAtTheMaximum() {
        assertEquals(List.of(0, 1000, 2000, 3000, 4000, 5000, 6000), RecallChart.ticks(6000));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), RecallChart.ticks(5));
        assertEquals(List.of(0, 200, 400, 600, 851), RecallChart.ticks(851));
        assertEquals(List.of(0, 1), RecallChart.ticks(1));
    }

    @Test
    void anEmptyCurveStillDrawsTheAxesAndTheRandomLine() {
        RecallChart chart = RecallChart.of("c", "t", List.of(), 40, 0, null, null, 560, 240);
        assertEquals(1, points(chart).size(), "only the origin");
        assertEquals(null, chart.marker());
        assertTrue(chart.summary().startsWith("0 relevant found in 0 of 40"));
    }
}
