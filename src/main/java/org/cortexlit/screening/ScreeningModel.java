package org.cortexlit.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.prioritise.Prioritiser;
import org.cortexlit.prioritise.Prioritisers;

/**
 * The one relevance model of the application: the screening queue ranks reviews with it and a simulation replays
 * labelled data through it, so what a simulation measures is what reviewers get.
 */
@ApplicationScoped
public class ScreeningModel {

    private final Prioritiser prioritiser = Prioritisers.standard();

    /** The queue's model ({@link Prioritisers#standard()}); the same instance every time, safe to share. */
    public Prioritiser prioritiser() {
        return prioritiser;
    }

    /** The model's name, as results and pages show it. */
    public String name() {
        return prioritiser.name();
    }
}
