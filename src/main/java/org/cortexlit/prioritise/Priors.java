package org.cortexlit.prioritise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The prior knowledge a simulation starts from, as ASReview's simulations do: one relevant and one irrelevant record,
 * chosen at random by the seed, screened first (relevant, then irrelevant) and counted as screened. The same seed gives
 * the same priors on every machine ({@link Random} is specified exactly), so two models compared on one seed start alike.
 */
public record Priors(long relevantId, long irrelevantId) {

    public static Priors choose(LabelledSet data, long seed) {
        List<Long> relevant = new ArrayList<>();
        List<Long> irrelevant = new ArrayList<>();
        for (LabelledRecord r : data.records()) {
            (r.relevant() ? relevant : irrelevant).add(r.text().id());
        }
        if (relevant.isEmpty() || irrelevant.isEmpty()) {
            throw new IllegalArgumentException(data.name() + " has " + relevant.size() + " relevant and "
                    + irrelevant.size() + " irrelevant records; a simulation needs at least one of each.");
        }
        Random random = new Random(seed);
        long r = relevant.get(random.nextInt(relevant.size()));
        long i = irrelevant.get(random.nextInt(irrelevant.size()));
        return new Priors(r, i);
    }
}
