package org.cortexlit.simulate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.concurrent.Daemons;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.database.Database;
import org.cortexlit.prioritise.LabelledCsv;
import org.cortexlit.prioritise.LabelledCsvException;
import org.cortexlit.prioritise.LabelledSet;
import org.cortexlit.prioritise.Simulation;
import org.cortexlit.prioritise.SimulationResult;
import org.cortexlit.screening.ScreeningModel;
import org.jboss.logging.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs simulations of prioritised screening over uploaded labelled files: a file is read and checked before anything
 * is stored, then its simulation is queued on one background thread (the machine's cores are the screening's and the
 * imports' too), one at a time, with the {@link ScreeningModel} the screening queue uses. A simulation reads nothing of
 * the corpus or the reviews and writes only its own row.
 */
@ApplicationScoped
public class Simulations {

    private static final Logger LOG = Logger.getLogger(Simulations.class);

    /** A RUNNING row older than this at start-up belongs to no live worker, whichever node started it. */
    static final int STALE_MINUTES = 15;
    static final Duration STALE = Duration.ofMinutes(STALE_MINUTES);
    static final String INTERRUPTED = "interrupted: the server restarted before the simulation ended. Upload the file "
            + "again to run it.";

    private final ScreeningModel model;
    private final CortexLitConfig config;
    private final Database database;
    private final ExecutorService worker = Daemons.singleThread("cortexlit-simulation");

    public Simulations(ScreeningModel model, CortexLitConfig config, Database database) {
        this.model = model;
        this.config = config;
        this.database = database;
    }

    /** The model simulations run, the same {@link ScreeningModel} bean the queue takes its prioritiser from. */
    public ScreeningModel model() {
        return model;
    }

    /** A queued or running simulation: its row as stored at submission (RUNNING), and its end. */
    public record Handle(long id, SimulationRun submitted, Future<?> done) {

        /** Waits up to {@code wait} (zero: not at all); true when the simulation ended in that time. */
        public boolean await(Duration wait) {
            return Daemons.awaitEnd(done, wait);
        }
    }

    /** The seed when a request names none. */
    public static final long DEFAULT_SEED = 1;

    /**
     * A seed as a request gives it: a whole number within a Java {@code long}; {@link #DEFAULT_SEED} when absent or
     * blank.
     *
     * @throws SimulationRefused (400) for anything else
     */
    public static long seed(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new SimulationRefused(400, "seed must be a whole number between " + Long.MIN_VALUE + " and "
                    + Long.MAX_VALUE + " (default " + DEFAULT_SEED + "), not '" + printable(text, 40) + "'.");
        }
    }

    /**
     * Reads the labelled CSV {@code in} (UTF-8) and queues its simulation.
     *
     * @param fileName names the file in error messages and the data set (without its extension) in results
     * @param seed     chooses the priors (one relevant and one irrelevant record screened first)
     * @param user     who asked, kept with the row
     * @throws SimulationRefused when the file cannot be read (400, naming the line), lacks a relevant or an irrelevant
     *                           record (400), or is too large (413); nothing is stored then
     */
    public Handle submit(String fileName, InputStream in, long seed, String user) {
        String name = printable(fileName == null || fileName.isBlank() ? "upload.csv" : fileName, 300);
        LabelledSet set = read(name, in);
        int relevant = set.relevant();
        if (relevant == 0 || relevant == set.size()) {
            throw new SimulationRefused(400, name + " has " + relevant + " relevant and " + (set.size() - relevant)
                    + " irrelevant records; a simulation needs at least one of each (label 1 and label 0).");
        }
        int maxRecords = config.simulations().maxRecords();
        if (set.size() > maxRecords) {
            throw new SimulationRefused(413, name + " holds " + set.size() + " records; the limit is " + maxRecords
                    + " (setting cortexlit.simulations.max-records).");
        }
        SimulationRun submitted = QuarkusTransaction.requiringNew().call(() -> {
            SimulationRun run = new SimulationRun();
            run.status = SimulationRun.Status.RUNNING;
            run.fileName = name;
            run.dataset = set.name();
            run.records = set.size();
            run.relevant = relevant;
            run.seed = seed;
            run.model = model.name();
            run.node = database.nodeName();
            run.createdBy = user;
            run.createdAt = now();
            run.persist();
            return run;
        });
        long id = submitted.id;
        Future<?> done = worker.submit(() -> execute(id, set, seed));
        return new Handle(id, submitted, done);
    }

    private LabelledSet read(String name, InputStream in) {
        return read(name, in, Math.min(config.simulations().maxUploadSize().asLongValue(),
                config.importing().maxUploadSize().asLongValue()));
    }

    /** Reads a labelled CSV of at most {@code maxBytes}, refusing it as {@link #submit} says. */
    static LabelledSet read(String name, InputStream in, long maxBytes) {
        String dataset = name.replaceFirst("\\.[^.]*$", "");
        try (Reader reader = new InputStreamReader(new Bounded(in, maxBytes), StandardCharsets.UTF_8)) {
            return LabelledCsv.read(reader, name, dataset.isBlank() ? name : dataset);
        } catch (LabelledCsvException e) {
            throw new SimulationRefused(400, e.getMessage());
        } catch (TooLarge e) {
            throw new SimulationRefused(413, name + " is larger than the limit of " + maxBytes + " bytes (setting "
                    + "cortexlit.simulations.max-upload-size).");
        } catch (IOException e) {
            throw new SimulationRefused(400, "Cannot read " + name + ": " + e.getMessage());
        }
    }

    /** On the worker: replays the set, then stores the figures (SUCCEEDED) or why it could not (FAILED). */
    private void execute(long id, LabelledSet set, long seed) {
        try {
            QuarkusTransaction.requiringNew().run(() -> SimulationRun.<SimulationRun>findById(id).startedAt = now());
            SimulationResult r = new Simulation(model.prioritiser()).run(set, seed);
            String curve = RecallCurve.compact(r.curve());
            QuarkusTransaction.requiringNew().run(() -> {
                SimulationRun run = SimulationRun.findById(id);
                run.status = SimulationRun.Status.SUCCEEDED;
                run.model = r.model();
                run.screenedAt95 = r.screenedAt95();
                run.wss95 = r.wss95();
                run.wss100 = r.wss100();
                run.rrf10 = r.rrf10();
                run.curve = curve;
                run.millis = r.millis();
                run.error = null;
                run.finishedAt = now();
            });
            LOG.infof("Simulation %d of %s (%d records, %d relevant, seed %d, %s): WSS@95 %.3f in %d ms", id, set.name(),
                    r.records(), r.relevant(), seed, r.model(), r.wss95(), r.millis());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Simulation %d failed", id);
            fail(id, e instanceof OutOfMemoryError ? "The server ran out of memory running this simulation; try a "
                    + "smaller file." : "The simulation stopped by an internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + printable(e.getMessage(), 500)) + "); the server log has the "
                    + "details for simulation " + id + ".");
        }
    }

    private void fail(long id, String message) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SimulationRun run = SimulationRun.findById(id);
                if (run != null && run.status == SimulationRun.Status.RUNNING) {
                    run.status = SimulationRun.Status.FAILED;
                    run.error = printable(message, 4000);
                    run.finishedAt = now();
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the failure of simulation %d", id);
        }
    }

    /** One simulation, or null. */
    public SimulationRun find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> SimulationRun.<SimulationRun>findById(id));
    }

    /** The newest simulations first. */
    public List<SimulationRun> recent(int max) {
        return QuarkusTransaction.requiringNew().call(() -> SimulationRun.recent(max));
    }

    /**
     * Simulations left RUNNING by a stop or a crash are marked FAILED, so no page waits for them forever: this node's
     * (its worker has gone with the old process) and any node's older than {@value #STALE_MINUTES} minutes.
     */
    void onStart(@Observes StartupEvent event, StartupWork work) {
        work.then("marking interrupted simulations", this::markInterrupted);
    }

    void markInterrupted() {
        Instant before = now().minus(STALE);
        int n = QuarkusTransaction.requiringNew().call(() -> {
            List<SimulationRun> stale = SimulationRun.list("status = ?1 and (node = ?2 or node is null or createdAt < ?3)",
                    SimulationRun.Status.RUNNING, database.nodeName(), before);
            for (SimulationRun run : stale) {
                run.status = SimulationRun.Status.FAILED;
                run.error = INTERRUPTED;
                run.finishedAt = now();
            }
            return stale.size();
        });
        if (n > 0) {
            LOG.warnf("Marked %d interrupted simulation(s) as FAILED", n);
        }
    }

    /** Queued simulations are dropped (their rows are marked at the next start); the running one is a daemon. */
    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Control characters (a newline would split a log line) as '?', at most {@code max} characters. */
    static String printable(String text, int max) {
        String s = text.replaceAll("\\p{Cntrl}", "?");
        return s.length() > max ? s.substring(0, max - 3) + "..." : s;
    }

    private static final class TooLarge extends IOException {
    }

    /** Reads at most {@code max} bytes of an upload, then refuses: a file's size is checked as it streams. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > max) {
                throw new TooLarge();
            }
        }
    }
}
