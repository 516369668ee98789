package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cortexlit.concurrent.Daemons;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.library.AbstractSection;
import org.cortexlit.library.Article;
import org.cortexlit.library.MeshHeading;
import org.cortexlit.prioritise.Contribution;
import org.cortexlit.prioritise.Corpus;
import org.cortexlit.prioritise.Label;
import org.cortexlit.prioritise.Prioritiser;
import org.cortexlit.prioritise.Ranking;
import org.cortexlit.prioritise.RecordText;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Each review's relevance ranking: the {@link Prioritiser} trained on the review's decisions, retrained on one
 * background thread whenever the review changed, so a decision never waits for it. The queue reads the last finished
 * ranking ({@link #current}); a read that finds the review changed since that ranking (here or on another node: the
 * review's history is the stamp) asks for a new one and goes on with the one it has.
 *
 * <p>What the model learns from: every record with a decision, relevant when the lead resolved it as include or maybe,
 * or (unresolved) when any of its decisions is include or maybe. In a blind dual review, only records whose two
 * decisions are in (or that the lead resolved): a record one reviewer decided would otherwise move up or down the other
 * reviewer's queue and show which way the first one went.
 *
 * <p>The rankings are a cache of the database on each node (the reviews read most recently, up to
 * {@code cortexlit.relevance.cached-records} records in all): lost on a restart or eviction, rebuilt on the next read.
 */
@ApplicationScoped
public class RelevanceRanking {

    private static final Logger LOG = Logger.getLogger(RelevanceRanking.class);
    private final Prioritiser prioritiser;
    /** Records whose vectors stay in memory over all reviews ({@code cortexlit.relevance.cached-records}). */
    private final int cachedRecords;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Daemons.named("cortexlit-relevance", Thread.NORM_PRIORITY - 1));
    /** Reviews by id, the one read least recently first. */
    private final Map<Long, State> states = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true));

    public RelevanceRanking(ScreeningModel model, CortexLitConfig config) {
        this.prioritiser = model.prioritiser();
        this.cachedRecords = config.relevance().cachedRecords();
    }

    /** The model the queue ranks with, the {@link ScreeningModel}'s. */
    public Prioritiser prioritiser() {
        return prioritiser;
    }

    /**
     * What the review's history says about it: its events (decisions, undos, resolutions, records added or removed,
     * settings) counted, and the time of the last. A ranking trained at one stamp is current while the stamp holds.
     */
    record Stamp(long events, Instant last) {
    }

    /**
     * A ranking of a review's records and the order it puts them in.
     *
     * @param order     every record in the corpus, most likely relevant first (ties: the order they joined the review)
     * @param undecided the records that had no decision when the model was trained, in the same order
     * @param relevant  records the model learnt as relevant
     * @param irrelevant records it learnt as irrelevant
     */
    public record Snapshot(long reviewId, Ranking ranking, long[] order, long[] undecided, Map<Long, Integer> positions,
                           int relevant, int irrelevant, Instant trainedAt, long millis, Stamp stamp) {

        /** The record's place in {@link #order} (0 for the first), or -1 when the model has not seen it. */
        public int position(long recordId) {
            Integer p = positions.get(recordId);
            return p == null ? -1 : p;
        }

        public boolean covers(long recordId) {
            return positions.containsKey(recordId);
        }

        /** The record's score and the words that pushed it up most; empty when the model has not seen the record. */
        public Optional<Why> why(long recordId, int words) {
            if (!covers(recordId)) {
                return Optional.empty();
            }
            return Optional.of(new Why(ranking.score(recordId), position(recordId) + 1, order.length,
                    ranking.explain(recordId, words), ranking.modelName(), relevant, irrelevant));
        }
    }

    /**
     * Why a record stands where it does: its score (the model's margin: above 0 it leans relevant), its place in the
     * ranking (1 for the first) of {@code of}, and the words of the record that pushed it up.
     */
    public record Why(double score, int rank, int of, List<Contribution> words, String model, int relevant,
                      int irrelevant) {

        public String scoreText() {
            return String.format(java.util.Locale.ROOT, "%+.2f", score);
        }

        public List<String> wordList() {
            return words.stream().map(Contribution::words).toList();
        }
    }

    private static final class State {
        volatile Corpus corpus;
        volatile Set<Long> corpusIds = Set.of();
        volatile Snapshot snapshot;
        /** The stamp the last training (or the finding that there is nothing to learn from yet) was done at. */
        volatile Stamp done;
        final AtomicBoolean queued = new AtomicBoolean();
    }

    /**
     * The review's last finished ranking, inside the caller's transaction; when the review changed since, a new one is
     * trained in the background and this one still answers. Empty until a first ranking exists, and while the review
     * has nothing to learn from (no include or maybe, or no exclude).
     */
    public Optional<Snapshot> current(long reviewId) {
        Stamp now = stamp(reviewId);
        State state = states.computeIfAbsent(reviewId, id -> new State());
        if (!now.equals(state.done)) {
            schedule(reviewId, state);
        }
        Snapshot s = state.snapshot;
        return Optional.ofNullable(s);
    }

    /**
     * Waits up to {@code timeout} for a ranking trained at the review's present state (a test's or a tool's wait; the
     * queue never waits). Empty when the review has nothing to learn from, or on time-out.
     */
    public Optional<Snapshot> awaitCurrent(long reviewId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Stamp now = QuarkusTransaction.requiringNew().call(() -> stamp(reviewId));
            State state = states.computeIfAbsent(reviewId, id -> new State());
            if (now.equals(state.done)) {
                return Optional.ofNullable(state.snapshot);
            }
            schedule(reviewId, state);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public String modelName() {
        return prioritiser.name();
    }

    private void schedule(long reviewId, State state) {
        if (state.queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    state.queued.set(false);
                    try {
                        refresh(reviewId, state);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Could not rank the records of review %d; its queue stays in the last order", reviewId);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                state.queued.set(false); // shutting down
            }
        }
    }

    private static EntityManager em() {
        return Article.getEntityManager();
    }

    private static Stamp stamp(long reviewId) {
        Object[] row = em().createQuery("select count(e), max(e.at) from ReviewEvent e where e.reviewId = :r", Object[].class)
                .setParameter("r", reviewId).getSingleResult();
        return new Stamp(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** What one training needs from the database, read in one transaction. */
    private record Reading(Stamp stamp, List<Long> recordIds, List<RecordText> texts, Map<Long, Label> labels,
                           Set<Long> decided) {
    }

    private void refresh(long reviewId, State state) {
        Reading in = QuarkusTransaction.requiringNew().call(() -> read(reviewId, state.corpusIds));
        if (in == null) {
            states.remove(reviewId);
            return;
        }
        long start = System.nanoTime();
        Corpus corpus = state.corpus;
        if (in.texts() != null) {
            corpus = prioritiser.corpus(in.texts());
            state.corpus = corpus;
            state.corpusIds = Set.copyOf(in.recordIds());
        }
        Map<Long, Label> labels = new HashMap<>();
        for (Map.Entry<Long, Label> e : in.labels().entrySet()) {
            if (state.corpusIds.contains(e.getKey())) {
                labels.put(e.getKey(), e.getValue());
            }
        }
        if (corpus == null || !Prioritiser.canTrain(labels)) {
            state.snapshot = null;
            state.done = in.stamp();
            return;
        }
        Snapshot previous = state.snapshot;
        Ranking ranking = prioritiser.train(corpus, labels,
                previous != null && previous.ranking().corpus() == corpus ? previous.ranking() : null);
        state.snapshot = snapshot(reviewId, ranking, in, labels, (System.nanoTime() - start) / 1_000_000);
        state.done = in.stamp();
        evict(reviewId);
    }

    /** Drops the vectors of the reviews read least recently while the cache holds more than its records. */
    private void evict(long keep) {
        synchronized (states) {
            long held = states.values().stream().mapToLong(s -> s.corpus == null ? 0 : s.corpus.size()).sum();
            var it = states.entrySet().iterator();
            while (held > cachedRecords && it.hasNext()) {
                Map.Entry<Long, State> e = it.next();
                if (e.getKey() != keep && e.getValue().corpus != null) {
                    held -= e.getValue().corpus.size();
                    it.remove();
                }
            }
        }
    }

    private static Snapshot snapshot(long reviewId, Ranking ranking, Reading in, Map<Long, Label> labels, long millis) {
        List<Long> ids = in.recordIds();
        Map<Long, Integer> joined = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            joined.put(ids.get(i), i);
        }
        Corpus corpus = ranking.corpus();
        Long[] sorted = new Long[corpus.size()];
        for (int row = 0; row < sorted.length; row++) {
            sorted[row] = corpus.id(row);
        }
        Arrays.sort(sorted, Comparator.<Long>comparingDouble(ranking::score).reversed()
                .thenComparing(id -> joined.getOrDefault(id, Integer.MAX_VALUE)));
        long[] order = new long[sorted.length];
        Map<Long, Integer> positions = new HashMap<>(sorted.length * 2);
        List<Long> undecided = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            order[i] = sorted[i];
            positions.put(sorted[i], i);
            if (!in.decided().contains(sorted[i])) {
                undecided.add(sorted[i]);
            }
        }
        int relevant = (int) labels.values().stream().filter(l -> l == Label.RELEVANT).count();
        return new Snapshot(reviewId, ranking, order, undecided.stream().mapToLong(Long::longValue).toArray(), positions,
                relevant, labels.size() - relevant, Instant.now(), millis, in.stamp());
    }

    /** Null when the review is gone; texts only when the review's records differ from {@code known}. */
    private static Reading read(long reviewId, Set<Long> known) {
        Review r = Review.findById(reviewId);
        if (r == null) {
            return null;
        }
        Stamp stamp = stamp(reviewId);
        List<Long> ids = em().createQuery("select r.id from ReviewRecord r where r.reviewId = :r and r.removed = false "
                + "order by r.id", Long.class).setParameter("r", reviewId).getResultList();
        List<RecordText> texts = null;
        if (!known.equals(new HashSet<>(ids))) {
            // only the columns the model reads, a page at a time: no managed articles, no memory held across pages
            texts = new ArrayList<>(ids.size());
            for (int from = 0; ; from += TEXT_PAGE) {
                List<Object[]> rows = em().createQuery("select r.id, a.title, a.abstractSections, a.mesh, a.keywords "
                                + "from ReviewRecord r, Article a where a.id = r.articleId and r.reviewId = :r "
                                + "and r.removed = false order by r.id", Object[].class)
                        .setParameter("r", reviewId).setFirstResult(from).setMaxResults(TEXT_PAGE).getResultList();
                for (Object[] row : rows) {
                    texts.add(text((Long) row[0], (String) row[1], (List<?>) row[2], (List<?>) row[3], (List<?>) row[4]));
                }
                if (rows.size() < TEXT_PAGE) {
                    break;
                }
            }
        }
        boolean pendingHidden = r.isDual() && r.blind;
        Map<Long, Label> labels = new HashMap<>();
        Set<Long> decided = new HashSet<>();
        List<Object[]> decisions = em().createQuery("select d.recordId, d.decision, rr.decisionCount, rr.resolvedBy "
                        + "from ScreeningDecision d, ReviewRecord rr where rr.id = d.recordId and d.reviewId = :r "
                        + "and rr.removed = false", Object[].class)
                .setParameter("r", reviewId).getResultList();
        for (Object[] row : decisions) {
            long id = (Long) row[0];
            decided.add(id);
            if (pendingHidden && (Integer) row[2] < r.decisionsNeeded() && row[3] == null) {
                continue;
            }
            boolean relevant = ((Decision) row[1]).includeLike();
            labels.merge(id, Label.of(relevant), (a, b) -> a == Label.RELEVANT || b == Label.RELEVANT ? Label.RELEVANT : a);
        }
        for (Object[] row : em().createQuery("select rr.id, rr.finalDecision from ReviewRecord rr where rr.reviewId = :r "
                + "and rr.removed = false and rr.resolvedBy is not null", Object[].class).setParameter("r", reviewId)
                .getResultList()) {
            labels.put((Long) row[0], Label.of(((Decision) row[1]).includeLike()));
        }
        return new Reading(stamp, ids, texts, labels, decided);
    }

    /** Records read per query when the vectors are built. */
    private static final int TEXT_PAGE = 2000;

    /** The words the model reads: title, abstract (every section), MeSH headings and author keywords. */
    static RecordText text(long id, String title, List<?> sections, List<?> mesh, List<?> keywords) {
        StringBuilder abstractText = new StringBuilder();
        for (Object o : sections == null ? List.of() : sections) {
            AbstractSection s = (AbstractSection) o;
            if (s.text != null) {
                abstractText.append(abstractText.isEmpty() ? "" : " ").append(s.text);
            }
        }
        List<String> words = new ArrayList<>();
        for (Object o : mesh == null ? List.of() : mesh) {
            words.add(((MeshHeading) o).descriptor);
        }
        for (Object o : keywords == null ? List.of() : keywords) {
            if (o != null) {
                words.add((String) o);
            }
        }
        return new RecordText(id, title, abstractText.toString(), words);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
