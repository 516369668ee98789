package org.cortexlit.simulate;

/**
 * A labelled file the simulations refuse before anything is stored: unreadable (400, the message names the file and
 * the line), without both kinds of record (400), or too large (413). The message says what to change.
 */
public class SimulationRefused extends RuntimeException {

    private final int status;

    public SimulationRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that fits: 400 or 413. */
    public int status() {
        return status;
    }
}
