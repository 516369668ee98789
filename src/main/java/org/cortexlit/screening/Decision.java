package org.cortexlit.screening;

import java.util.Locale;

/** A reviewer's call on a title and abstract. */
public enum Decision {
    INCLUDE, EXCLUDE, MAYBE;

    /** Maybe counts as include for conflicts and agreement (a record is only dropped when both say exclude). */
    public boolean includeLike() {
        return this != EXCLUDE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses include / exclude / maybe (any case); the message says what is allowed. */
    public static Decision parse(String s) {
        if (s != null) {
            for (Decision d : values()) {
                if (d.name().equalsIgnoreCase(s.trim())) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("A decision is include, exclude or maybe, not '" + s + "'.");
    }
}
