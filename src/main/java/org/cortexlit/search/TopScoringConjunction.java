package org.cortexlit.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ranking pass's conjunction: every {@code scoring} clause must match and the score is their sum, every
 * {@code filter} must match and adds nothing, no {@code excluded} clause may match. It gives the same hits and
 * scores as a {@link BooleanQuery} of MUST, FILTER and MUST_NOT clauses, but ranks the top hits with less work:
 * <ul>
 *   <li>each clause is told the least score it must reach for a record to stay competitive: the collector's
 *       threshold less the most every other clause can add. Lucene's conjunction keeps that threshold to itself,
 *       so inside {@code (rtms OR ...) AND (pain OR neuralgia OR ...)} an alternative such as "pain", which no
 *       record can win with, is still read for every record; told its minimum, it skips all its blocks;</li>
 *   <li>the rank bonus is one of the clauses, so where the index's bonus-sorted blocks fall below what a record
 *       still needs from it, the bonus clause runs out and the segment ends;</li>
 *   <li>a record's positions (its phrases) are verified only when the scores of its other clauses and the best its
 *       phrases could add still reach the threshold.</li>
 * </ul>
 * A record it passes over could not have made the page, so the page is the one exhaustive scoring gives; only the
 * pass's own hit count is lower, which the search never reads (its exact total comes from a counting pass).
 */
final class TopScoringConjunction extends Query {

    private final List<Query> scoring;
    /** The most each scoring clause can score, when known better than its scorer's own bound (NaN: not known). */
    private final float[] caps;
    private final List<Query> filters;
    private final List<Query> excluded;

    TopScoringConjunction(List<Query> scoring, float[] caps, List<Query> filters, List<Query> excluded) {
        if (scoring.isEmpty() || caps.length != scoring.size()) {
            throw new IllegalArgumentException("a conjunction to rank needs scoring clauses, each with its cap (or NaN)");
        }
        this.scoring = List.copyOf(scoring);
        this.caps = caps.clone();
        this.filters = List.copyOf(filters);
        this.excluded = List.copyOf(excluded);
    }

    /**
     * {@code base} and the {@code bonus} clause as one conjunction. A base that is itself a conjunction (MUST, FILTER
     * and MUST_NOT clauses, nothing optional), nested ones included, gives its clauses, so each of them learns its own
     * minimum; any other base is one clause. The bonus must match every document (each has the rank feature) and score
     * at most {@code bonusMax}: Lucene bounds a feature clause over a whole segment by its largest possible value,
     * which would leave the other clauses no minimum at all.
     */
    static TopScoringConjunction of(Query base, Query bonus, float bonusMax) {
        List<Query> scoring = new ArrayList<>();
        List<Query> filters = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        flatten(base, scoring, filters, excluded);
        float[] caps = new float[scoring.size() + 1];
        Arrays.fill(caps, Float.NaN);
        caps[scoring.size()] = bonusMax;
        scoring.add(bonus);
        return new TopScoringConjunction(scoring, caps, filters, excluded);
    }

    private static void flatten(Query q, List<Query> scoring, List<Query> filters, List<Query> excluded) {
        if (!(q instanceof BooleanQuery bq && isConjunction(bq))) {
            scoring.add(q);
            return;
        }
        for (BooleanClause c : bq.clauses()) {
            switch (c.getOccur()) {
                case MUST -> flatten(c.getQuery(), scoring, filters, excluded);
                case FILTER -> filters.add(c.getQuery());
                case MUST_NOT -> excluded.add(c.getQuery());
                default -> throw new IllegalStateException("not a conjunction: " + bq);
            }
        }
    }

