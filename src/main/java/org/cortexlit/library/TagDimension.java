package org.cortexlit.library;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tag dimensions of DOMAIN.md, with their default values (each review can edit its own list). The
 * {@link #key} is also the search field: {@code controlled[design]}, {@code M1[target]}.
 */
public enum TagDimension {
    DESIGN("design", "Study design", false, "controlled", "uncontrolled", "review", "other"),
    TARGET("target", "Cortical target", true, "M1", "DLPFC", "premotor/SMA", "S1", "S2", "insula", "ACC", "other"),
    MODALITY("modality", "Modality", true, "rTMS", "theta-burst", "deep TMS", "epidural MCS", "tDCS", "other"),
    FREQUENCY("frequency", "Frequency", false, "high", "low"),
    SESSIONS("sessions", "Number of sessions", false),
    INTENSITY("intensity", "Intensity (% of motor threshold)", false),
    CONDITION("condition", "Condition", true);

    public final String key;
    public final String label;
    /** Whether a study can have several values (targets, modalities, conditions). */
    public final boolean multiple;
    public final List<String> defaults;

    TagDimension(String key, String label, boolean multiple, String... defaults) {
        this.key = key;
        this.label = label;
        this.multiple = multiple;
        this.defaults = List.of(defaults);
    }

    /** The search field tag and facet of the suggested values: {@code design-suggested}. */
    public String suggestedKey() {
        return key + "-suggested";
    }

    public static Optional<TagDimension> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.key.equals(k)).findFirst();
    }

    public static TagDimension require(String key) {
        return byKey(key).orElseThrow(() -> new IllegalArgumentException("There is no tag dimension '" + key
                + "'; the dimensions are " + Arrays.stream(values()).map(d -> d.key).toList() + "."));
    }

    /**
     * The value as stored: trimmed, single spaces; a whole number for sessions; a number (a trailing % or
     * "% MT" allowed) for intensity. The message of the exception says what is wrong.
     */
    public String normalise(String value) {
        String v = value == null ? "" : value.trim().replaceAll("\\s+", " ");
        if (v.isEmpty()) {
            throw new IllegalArgumentException(label + ": the value is empty.");
        }
        if (v.contains("\"")) {
            throw new IllegalArgumentException(label + ": a value cannot contain a double quote (\").");
        }
        if (v.length() > 100) {
            throw new IllegalArgumentException(label + ": a value has at most 100 characters.");
        }
        switch (this) {
            case SESSIONS -> {
                if (!v.matches("\\d{1,4}") || Integer.parseInt(v) == 0) {
                    throw new IllegalArgumentException("Number of sessions: a whole number from 1 to 9999, not '" + v + "'.");
                }
                return String.valueOf(Integer.parseInt(v));
            }
            case INTENSITY -> {
                String n = v.replaceFirst("(?i)\\s*%?\\s*(of\\s+)?(r?mt|motor threshold)?$", "").trim();
                if (!n.matches("\\d{1,3}(\\.\\d)?") || Double.parseDouble(n) <= 0 || Double.parseDouble(n) > 300) {
                    throw new IllegalArgumentException("Intensity: a percentage of the motor threshold from 1 to 300 "
                            + "(like 80 or 90%), not '" + v + "'.");
                }
                return n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
            }
            default -> {
                for (String known : defaults) {
                    if (known.equalsIgnoreCase(v)) {
                        return known; // one spelling per value: "m1" is stored as "M1"
                    }
                }
                return v;
            }
        }
    }
}
