package org.cortexlit.suggest;

import java.util.List;

/**
 * The suggested tags of one record, in the shape the API serialises:
 * {@code {"key","version","design":{...}|null,"targets":[...],"modalities":[...],"frequency":{...}|null,
 * "sessions":{...}|null,"intensity":{...}|null,"condition":{...}|null}}. A stored result whose {@code version}
 * differs from {@link TagSuggester#VERSION} was made by other rules and should be recomputed.
 */
public record Suggestions(String key, int version, Suggestion design, List<Suggestion> targets,
                          List<Suggestion> modalities, Suggestion frequency, Suggestion sessions,
                          Suggestion intensity, Suggestion condition) {

    public Suggestions {
        targets = List.copyOf(targets);
        modalities = List.copyOf(modalities);
    }

    /** The same suggestions under another key (the API shows an article's key, which a new record lacks). */
    public Suggestions withKey(String key) {
        return new Suggestions(key, version, design, targets, modalities, frequency, sessions, intensity, condition);
    }

    /** Whether the suggester found nothing to propose in any dimension. */
    public boolean isEmpty() {
        return design == null && targets.isEmpty() && modalities.isEmpty() && frequency == null && sessions == null
                && intensity == null && condition == null;
    }
}
