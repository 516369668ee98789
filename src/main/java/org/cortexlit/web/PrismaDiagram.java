package org.cortexlit.web;

import org.cortexlit.screening.ReviewStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A review's PRISMA 2020 flow diagram laid out for SVG: the template's boxes and wording (identification, records
 * removed before screening, records screened and excluded with reasons, reports sought, included) with the
 * review's live counts, each box placed and its lines wrapped here so the template only draws. Every count carries
 * an id ({@code n-screened}) that says which figure of {@code GET /api/reviews/{id}/progress} it shows.
 */
public record PrismaDiagram(int width, int height, List<Phase> phases, List<Box> boxes, List<Arrow> arrows, String title) {

    /** A line of a box; {@code id} names the count it shows, when it shows one. */
    public record Line(String text, String id, boolean bold) {
    }

    public record Box(int x, int y, int w, int h, List<Line> lines) {
        /** The baseline of line {@code i}. */
        public int lineY(int i) {
            return y + PAD + LINE * (i + 1) - 4;
        }

        public int textX() {
            return x + PAD;
        }
    }

    /** A phase of the flow, drawn as a labelled band down the left edge. */
    public record Phase(String label, int y, int h) {
        public int labelX() {
            return 14;
        }

        public int labelY() {
            return y + h / 2;
        }
    }

    public record Arrow(int x1, int y1, int x2, int y2) {
    }

    static final int LINE = 18;
    static final int PAD = 10;
    static final int GAP = 34;
    static final int LEFT_X = 44;
    static final int LEFT_W = 380;
    static final int RIGHT_X = 470;
    static final int RIGHT_W = 340;
    static final int WIDTH = 830;
    /** Characters per line: the boxes use a 13 px sans-serif, about 7 px a character. */
    static final int LEFT_CHARS = 50;
    static final int RIGHT_CHARS = 44;

    public static PrismaDiagram of(String reviewName, ReviewStats.Prisma p, Map<String, Long> exclusionReasons) {
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();

        List<Line> identified = new ArrayList<>();
        identified.add(new Line("Records identified from:", null, true));
        int i = 0;
        for (Map.Entry<String, Long> e : p.identified().entrySet()) {
            wrap("  " + e.getKey() + " (n = " + e.getValue() + ")", LEFT_CHARS, "n-source-" + i++, identified);
        }
        identified.add(new Line("Total (n = " + p.identifiedTotal() + ")", "n-identified", false));
        List<Line> removed = List.of(new Line("Records removed before screening:", null, true),
                new Line("  Duplicate records removed (n = " + p.duplicatesRemoved() + ")", "n-duplicates", false),
                new Line("  Records removed by hand (n = " + p.removedByHand() + ")", "n-removed", false));
        int y = 20;
        int h1 = Math.max(Math.max(height(identified), height(removed)), phaseHeight("Identification"));
        Box idBox = new Box(LEFT_X, y, LEFT_W, h1, identified);
        boxes.add(idBox);
        boxes.add(new Box(RIGHT_X, y, RIGHT_W, h1, removed));
        arrows.add(new Arrow(LEFT_X + LEFT_W, y + h1 / 2, RIGHT_X, y + h1 / 2));
        phases.add(new Phase("Identification", y, h1));

        y += h1 + GAP;
        int screeningTop = y;
        List<Line> screened = List.of(new Line("Records screened (n = " + p.screened() + ")", "n-screened", true),
                new Line("Title and abstract screening settled", null, false));
        List<Line> excluded = new ArrayList<>();
        excluded.add(new Line("Records excluded (n = " + p.excluded() + ")", "n-excluded", true));
        for (Map.Entry<String, Long> e : exclusionReasons.entrySet()) {
            wrap("  " + e.getKey() + " (n = " + e.getValue() + ")", RIGHT_CHARS, null, excluded);
        }
        int h2 = Math.max(height(screened), height(excluded));
        boxes.add(new Box(LEFT_X, y, LEFT_W, h2, screened));
        boxes.add(new Box(RIGHT_X, y, RIGHT_W, h2, excluded));
        arrows.add(new Arrow(LEFT_X + LEFT_W / 2, y - GAP, LEFT_X + LEFT_W / 2, y));
        arrows.add(new Arrow(LEFT_X + LEFT_W, y + h2 / 2, RIGHT_X, y + h2 / 2));

        y += h2 + GAP;
        List<Line> sought = List.of(new Line("Reports sought for retrieval (n = " + p.sought() + ")", "n-sought", true),
                new Line("  included (n = " + p.included() + "), maybe (n = " + p.maybe() + ")", null, false));
        List<Line> awaiting = List.of(new Line("Screening not settled yet (n = " + p.awaiting() + ")", "n-awaiting", true),
                new Line("  not in the flow until settled", null, false));
        int h3 = Math.max(height(sought), height(awaiting));
        boxes.add(new Box(LEFT_X, y, LEFT_W, h3, sought));
        boxes.add(new Box(RIGHT_X, y, RIGHT_W, h3, awaiting));
        arrows.add(new Arrow(LEFT_X + LEFT_W / 2, y - GAP, LEFT_X + LEFT_W / 2, y));
        phases.add(new Phase("Screening", screeningTop, y + h3 - screeningTop));

        y += h3 + GAP;
        List<Line> included = List.of(new Line("Records included at title and abstract (n = " + p.included() + ")",
                "n-included", true), new Line("Full-text assessment is recorded outside CortexLit", null, false));
        int h4 = Math.max(height(included), phaseHeight("Included"));
        boxes.add(new Box(LEFT_X, y, LEFT_W, h4, included));
        arrows.add(new Arrow(LEFT_X + LEFT_W / 2, y - GAP, LEFT_X + LEFT_W / 2, y));
        phases.add(new Phase("Included", y, h4));

        return new PrismaDiagram(WIDTH, y + h4 + 20, phases, boxes, arrows,
                "PRISMA 2020 flow diagram of " + reviewName);
    }

    /** The height a phase's band needs for its label written upwards (bold 13 px: about 8 px a character). */
    private static int phaseHeight(String label) {
        return label.length() * 8 + 2 * PAD;
    }

    private static int height(List<Line> lines) {
        return 2 * PAD + LINE * lines.size();
    }

    /** {@code text} cut at spaces into lines of at most {@code max} characters (a longer word stays whole); {@code id}
     * goes to the last line, which holds the count. */
    static void wrap(String text, int max, String id, List<Line> out) {
        String indent = text.startsWith("  ") ? "    " : "";
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            if (cut <= indent.length()) {
                cut = rest.indexOf(' ', max);
                if (cut < 0) {
                    break;
                }
            }
            out.add(new Line(rest.substring(0, cut), null, false));
            rest = indent + rest.substring(cut + 1);
        }
        out.add(new Line(rest, id, false)); // the count ends the last line
    }
}
