package org.cortexlit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recall curve laid out for SVG: relevant records found against records screened, with the straight line a random
 * order would give (from nothing to {@code relevantTotal} over every record) and, where given, a marked point such as
 * "95% recall". The pages draw it with {@code charts/recall.html}: server-rendered markup with a title for screen
 * readers and the figures in words.
 *
 * @param curvePoints  the curve as SVG {@code points} ("x,y x,y ...")
 * @param randomLine   the random order's line
 * @param xTicks       figures under the axis
 * @param yTicks       figures beside the axis
 * @param marker       the marked point, or null
 */
public record RecallChart(String id, String title, int width, int height, String curvePoints, Line randomLine,
                          List<Tick> xTicks, List<Tick> yTicks, Marker marker, String summary) {

    /** A figure on an axis, at its position along it. */
    public record Tick(int at, String text) {
        /** Where a figure beside the y axis sits, centred on its height. */
        public int baseline() {
            return at + 3;
        }
    }

    /** A straight line. */
    public record Line(int x1, int y1, int x2, int y2) {
    }

    /** A marked point: a dashed line down to the axis and its label. */
    public record Marker(int x, int y, String label) {
        public int labelX() {
            return x + 5;
        }

        public int labelY() {
            return y + 14;
        }
    }

    static final int LEFT = 40;
    static final int RIGHT = 12;
    static final int TOP = 24;
    static final int BOTTOM = 34;
    /** At most this many points are drawn; the rest lie on the straight runs between them. */
    static final int MAX_POINTS = 400;

    /**
     * @param curve         {@code [screened, found]} points in order of screening (screened rising)
     * @param records       every record of the set, screened or not: the x axis's end
     * @param relevantTotal the relevant records a random order spreads over them (known in a simulation, estimated
     *                      in a review); the y axis reaches at least this
     * @param markerAt      records screened at the marked point, or null for none
     * @param markerLabel   its label ("95% recall at 412")
     */
    public static RecallChart of(String id, String title, List<int[]> curve, int records, double relevantTotal,
                                 Integer markerAt, String markerLabel, int width, int height) {
        int xMax = Math.max(1, Math.max(records, curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[0]));
        int found = curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[1];
        int yMax = Math.max(1, (int) Math.ceil(Math.max(relevantTotal, found)));
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        Scale s = new Scale(xMax, yMax, plotW, plotH);
        StringBuilder points = new StringBuilder();
        points.append(s.x(0)).append(',').append(s.y(0));
        int previousFound = 0;
        int step = Math.max(1, (curve.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < curve.size(); i++) {
            int[] p = curve.get(i);
            boolean rise = p[1] != previousFound;
            if (rise) { // a step up: the point before it too, so the rise is drawn where it happened
                int before = i == 0 ? 0 : curve.get(i - 1)[0];
                points.append(' ').append(s.x(before)).append(',').append(s.y(previousFound));
            }
            if (rise || i % step == 0 || i == curve.size() - 1) {
                points.append(' ').append(s.x(p[0])).append(',').append(s.y(p[1]));
            }
            previousFound = p[1];
        }
        Line random = new Line(s.x(0), s.y(0), s.x(xMax), s.y(relevantTotal));
        List<Tick> xTicks = new ArrayList<>();
        for (int v : ticks(xMax)) {
            xTicks.add(new Tick(s.x(v), Integer.toString(v)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int v : ticks(yMax)) {
            yTicks.add(new Tick(s.y(v), Integer.toString(v)));
        }
        Marker marker = null;
        if (markerAt != null) {
            int y = s.y(found);
            for (int[] p : curve) {
                if (p[0] == markerAt) {
                    y = s.y(p[1]);
                }
            }
            marker = new Marker(s.x(markerAt), y, markerLabel);
        }
        int screened = curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[0];
        String summary = String.format(Locale.ROOT, "%d relevant found in %d of %d records screened; a random order "
                + "would have found about %.1f.", found, screened, records, relevantTotal * screened / xMax);
        return new RecallChart(id, title, width, height, points.toString(), random, xTicks, yTicks, marker, summary);
    }

    private record Scale(int xMax, int yMax, int plotW, int plotH) {
        int x(double v) {
            return LEFT + (int) Math.round(v * plotW / xMax);
        }

        int y(double v) {
            return TOP + plotH - (int) Math.round(v * plotH / yMax);
        }
    }

    /** Round figures from 0 to {@code max}: about five, on 1, 2 or 5 times a power of ten, and {@code max} itself. */
    static List<Integer> ticks(int max) {
        double raw = max / 5.0;
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
        int step = (int) Math.max(1, raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5
                ? 5 * power : 10 * power);
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < max; v += step) {
            if (max - v >= step / 2 || v == 0) {
                out.add(v);
            }
        }
        out.add(max);
        return out;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return width - RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return height - BOTTOM;
    }

    /** Where the figures under the x axis sit. */
    public int xTickY() {
        return height - BOTTOM + 12;
    }

    /** Where the figures beside the y axis end. */
    public int yTickX() {
        return LEFT - 4;
    }

    /** Where the legend starts, at the plot's top right. */
    public int legendX() {
        return width - RIGHT - 150;
    }

    public int legendY() {
        return TOP + 4;
    }

    public int legendY2() {
        return TOP + 18;
    }

    public int axisLabelY() {
        return height - 4;
    }

    public int centreX() {
        return LEFT + (width - LEFT - RIGHT) / 2;
    }
}
