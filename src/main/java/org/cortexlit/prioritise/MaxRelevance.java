package org.cortexlit.prioritise;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Maximum relevance ("certainty-based") sampling: the unscreened record the model scores highest. Ties go to the record
 * that comes first in the corpus, so the choice is reproducible.
 */
public final class MaxRelevance implements QueryStrategy {

    @Override
    public OptionalLong next(Ranking ranking, Set<Long> screened) {
        Corpus corpus = ranking.corpus();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < corpus.size(); r++) {
            double s = ranking.scoreOfRow(r);
            if ((best < 0 || s > bestScore) && !screened.contains(corpus.id(r))) {
                best = r;
                bestScore = s;
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(corpus.id(best));
    }
}
