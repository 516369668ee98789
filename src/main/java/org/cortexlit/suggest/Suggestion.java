package org.cortexlit.suggest;

import java.util.List;

/**
 * One suggested value of a dimension. {@code values} holds the single value, or for a frequency that is both high
 * and low the two values {@code ["high","low"]} with {@code value} {@code both}.
 *
 * @param confidence in [0, 1]: how strongly the cues found support the value, not a calibrated probability
 */
public record Suggestion(String value, List<String> values, double confidence, List<Evidence> evidence) {

    public Suggestion {
        values = List.copyOf(values);
        evidence = List.copyOf(evidence);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("A confidence lies in [0, 1], not " + confidence + ".");
        }
    }
}