    private static boolean isConjunction(BooleanQuery bq) {
        boolean positive = false;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.SHOULD) {
                return false;
            }
            positive |= c.getOccur() == BooleanClause.Occur.MUST;
        }
        return positive && bq.getMinimumNumberShouldMatch() == 0;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        List<Query> s = rewriteAll(scoring, searcher);
        List<Query> f = rewriteAll(filters, searcher);
        List<Query> e = rewriteAll(excluded, searcher);
        if (s.equals(scoring) && f.equals(filters) && e.equals(excluded)) {
            return super.rewrite(searcher);
        }
        return new TopScoringConjunction(s, caps, f, e);
    }

    private static List<Query> rewriteAll(List<Query> queries, IndexSearcher searcher) throws IOException {
        List<Query> out = new ArrayList<>(queries.size());
        for (Query q : queries) {
            out.add(q.rewrite(searcher));
        }
        return out;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor must = visitor.getSubVisitor(BooleanClause.Occur.MUST, this);
        scoring.forEach(q -> q.visit(must));
        QueryVisitor filter = visitor.getSubVisitor(BooleanClause.Occur.FILTER, this);
        filters.forEach(q -> q.visit(filter));
        QueryVisitor not = visitor.getSubVisitor(BooleanClause.Occur.MUST_NOT, this);
        excluded.forEach(q -> q.visit(not));
    }

    @Override
    public String toString(String field) {
        StringBuilder sb = new StringBuilder("TopScoring(");
        scoring.forEach(q -> sb.append(" +").append(q.toString(field)));
        filters.forEach(q -> sb.append(" #").append(q.toString(field)));
        excluded.forEach(q -> sb.append(" -").append(q.toString(field)));
        return sb.append(" )").toString();
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && scoring.equals(((TopScoringConjunction) o).scoring)
                && Arrays.equals(caps, ((TopScoringConjunction) o).caps)
                && filters.equals(((TopScoringConjunction) o).filters)
                && excluded.equals(((TopScoringConjunction) o).excluded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), scoring, Arrays.hashCode(caps), filters, excluded);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        List<Weight> s = new ArrayList<>();
        for (Query q : scoring) {
            s.add(searcher.createWeight(q, scoreMode, boost));
        }
        List<Weight> f = new ArrayList<>();
        for (Query q : filters) {
            f.add(searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        List<Weight> e = new ArrayList<>();
        for (Query q : excluded) {
            e.add(searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        return new ConjunctionWeight(this, s, caps, f, e, scoreMode);
    }

    private static final class ConjunctionWeight extends Weight {
        private final List<Weight> scoring;
        private final float[] caps;
        private final List<Weight> filters;
        private final List<Weight> excluded;
        private final ScoreMode scoreMode;

        ConjunctionWeight(Query query, List<Weight> scoring, float[] caps, List<Weight> filters, List<Weight> excluded,
                          ScoreMode scoreMode) {
            super(query);
            this.scoring = scoring;
            this.caps = caps;
            this.filters = filters;
            this.excluded = excluded;
            this.scoreMode = scoreMode;
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
            List<ScorerSupplier> required = new ArrayList<>();
            for (Weight w : scoring) {
                ScorerSupplier ss = w.scorerSupplier(context);
                if (ss == null) {
                    return null;
                }
                // each clause reacts to the minimum it is told (term and phrase scorers skip blocks only when set up
                // as a top-level clause)
                if (scoreMode == ScoreMode.TOP_SCORES) {
                    ss.setTopLevelScoringClause();
                }
                required.add(ss);
            }
            List<ScorerSupplier> filterSuppliers = new ArrayList<>();
            for (Weight w : filters) {
                ScorerSupplier ss = w.scorerSupplier(context);
                if (ss == null) {
                    return null;
                }
                filterSuppliers.add(ss);
            }
            long leadCost = Long.MAX_VALUE;
            for (ScorerSupplier ss : required) {
                leadCost = Math.min(leadCost, ss.cost());
            }
            for (ScorerSupplier ss : filterSuppliers) {
                leadCost = Math.min(leadCost, ss.cost());
            }
            List<Scorer> scorers = new ArrayList<>();
            for (ScorerSupplier ss : required) {
                scorers.add(ss.get(leadCost));
            }
            List<Scorer> filterScorers = new ArrayList<>();
            for (ScorerSupplier ss : filterSuppliers) {
                filterScorers.add(ss.get(leadCost));
            }
            List<DocIdSetIterator> exclusions = new ArrayList<>();
            for (Weight w : excluded) {
                Scorer s = w.scorer(context);
                if (s != null) {
                    exclusions.add(s.iterator()); // verified: a record is excluded only when the clause really matches
                }
            }
            return new ConjunctionScorer(this, scorers, caps, filterScorers, exclusions, scoreMode == ScoreMode.TOP_SCORES);
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            List<Explanation> parts = new ArrayList<>();
            double sum = 0;
            for (Weight w : scoring) {
                Explanation e = w.explain(context, doc);
                if (!e.isMatch()) {
                    return Explanation.noMatch("a required clause does not match", e);
                }
                parts.add(e);
                sum += e.getValue().doubleValue();
            }
            for (Weight w : filters) {
                Explanation e = w.explain(context, doc);
                if (!e.isMatch()) {
                    return Explanation.noMatch("a filter does not match", e);
                }
            }
            for (Weight w : excluded) {
                Explanation e = w.explain(context, doc);
                if (e.isMatch()) {
                    return Explanation.noMatch("an excluded clause matches", e);
                }
            }
            return Explanation.match((float) sum, "sum of:", parts);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }
    }

    /**
     * The scorer. Clauses are kept cheapest first; the approximation intersects the clauses' approximations and skips
     * every block whose clauses' maximum scores add up to less than the threshold; {@code matches} checks exclusions,
     * then adds the exact scores of the clauses that need no verification and the block maximum of those that do,
     * and verifies positions only when that bound still reaches the threshold.
     */
    private static final class ConjunctionScorer extends Scorer {
        private final Scorer[] scorers;
        private final float[] caps;
        private final TwoPhaseIterator[] twoPhases;
        private final TwoPhaseIterator[] filterTwoPhases;
        private final DocIdSetIterator[] exclusions;
        private final DocIdSetIterator approximation;
        private final DocIdSetIterator lead;
        private final TwoPhaseIterator twoPhase;
        private final boolean topScores;
        /** Each clause's most over the segment, and the sum of the others' for each. */
        private final double[] othersMax;
        private final float[] blockMax;
        private final float[] scores;
        /** The document {@link #scores} hold the exact scores of (the clauses without positions), or -1. */
        private int scoredDoc = -1;
        /** The sum of {@link #blockMax}: the most a record of the current block can score. */
        private double blockSum = Double.POSITIVE_INFINITY;
        private float minScore;
        private int upTo = -1;

        ConjunctionScorer(Weight weight, List<Scorer> scoring, float[] caps, List<Scorer> filters,
                          List<DocIdSetIterator> exclusions, boolean topScores) throws IOException {
            super(weight);
            Integer[] order = new Integer[scoring.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> approximationOf(scoring.get(i)).cost()));
            this.scorers = new Scorer[order.length];
            this.caps = new float[order.length];
            for (int i = 0; i < order.length; i++) {
                scorers[i] = scoring.get(order[i]);
                this.caps[i] = Float.isNaN(caps[order[i]]) ? Float.POSITIVE_INFINITY : caps[order[i]];
            }
            this.twoPhases = new TwoPhaseIterator[scorers.length];
            List<DocIdSetIterator> approximations = new ArrayList<>();
            for (int i = 0; i < scorers.length; i++) {
                twoPhases[i] = scorers[i].twoPhaseIterator();
                approximations.add(approximationOf(scorers[i]));
            }
            List<TwoPhaseIterator> filterPhases = new ArrayList<>();
            for (Scorer f : filters) {
                approximations.add(approximationOf(f));
                if (f.twoPhaseIterator() != null) {
                    filterPhases.add(f.twoPhaseIterator());
                }
            }
            this.filterTwoPhases = filterPhases.toArray(new TwoPhaseIterator[0]);
            this.exclusions = exclusions.toArray(new DocIdSetIterator[0]);
            this.lead = approximations.size() == 1 ? approximations.get(0)
                    : ConjunctionUtils.intersectIterators(approximations);
            this.topScores = topScores;
            this.blockMax = new float[scorers.length];
            this.scores = new float[scorers.length];
            this.othersMax = new double[scorers.length];
            if (topScores) {
                double total = 0;
                float[] max = new float[scorers.length];
                for (int i = 0; i < scorers.length; i++) {
                    scorers[i].advanceShallow(0);
                    max[i] = Math.min(this.caps[i], scorers[i].getMaxScore(DocIdSetIterator.NO_MORE_DOCS));
                    total += max[i];
                }
                for (int i = 0; i < scorers.length; i++) {
                    othersMax[i] = total - max[i];
                }
            }
            this.approximation = topScores ? new BlockSkipping() : lead;
            this.twoPhase = new TwoPhaseIterator(approximation) {
                @Override
                public boolean matches() throws IOException {
                    return verify();
                }

                @Override
                public float matchCost() {
                    float cost = 1 + ConjunctionScorer.this.exclusions.length;
                    for (TwoPhaseIterator t : twoPhases) {
                        cost += t == null ? 0 : t.matchCost();
                    }
                    for (TwoPhaseIterator t : filterTwoPhases) {
                        cost += t.matchCost();
                    }
                    return cost;
                }
            };
        }

        private static DocIdSetIterator approximationOf(Scorer s) {
            TwoPhaseIterator t = s.twoPhaseIterator();
            return t == null ? s.iterator() : t.approximation();
        }

        /** The approximation, passing over blocks that cannot hold a competitive record. */
        private final class BlockSkipping extends DocIdSetIterator {
            @Override
            public int docID() {
                return lead.docID();
            }

            @Override
            public int nextDoc() throws IOException {
                return advance(lead.docID() + 1);
            }

            @Override
            public int advance(int target) throws IOException {
                while (true) {
                    if (minScore > 0) {
                        target = competitiveFrom(target);
                        if (target == NO_MORE_DOCS) {
                            return lead.advance(NO_MORE_DOCS);
                        }
                    }
                    int doc = lead.docID() >= target ? lead.docID() : lead.advance(target);
                    if (doc == NO_MORE_DOCS || minScore <= 0 || doc <= upTo) {
                        return doc;
                    }
                    target = doc; // past the block checked: check the block it landed in
                }
            }

            @Override
            public long cost() {
                return lead.cost();
            }
        }

        /** The first document at or after {@code target} in a block whose maximum reaches the threshold. */
        private int competitiveFrom(int target) throws IOException {
            while (true) {
                if (target > upTo) {
                    moveToBlock(target);
                }
                if ((float) blockSum >= minScore) {
                    return target;
                }
                if (upTo == DocIdSetIterator.NO_MORE_DOCS) {
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                target = upTo + 1;
            }
        }

        private void moveToBlock(int target) throws IOException {
            int end = DocIdSetIterator.NO_MORE_DOCS;
            for (Scorer s : scorers) {
                end = Math.min(end, s.advanceShallow(target));
            }
            upTo = end;
            double sum = 0;
            for (int i = 0; i < scorers.length; i++) {
                blockMax[i] = Math.min(caps[i], scorers[i].getMaxScore(end));
                sum += blockMax[i];
            }
            blockSum = sum;
        }

        private boolean verify() throws IOException {
            int doc = approximation.docID();
            for (DocIdSetIterator e : exclusions) {
                int at = e.docID() < doc ? e.advance(doc) : e.docID();
                if (at == doc) {
                    return false;
                }
            }
            for (TwoPhaseIterator f : filterTwoPhases) {
                if (!f.matches()) {
                    return false;
                }
            }
            scoredDoc = -1;
            if (minScore > 0 && doc <= upTo) {
                // the most this record can reach: the block's maxima, each replaced by its clause's exact score as it is
                // read; positions (two-phase clauses) are read last, and only when the record can still compete
                double bound = blockSum;
                double least = minScore * (1 - 1e-6); // float sums round: never pass over a record at the threshold
                for (int i = 0; i < scorers.length; i++) {
                    if (twoPhases[i] == null) {
                        scores[i] = scorers[i].score();
                        bound += scores[i] - blockMax[i];
                        if (bound < least) {
                            return false;
                        }
                    }
                }
                scoredDoc = doc;
            }
            for (int i = 0; i < scorers.length; i++) {
                if (twoPhases[i] != null && !twoPhases[i].matches()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public float score() throws IOException {
            boolean known = scoredDoc == docID();
            double sum = 0;
            for (int i = 0; i < scorers.length; i++) {
                sum += known && twoPhases[i] == null ? scores[i] : scorers[i].score();
            }
            return (float) sum;
        }

        @Override
        public int docID() {
            return lead.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            int end = DocIdSetIterator.NO_MORE_DOCS;
            for (Scorer s : scorers) {
                end = Math.min(end, s.advanceShallow(target));
            }
            return end;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            double sum = 0;
            for (int i = 0; i < scorers.length; i++) {
                sum += Math.min(caps[i], scorers[i].getMaxScore(upTo));
            }
            return (float) sum;
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            if (!topScores) {
                return;
            }
            this.minScore = minScore;
            for (int i = 0; i < scorers.length; i++) {
                double least = minScore - othersMax[i];
                if (least > 0 && Double.isFinite(least)) {
                    // a little under the exact difference: float sums round, and a clause must never skip a record
                    // that could still compete
                    scorers[i].setMinCompetitiveScore(Math.nextDown((float) (least * (1 - 1e-6))));
                }
            }
        }
    }
}
