package org.cortexlit.prioritise;

/**
 * What the model learns from. A reviewer's include and maybe are both {@link #RELEVANT}: a maybe is a record the
 * reviewer wants to see again at full text, the same signal as an include for what to show next.
 */
public enum Label {
    RELEVANT, IRRELEVANT;

    /** The label of a decision: include-like (include or maybe) is relevant, exclude is irrelevant. */
    public static Label of(boolean includeLike) {
        return includeLike ? RELEVANT : IRRELEVANT;
    }

    public boolean relevant() {
        return this == RELEVANT;
    }
}
