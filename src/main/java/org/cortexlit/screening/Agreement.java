package org.cortexlit.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cohen's kappa between each pair of reviewers over the records both screened, "maybe" counting as include
 * (as Covidence does): kappa = (p_o - p_e) / (1 - p_e). Pure arithmetic, no database.
 */
public final class Agreement {

    private Agreement() {
    }

    /** One pair's figures; {@code kappa} is null when it is undefined (no shared record, or chance agreement is 1). */
    public record Pair(String first, String second, int shared, int agreed, Double kappa) {
        public String kappaText() {
            return kappa == null ? "n/a" : String.format(Locale.ROOT, "%.2f", kappa);
        }
    }

    /**
     * @param votes record id -> (reviewer -> decision); only records with two or more reviewers count
     */
    public static List<Pair> pairs(Map<Long, Map<String, Decision>> votes) {
        TreeMap<String, TreeMap<String, int[]>> tables = new TreeMap<>();
        for (Map<String, Decision> byReviewer : votes.values()) {
            List<String> names = new ArrayList<>(new TreeSet<>(byReviewer.keySet()));
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    int a = byReviewer.get(names.get(i)).includeLike() ? 0 : 1;
                    int b = byReviewer.get(names.get(j)).includeLike() ? 0 : 1;
                    tables.computeIfAbsent(names.get(i), k -> new TreeMap<>())
                            .computeIfAbsent(names.get(j), k -> new int[4])[a * 2 + b]++;
                }
            }
        }
        List<Pair> out = new ArrayList<>();
        tables.forEach((first, row) -> row.forEach((second, t) -> {
            int n = t[0] + t[1] + t[2] + t[3];
            out.add(new Pair(first, second, n, t[0] + t[3], kappa(t[0], t[1], t[2], t[3])));
        }));
        return out;
    }

    /**
     * Kappa from a 2x2 table: both include, first include / second exclude, first exclude / second include,
     * both exclude. Null when undefined.
     */
    public static Double kappa(int bothIn, int inOut, int outIn, int bothOut) {
        double n = bothIn + inOut + outIn + bothOut;
        if (n == 0) {
            return null;
        }
        double po = (bothIn + bothOut) / n;
        double firstIn = (bothIn + inOut) / n;
        double secondIn = (bothIn + outIn) / n;
        double pe = firstIn * secondIn + (1 - firstIn) * (1 - secondIn);
        if (pe >= 1.0) {
            return null;
        }
        return (po - pe) / (1 - pe);
    }
}
