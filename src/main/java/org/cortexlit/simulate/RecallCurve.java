package org.cortexlit.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * A recall curve ({@code [screened, found]} for screened = 1 .. records) stored compactly: only the points where found
 * rises, and the last record. As found never falls and changes only at those points, the full curve follows exactly.
 * The JSON is {@code [[screened,found],...]}, written and read here without a JSON library (plain integers).
 */
public final class RecallCurve {

    private RecallCurve() {
    }

    /** The points of {@code curve} where found rises, and its last point: JSON {@code [[s,f],...]}. */
    public static String compact(List<int[]> curve) {
        StringBuilder json = new StringBuilder("[");
        int found = 0;
        for (int i = 0; i < curve.size(); i++) {
            int[] p = curve.get(i);
            if (p[1] != found || i == curve.size() - 1) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('[').append(p[0]).append(',').append(p[1]).append(']');
                found = p[1];
            }
        }
        return json.append(']').toString();
    }

    /** The points of a {@link #compact} JSON curve. */
    public static List<int[]> parse(String json) {
        List<int[]> points = new ArrayList<>();
        String s = json.replaceAll("[\\s\\[\\]]", " ").trim();
        if (s.isEmpty()) {
            return points;
        }
        String[] numbers = s.split("[\\s,]+");
        for (int i = 0; i + 1 < numbers.length; i += 2) {
            points.add(new int[]{Integer.parseInt(numbers[i]), Integer.parseInt(numbers[i + 1])});
        }
        return points;
    }

    /** One point per record, 1 .. {@code records}, from the points where found rises. */
    public static List<int[]> expand(List<int[]> rises, int records) {
        List<int[]> curve = new ArrayList<>(records);
        int next = 0;
        int found = 0;
        for (int screened = 1; screened <= records; screened++) {
            while (next < rises.size() && rises.get(next)[0] <= screened) {
                found = rises.get(next)[1];
                next++;
            }
            curve.add(new int[]{screened, found});
        }
        return curve;
    }
}
