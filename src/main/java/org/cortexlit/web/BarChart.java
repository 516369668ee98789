package org.cortexlit.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A small bar chart laid out for SVG (stacked when it has several series): the pages draw it with
 * {@code charts/bars.html}, so a chart is server-rendered markup, readable without scripts and by screen readers
 * (each bar has a title, the chart a description).
 */
public record BarChart(String id, String title, int width, int height, List<Segment> segments, List<Label> labels,
                       List<Series> legend, String yMax, int plotTop, int plotBottom) {

    /** A named series and the colour of its bars. */
    public record Series(String name, String fill) {
    }

    /** A drawn rectangle: a series' value in a category; {@code href} makes it a link. */
    public record Segment(int x, int y, int w, int h, String fill, String title, String href) {
    }

    /** Colours for up to six series, told apart also by people with the common colour-vision deficiencies. */
    static final List<String> PALETTE = List.of("#1f5fae", "#e08a00", "#2a9d8f", "#b3261e", "#7b4fb0", "#6b7280");

    /** A category's label under the axis. */
    public record Label(int x, String text) {
    }

    static final int PLOT_TOP = 14;
    /** Room for the legend above the plot when there are several series. */
    static final int LEGEND = 16;
    static final int LEGEND_STEP = 110;
    static final int AXIS = 20;
    static final int LEFT = 34;
    static final int MAX_LABELS = 8;
    /** The widest bar: a chart of two days should not look like a wall. */
    static final int MAX_BAR = 40;

    /**
     * @param categories the bars, left to right
     * @param series     the stacked parts of each bar (one for a plain chart)
     * @param values     {@code values[s][c]}: series {@code s} in category {@code c}
     * @param hrefs      where each category's bar leads, or null
     */
    public static BarChart of(String id, String title, int width, int height, List<String> categories, List<String> series,
                              long[][] values, List<String> hrefs) {
        long max = 1;
        for (int c = 0; c < categories.size(); c++) {
            long sum = 0;
            for (long[] v : values) {
                sum += v[c];
            }
            max = Math.max(max, sum);
        }
        int plotTop = PLOT_TOP + (series.size() > 1 ? LEGEND : 0);
        int plotW = width - LEFT - 4;
        int plotH = height - plotTop - AXIS;
        int n = Math.max(1, categories.size());
        double slot = (double) plotW / n;
        int barW = (int) Math.max(1, Math.min(MAX_BAR, Math.floor(slot * 0.8)));
        List<Segment> segments = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int every = (int) Math.ceil((double) n / MAX_LABELS);
        for (int c = 0; c < categories.size(); c++) {
            int x = LEFT + (int) Math.round(c * slot + (slot - barW) / 2);
            double base = 0;
            for (int s = 0; s < values.length; s++) {
                long v = values[s][c];
                if (v == 0) {
                    continue;
                }
                int top = plotTop + plotH - (int) Math.round((base + v) * plotH / max);
                int bottom = plotTop + plotH - (int) Math.round(base * plotH / max);
                segments.add(new Segment(x, top, barW, Math.max(1, bottom - top), PALETTE.get(s % PALETTE.size()),
                        categories.get(c) + (series.size() > 1 ? ", " + series.get(s) : "") + ": " + v,
                        hrefs == null ? null : hrefs.get(c)));
                base += v;
            }
            if (c % every == 0 || c == categories.size() - 1 && n <= MAX_LABELS) {
                labels.add(new Label(x + barW / 2, categories.get(c)));
            }
        }
        List<Series> legend = new ArrayList<>();
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                legend.add(new Series(series.get(s), PALETTE.get(s % PALETTE.size())));
            }
        }
        return new BarChart(id, title, width, height, segments, labels, legend, String.valueOf(max), plotTop, plotTop + plotH);
    }

    public int left() {
        return LEFT;
    }

    /** Where the axis figures end, just left of the plot. */
    public int tickX() {
        return LEFT - 4;
    }

    /** The baseline of the axis figure at the top (the largest bar). */
    public int topTickY() {
        return plotTop + 4;
    }

    public int top() {
        return plotTop;
    }

    /** Where legend entry {@code i} starts. */
    public int legendX(int i) {
        return LEFT + i * LEGEND_STEP;
    }

    public int labelY() {
        return plotBottom + 14;
    }

    public int right() {
        return width - 4;
    }
}
