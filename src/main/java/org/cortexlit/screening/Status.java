package org.cortexlit.screening;

import java.util.Arrays;
import java.util.Locale;

/** Where a record of a review stands. */
public enum Status {
    /** No decision yet. */
    UNSCREENED,
    /** Dual mode: one of the two decisions is in. */
    AWAITING_SECOND,
    /** Dual mode: one reviewer includes (or maybe), the other excludes; the lead decides. */
    CONFLICT,
    INCLUDED,
    EXCLUDED,
    MAYBE;

    public boolean settled() {
        return this == INCLUDED || this == EXCLUDED || this == MAYBE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A status from a form or a query parameter (any case, spaces for underscores); null for blank. */
    public static Status parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw ScreeningException.invalid("There is no status '" + s + "'; the screening statuses are "
                    + Arrays.stream(values()).map(Enum::name).toList() + ".");
        }
    }

    static Status of(Decision d) {
        return switch (d) {
            case INCLUDE -> INCLUDED;
            case EXCLUDE -> EXCLUDED;
            case MAYBE -> MAYBE;
        };
    }
}
