package org.cortexlit.prioritise;

import java.util.OptionalLong;
import java.util.Set;

/** Chooses the record to screen next from a trained model's ranking. */
public interface QueryStrategy {

    /** The next record among those not in {@code screened}; empty when every record is screened. */
    OptionalLong next(Ranking ranking, Set<Long> screened);
}
