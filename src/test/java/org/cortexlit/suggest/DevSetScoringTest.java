package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cortexlit.library.TagDimension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the suggester against the hand labels of the development set, the tune and holdout parts apart, and
 * fails when a change makes a figure fall below its floor. The floors are the figures the rules reached when
 * written (tune) and when first measured (holdout), less a little; the holdout part is never used to change a rule.
 *
 * <p>The fresh part (20 records found and labelled after version 3 was frozen) measures the rules on text that
 * neither the rules nor the split were made with in view; like the holdout part, it is never used to change a rule.
 *
 * <p>Design, targets and modalities: micro-averaged precision, recall and F1 over (record, value) pairs, a missing
 * suggestion counting as a miss. Frequency, sessions, intensity, condition: accuracy over the records whose
 * abstract states them, and how often a value was suggested where none is stated. Run with
 * {@code -Dsuggest.errors=tune} to list the tune part's disagreements.
 */
class DevSetScoringTest {

    private static List<DevSet.Item> items;

    @BeforeAll
    static void load() throws IOException {
        items = DevSet.load();
    }

    @Test
    void everyRecordOfTheSetParsesAndHasALabelInTheFixedSplit() {
        assertTrue(items.size() >= 80, "the set has at least 80 records: " + items.size());
        for (DevSet.Item item : items) {
            if (!item.label().split().equals(DevSet.FRESH)) {
                assertEquals(DevSet.splitOf(item.label().key()), item.label().split(),
                        item.label().key() + " is in the split its key hashes to");
            }
            assertTrue(!item.record().title().isBlank(), item.label().key() + " has a title");
        }
        long hashed = items.stream().filter(i -> !i.label().split().equals(DevSet.FRESH)).count();
        long holdout = items.stream().filter(i -> i.label().split().equals(DevSet.HOLDOUT)).count();
        assertTrue(holdout >= hashed / 4 && holdout <= hashed / 2, "about a third is held out: " + holdout);
    }

    @Test
    void labelsUseTheVocabularyOfTheTagDimensions() {
        for (DevSet.Item item : items) {
            DevSet.Label l = item.label();
            if (l.design() != null) {
                assertTrue(TagDimension.DESIGN.defaults.contains(l.design()), l.key() + " design " + l.design());
            }
            l.targets().forEach(t -> assertTrue(TagDimension.TARGET.defaults.contains(t), l.key() + " target " + t));
            l.modalities().forEach(m -> assertTrue(TagDimension.MODALITY.defaults.contains(m),
                    l.key() + " modality " + m));
            if (l.frequency() != null && !l.frequency().equals("both")) {
                assertTrue(TagDimension.FREQUENCY.defaults.contains(l.frequency()), l.key() + " " + l.frequency());
            }
            if (l.sessions() != null) {
                assertEquals(l.sessions(), TagDimension.SESSIONS.normalise(l.sessions()));
            }
            if (l.intensity() != null) {
                assertEquals(l.intensity(), TagDimension.INTENSITY.normalise(l.intensity()));
            }
        }
    }

    @Test
    void everySuggestionIsInTheVocabularyAndEveryEvidenceSpanIsTheRecordsText() {
        for (DevSet.Item item : items) {
            SuggestInput input = SuggestInput.from(item.record());
            Suggestions s = TagSuggester.suggest(input);
            assertEquals(TagSuggester.VERSION, s.version());
            for (Suggestion g : all(s)) {
                assertTrue(g.confidence() >= 0 && g.confidence() <= 1);
                for (Evidence e : g.evidence()) {
                    assertEquals(fieldText(input, e).substring(e.start(), e.end()), e.text(),
                            item.label().key() + " " + e);
                }
            }
            if (s.design() != null) {
                assertTrue(TagDimension.DESIGN.defaults.contains(s.design().value()));
            }
            s.targets().forEach(t -> assertTrue(TagDimension.TARGET.defaults.contains(t.value()), t.value()));
            s.modalities().forEach(m -> assertTrue(TagDimension.MODALITY.defaults.contains(m.value()), m.value()));
            if (s.frequency() != null) {
                s.frequency().values().forEach(v -> assertTrue(TagDimension.FREQUENCY.defaults.contains(v), v));
            }
            if (s.sessions() != null) {
                assertEquals(s.sessions().value(), TagDimension.SESSIONS.normalise(s.sessions().value()));
            }
            if (s.intensity() != null) {
                assertEquals(s.intensity().value(), TagDimension.INTENSITY.normalise(s.intensity().value()));
            }
        }
    }

