package org.cortexlit.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * The phrase table: every cue the rules look for, as word sequences over {@link Lexicon} ids, grouped by their
 * first word so that a field is matched in one pass. Hyphens are spaces here as they are in {@link Tokens}
 * ("meta-analysis" is "meta analysis", "5-Hz" is "5" and "hz").
 */
final class Cues {

    enum Kind {
        CONTROLLED, UNCONTROLLED, REVIEW, REVIEW_TITLE, REVIEW_WEAK, PROTOCOL, OPINION, HEALTHY, PATIENTS,
        ANIMAL, ANIMAL_WEAK, TARGET, MODALITY, GENERIC_TMS, SINGLE_PULSE, MEASUREMENT, FREQUENCY, HZ_BLOCK,
        THETA_BURST_CONTEXT, CONDITION, PAIN, SESSION_NOUN, PERIOD_NOUN, TIME_UNIT, MOTOR_THRESHOLD, NEGATOR,
        SURGICAL, MCS_PHRASE
    }

    /** One phrase and what it means; {@code tier} ranks conditions (1 general, 2 a kind of pain, 3 a syndrome). */
    record Cue(int[] words, Kind kind, String value, double weight, int tier) {
    }

    final Lexicon lexicon = new Lexicon();
    /** Cues by the id of their first word. */
    Cue[][] byFirst;
    private final List<Cue> all = new ArrayList<>();

    void add(Kind kind, String value, double weight, String... phrases) {
        add(kind, value, weight, 0, phrases);
    }

    void add(Kind kind, String value, double weight, int tier, String... phrases) {
        for (String phrase : phrases) {
            String[] words = phrase.trim().split("[\\s\\-]+");
            int[] ids = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                ids[i] = lexicon.id(words[i]);
            }
            all.add(new Cue(ids, kind, value, weight, tier));
        }
    }

    int word(String w) {
        return lexicon.id(w);
    }

    void freeze() {
        lexicon.freeze();
        int size = 0;
        for (Cue c : all) {
            size = Math.max(size, c.words()[0] + 1);
        }
        List<List<Cue>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(null);
        }
        for (Cue c : all) {
            int first = c.words()[0];
            if (lists.get(first) == null) {
                lists.set(first, new ArrayList<>(2));
            }
            lists.get(first).add(c);
        }
        byFirst = new Cue[size][];
        for (int i = 0; i < size; i++) {
            if (lists.get(i) != null) {
                // longest first, so a phrase is reported before the shorter phrases it contains
                lists.get(i).sort((a, b) -> b.words().length - a.words().length);
                byFirst[i] = lists.get(i).toArray(new Cue[0]);
            }
        }
    }

    Cue[] startingWith(int id) {
        return id >= 0 && id < byFirst.length ? byFirst[id] : null;
    }
}
