package org.cortexlit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recall curve laid out for SVG: relevant records found (y) against records screened (x), with a dashed line for
 * what a random order would find and an optional vertical marker (the point where 95% recall was reached). Pages draw
 * it with {@code charts/recall.html}, as {@link BarChart} with {@code charts/bars.html}: server-rendered markup with a
 * title and a description for screen readers, readable without scripts.
 *
 * <p>Use it from a page:
 * <pre>{@code
 * RecallChart chart = RecallChart.of("recall-3", "Relevant records found, review 3", curve, records,
 *         relevantTotal, 412, "95% recall at 412");
 * }</pre>
 * and in the page's template: <code>{#include charts/recall chart=chart /}</code> (inside a {@code <div class="chart">}
 * to let it shrink to the page's width).
 *
 * @param points   the curve in SVG coordinates, {@code "x,y x,y ..."}, for a {@code <polyline>}
 * @param drawn    how many points {@code points} holds (at most about {@link #MAX_POINTS})
 * @param randomX2 where the random-order line ends (it starts at the origin)
 * @param marker   the vertical marker, or null
 */
public record RecallChart(String id, String title, String description, int width, int height, int plotLeft,
                          int plotTop, int plotRight, int plotBottom, String points, int drawn, int randomX2,
                          int randomY2, List<Tick> xTicks, List<Tick> yTicks, Marker marker) {

    /** An axis figure: {@code at} is its x (x axis) or y (y axis) in SVG coordinates. */
    public record Tick(int at, String text) {
    }

    /** A vertical line at {@code x} with {@code label} beside its top; {@code anchor} is {@code start} or {@code end}. */
    public record Marker(int x, String label, int labelX, String anchor) {
    }

    public static final int WIDTH = 560;
    public static final int HEIGHT = 300;
    /** The most points drawn: more would not show on a chart this wide, only weigh on the page. */
    public static final int MAX_POINTS = 300;
    static final int LEFT = 52;
    static final int RIGHT_PAD = 14;
    /** Room for the legend above the plot. */
    static final int TOP = 30;
    /** Room for the x axis' figures and its label. */
    static final int BOTTOM = 38;
    static final int TICKS = 6;

    /**
     * A chart {@value #WIDTH} by {@value #HEIGHT} pixels.
     *
     * @param id            the SVG element's id (unique on the page; the title's and description's ids derive from it)
     * @param title         the chart's title, read by screen readers and shown as a tooltip
     * @param curve         {@code [screened, found]} points in increasing order of screened, as
     *                      {@code SimulationResult.curve()} gives them (one per record, or fewer); may be empty
     * @param records       the x axis' end: all records of the set or review
     * @param relevantTotal the relevant records there are, or an estimate of them: the random-order line ends at
     *                      {@code (records, relevantTotal)}, and the y axis reaches at least this
     * @param markerX       records screened where the vertical marker stands, or null for none
     * @param markerLabel   the marker's text, such as {@code "95% recall at 412"} (ignored without {@code markerX})
     */
    public static RecallChart of(String id, String title, List<int[]> curve, int records, double relevantTotal,
                                 Integer markerX, String markerLabel) {
        return of(id, title, curve, records, relevantTotal, markerX, markerLabel, WIDTH, HEIGHT);
    }

    /** As {@link #of(String, String, List, int, double, Integer, String)}, at another size. */
    public static RecallChart of(String id, String title, List<int[]> curve, int records, double relevantTotal,
                                 Integer markerX, String markerLabel, int width, int height) {
        int found = curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[1];
        int xMax = Math.max(1, Math.max(records, curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[0]));
        double total = Double.isFinite(relevantTotal) ? Math.max(0, relevantTotal) : 0;
        int yMaxValue = (int) Math.max(1, Math.max(found, Math.ceil(total)));
        int plotLeft = LEFT;
        int plotRight = width - RIGHT_PAD;
        int plotTop = TOP;
        int plotBottom = height - BOTTOM;
        Scale x = new Scale(0, xMax, plotLeft, plotRight);
        Scale y = new Scale(0, yMaxValue, plotBottom, plotTop);

        List<int[]> kept = downsample(curve, MAX_POINTS);
        StringBuilder points = new StringBuilder();
        if (!kept.isEmpty() && kept.get(0)[0] > 0) {
            points.append(fmt(x.at(0))).append(',').append(fmt(y.at(0)));  // every screening starts at the origin
        }
        for (int[] p : kept) {
            if (!points.isEmpty()) {
                points.append(' ');
            }
            points.append(fmt(x.at(p[0]))).append(',').append(fmt(y.at(p[1])));
        }

        Marker marker = null;
        if (markerX != null) {
            int mx = (int) Math.round(x.at(Math.max(0, Math.min(xMax, markerX))));
            boolean rightHalf = mx > (plotLeft + plotRight) / 2;
            marker = new Marker(mx, markerLabel == null ? "" : markerLabel, rightHalf ? mx - 4 : mx + 4,
                    rightHalf ? "end" : "start");
        }

        List<Tick> xTicks = new ArrayList<>();
        for (int v : ticks(xMax)) {
            xTicks.add(new Tick((int) Math.round(x.at(v)), String.format(Locale.ROOT, "%,d", v)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int v : ticks(yMaxValue)) {
            yTicks.add(new Tick((int) Math.round(y.at(v)), String.format(Locale.ROOT, "%,d", v)));
        }

        return new RecallChart(id, title, description(curve, records, total, markerX, markerLabel), width, height,
                plotLeft, plotTop, plotRight, plotBottom, points.toString(), kept.size(),
                (int) Math.round(x.at(records)), (int) Math.round(y.at(total)), xTicks, yTicks, marker);
    }

    /**
     * The points worth drawing, in order: the first, the last, and every point where the curve bends (where found
     * rises, and the point before a rise, the end of a flat stretch). Points inside a flat stretch lie on the line
     * between its ends and are left out, which loses nothing. Should that still leave more than {@code max} points
     * (a set with hundreds of relevant records), one point per {@code 1/max} of the x axis is kept: the last in each
     * slice, the highest, as the curve never falls.
     */
    static List<int[]> downsample(List<int[]> curve, int max) {
        int n = curve.size();
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int f = curve.get(i)[1];
            boolean first = i == 0;
            boolean last = i == n - 1;
            if (first || last || f != curve.get(i - 1)[1] || f != curve.get(i + 1)[1]) {
                kept.add(curve.get(i));
            }
        }
        if (kept.size() <= max) {
            return kept;
        }
        int x0 = kept.get(0)[0];
        double span = Math.max(1, kept.get(kept.size() - 1)[0] - x0);
        int slices = Math.max(1, max - 2);  // slices 0 .. max - 2, and the first point: max points
        List<int[]> thinned = new ArrayList<>();
        thinned.add(kept.get(0));
        for (int i = 1; i < kept.size(); i++) {
            boolean lastOfSlice = i == kept.size() - 1
                    || slice(kept.get(i + 1)[0], x0, span, slices) != slice(kept.get(i)[0], x0, span, slices);
            if (lastOfSlice) {
                thinned.add(kept.get(i));
            }
        }
        return thinned;
    }

    private static long slice(int x, int x0, double span, int slices) {
        return (long) Math.floor((x - x0) / span * slices);
    }

    /** Round axis figures from 0 to about {@code max}: steps of 1, 2 or 5 times a power of ten; {@code max} last. */
    static List<Integer> ticks(int max) {
        double rough = max / (double) (TICKS - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, rough))));
        double step = magnitude;
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * magnitude >= rough) {
                step = m * magnitude;
                break;
            }
        }
        int s = Math.max(1, (int) step);
        List<Integer> ticks = new ArrayList<>();
        for (int v = 0; v <= max; v += s) {
            ticks.add(v);
        }
        int lastTick = ticks.get(ticks.size() - 1);
        if (lastTick != max) {
            if (max - lastTick < s / 2.0 && ticks.size() > 1) {
                ticks.remove(ticks.size() - 1);  // too close to the end to be read apart from it
            }
            ticks.add(max);
        }
        return ticks;
    }

    private static String description(List<int[]> curve, int records, double total, Integer markerX, String markerLabel) {
        StringBuilder d = new StringBuilder("Relevant records found against records screened, out of ")
                .append(String.format(Locale.ROOT, "%,d", records)).append(" records. ");
        if (curve.isEmpty()) {
            d.append("Nothing screened yet. ");
        } else {
            int found = curve.get(curve.size() - 1)[1];
            int allAt = curve.get(curve.size() - 1)[0];
            for (int i = curve.size() - 1; i >= 0 && curve.get(i)[1] == found; i--) {
                allAt = curve.get(i)[0];
            }
            d.append("This ranking found ").append(found).append(found == 1 ? " relevant record" : " relevant records")
                    .append(found > 0 ? " by record " + String.format(Locale.ROOT, "%,d", allAt) : "").append(". ");
        }
        if (markerX != null && markerLabel != null && !markerLabel.isBlank()) {
            d.append(markerLabel).append(". ");
        }
        d.append("A random order would find them evenly, ").append(total == Math.rint(total)
                        ? String.valueOf((long) total) : String.format(Locale.ROOT, "about %.1f", total))
                .append(" by the last record.");
        return d.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Values to SVG coordinates along one axis. */
    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double at(double v) {
            return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }

    /** Where the y axis' figures end, just left of the plot. */
    public int tickX() {
        return plotLeft - 5;
    }

    /** The baseline of the x axis' figures. */
    public int xTickY() {
        return plotBottom + 13;
    }

    /** The baseline of the x axis' label. */
    public int xLabelY() {
        return plotBottom + 30;
    }

    public int xLabelX() {
        return (plotLeft + plotRight) / 2;
    }

    /** The y axis' label is written upwards, centred on the plot. */
    public int yLabelY() {
        return (plotTop + plotBottom) / 2;
    }

    /** The baseline of the marker's label: below the top of the plot, where a finished curve runs flat. */
    public int markerLabelY() {
        return plotTop + 24;
    }

    /** Where the legend's second entry starts. */
    public int legendSecondX() {
        return plotLeft + 120;
    }
}