    @Test
    void theSuggesterMeetsItsFloorsOnTheTuneAndHoldoutParts() {
        Map<String, Double> tune = score(DevSet.TUNE);
        Map<String, Double> holdout = score(DevSet.HOLDOUT);
        Map<String, Double> fresh = score(DevSet.FRESH);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-34s %10s %10s %10s%n",
                "figure (version " + TagSuggester.VERSION + ")", "tune", "holdout", "fresh"));
        for (String k : tune.keySet()) {
            boolean count = k.equals("records") || k.split(" ").length == 2 && k.endsWith(" stated");
            table.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s%n", k, fmt(tune.get(k), count),
                    fmt(holdout.get(k), count), fmt(fresh.get(k), count)));
        }
        System.out.println(table);
        floors(tune, Floors.TUNE, "tune");
        floors(holdout, Floors.HOLDOUT, "holdout");
        floors(fresh, Floors.FRESH, "fresh");
    }

    private static void floors(Map<String, Double> figures, Map<String, Double> floors, String part) {
        List<String> below = new ArrayList<>();
        floors.forEach((k, floor) -> {
            Double v = figures.get(k);
            if (v == null || v + 1e-9 < floor) {
                below.add(k + " " + fmt(v) + " < " + fmt(floor));
            }
        });
        assertTrue(below.isEmpty(), "Below the floor on the " + part + " part: " + below);
    }

    /** The floors, in one place so a reviewer sees them with their reasons. */
    static final class Floors {
        static final Map<String, Double> TUNE = new LinkedHashMap<>();
        static final Map<String, Double> HOLDOUT = new LinkedHashMap<>();
        static final Map<String, Double> FRESH = new LinkedHashMap<>();

        static {
            // version 3 reached 0.962 / 0.978 / 1.000 / 1.000 / 1.000 / 1.000 / 1.000 on the tune part
            TUNE.put("design F1", 0.95);
            TUNE.put("targets F1", 0.95);
            TUNE.put("modalities F1", 0.97);
            TUNE.put("frequency accuracy where stated", 0.95);
            TUNE.put("sessions accuracy where stated", 0.95);
            TUNE.put("intensity accuracy where stated", 0.99);
            TUNE.put("condition accuracy where stated", 0.97);
            // and 0.935 / 0.985 / 0.955 / 1.000 / 0.800 / 1.000 / 0.870 on the holdout part, first measured
            HOLDOUT.put("design F1", 0.90);
            HOLDOUT.put("targets F1", 0.95);
            HOLDOUT.put("modalities F1", 0.93);
            HOLDOUT.put("frequency accuracy where stated", 0.95);
            HOLDOUT.put("sessions accuracy where stated", 0.80);
            HOLDOUT.put("intensity accuracy where stated", 0.99);
            HOLDOUT.put("condition accuracy where stated", 0.85);
            // and 0.950 / 0.933 / 0.980 / 0.900 / 0.875 / 1.000 / 0.850 on the 20 fresh records, measured once
            FRESH.put("design F1", 0.90);
            FRESH.put("targets F1", 0.90);
            FRESH.put("modalities F1", 0.95);
            FRESH.put("frequency accuracy where stated", 0.85);
            FRESH.put("sessions accuracy where stated", 0.80);
            FRESH.put("condition accuracy where stated", 0.80);
        }
    }

    private static String fmt(Double v) {
        return fmt(v, false);
    }

    private static String fmt(Double v, boolean count) {
        return v == null ? "-" : count ? String.valueOf(v.intValue()) : String.format(Locale.ROOT, "%.3f", v);
    }

    static Map<String, Double> score(String split) {
        boolean printErrors = split.equals(System.getProperty("suggest.errors"));
        Map<String, int[]> pairs = new LinkedHashMap<>(); // dimension -> {true positive, suggested, labelled}
        Map<String, int[]> stated = new LinkedHashMap<>(); // dimension -> {correct, stated, suggested where unstated, unstated}
        int n = 0;
        for (DevSet.Item item : items) {
            DevSet.Label l = item.label();
            if (!l.split().equals(split)) {
                continue;
            }
            n++;
            Suggestions s = TagSuggester.suggest(item.record());
            StringBuilder errors = new StringBuilder();
            setScore(pairs, "design", l.design() == null ? Set.of() : Set.of(l.design()),
                    s.design() == null ? Set.of() : Set.of(s.design().value()), errors);
            setScore(pairs, "targets", l.targets(), values(s.targets()), errors);
            setScore(pairs, "modalities", l.modalities(), values(s.modalities()), errors);
            valueScore(stated, "frequency", l.frequency() == null ? Set.of() : Set.of(l.frequency()),
                    s.frequency() == null ? null : s.frequency().value(), errors);
            valueScore(stated, "sessions", l.sessions() == null ? Set.of() : Set.of(l.sessions()),
                    s.sessions() == null ? null : s.sessions().value(), errors);
            valueScore(stated, "intensity", l.intensity() == null ? Set.of() : Set.of(l.intensity()),
                    s.intensity() == null ? null : s.intensity().value(), errors);
            valueScore(stated, "condition", l.conditions(), s.condition() == null ? null : s.condition().value(),
                    errors);
            if (printErrors && errors.length() > 0) {
                System.out.println(l.key() + " | " + item.record().title() + errors);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("records", (double) n);
        pairs.forEach((dim, c) -> {
            double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
            out.put(dim + " precision", p);
            out.put(dim + " recall", r);
            out.put(dim + " F1", p + r == 0 ? 0 : 2 * p * r / (p + r));
        });
        stated.forEach((dim, c) -> {
            out.put(dim + " stated", (double) c[1]);
            out.put(dim + " accuracy where stated", c[1] == 0 ? 0 : (double) c[0] / c[1]);
            out.put(dim + " suggested where unstated", c[3] == 0 ? 0 : (double) c[2] / c[3]);
        });
        return out;
    }

    private static void setScore(Map<String, int[]> pairs, String dim, Set<String> labelled, Set<String> suggested,
                                 StringBuilder errors) {
        int[] c = pairs.computeIfAbsent(dim, k -> new int[3]);
        for (String v : suggested) {
            if (labelled.contains(v)) {
                c[0]++;
            }
        }
        c[1] += suggested.size();
        c[2] += labelled.size();
        if (!labelled.equals(suggested)) {
            errors.append("\n    ").append(dim).append(": labelled ").append(labelled).append(", suggested ")
                    .append(suggested);
        }
    }

    private static void valueScore(Map<String, int[]> stated, String dim, Set<String> labelled, String suggested,
                                   StringBuilder errors) {
        int[] c = stated.computeIfAbsent(dim, k -> new int[4]);
        if (labelled.isEmpty()) {
            c[3]++;
            if (suggested != null) {
                c[2]++;
                errors.append("\n    ").append(dim).append(": none stated, suggested ").append(suggested);
            }
            return;
        }
        c[1]++;
        if (suggested != null && labelled.contains(suggested)) {
            c[0]++;
        } else {
            errors.append("\n    ").append(dim).append(": labelled ").append(labelled).append(", suggested ")
                    .append(suggested);
        }
    }

    private static Set<String> values(List<Suggestion> list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(s -> out.add(s.value()));
        return out;
    }

    static List<Suggestion> all(Suggestions s) {
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion g : new Suggestion[] {s.design(), s.frequency(), s.sessions(), s.intensity(), s.condition()}) {
            if (g != null) {
                out.add(g);
            }
        }
        out.addAll(s.targets());
        out.addAll(s.modalities());
        return out;
    }

    static String fieldText(SuggestInput input, Evidence e) {
        return switch (e.field()) {
            case Evidence.TITLE -> input.title();
            case Evidence.ABSTRACT -> input.abstractText();
            case Evidence.PUBLICATION_TYPE -> input.publicationTypes().get(e.index());
            case Evidence.MESH -> input.mesh().get(e.index());
            case Evidence.KEYWORD -> input.keywords().get(e.index());
            default -> throw new IllegalArgumentException("Unknown evidence field " + e.field());
        };
    }
}
