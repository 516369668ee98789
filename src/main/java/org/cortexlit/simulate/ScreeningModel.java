package org.cortexlit.simulate;

import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.prioritise.Prioritiser;
import org.cortexlit.prioritise.Prioritisers;

/**
 * The one screening model of the application: the screening queue and the simulations both take their
 * {@link Prioritiser} from here, so a simulation measures exactly the model the queue ranks with. The prioritiser is
 * built once and shared: it holds no state between calls (each {@code corpus} and {@code train} returns a new immutable
 * value), so any number of threads may use it at once.
 */
@ApplicationScoped
public class ScreeningModel {

    private final Prioritiser prioritiser = Prioritisers.standard();

    /** The queue's model, {@code cortexlit-svm} ({@link Prioritisers#standard()}); the same instance every time. */
    public Prioritiser prioritiser() {
        return prioritiser;
    }

    /** The model's name, as results and pages show it. */
    public String name() {
        return prioritiser.name();
    }
}
