package org.cortexlit.importing;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.cortexlit.importing.eutils.EutilsClient;
import org.cortexlit.importing.eutils.EutilsException;
import org.cortexlit.importing.eutils.EutilsSettings;
import org.cortexlit.importing.eutils.FetchPlan;
import org.cortexlit.importing.eutils.SearchResult;
import org.jboss.logging.Logger;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved PubMed searches: created through the API, run by the scheduler when due or by hand, always on the
 * import thread, never two runs of one search at once. A run searches the date window since the last run
 * that completed (the first run: everything), fetches it page by page into one ImportRun, and remembers
 * the last completed page, so an interrupted run is resumed by the next one without duplicates.
 */
@ApplicationScoped
public class SavedSearches {

    private static final Logger LOG = Logger.getLogger(SavedSearches.class);
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final ImportService imports;
    private final ImportRunner runner;
    private final CortexLitConfig config;
    /** search id -> id of its queued or running import run. */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();
    private volatile EutilsClient client;

    public SavedSearches(ImportService imports, ImportRunner runner, CortexLitConfig config) {
        this.imports = imports;
        this.runner = runner;
        this.config = config;
    }

    /** A request a person must correct: the message says what and how. */
    public static class InvalidSearch extends RuntimeException {
        public InvalidSearch(String message) {
            super(message);
        }
    }

    /** The search already has a queued or running import run. */
    public static class AlreadyRunning extends RuntimeException {
        public final long runId;

        AlreadyRunning(long searchId, long runId) {
            super("Saved search " + searchId + " is already running as import run " + runId + ".");
            this.runId = runId;
        }
    }

    /** The shortest gap between two of the next 50 times {@code cron} fires, from {@code first} on. */
    static Duration shortestInterval(String cron, Instant first) {
        Duration shortest = Duration.ofDays(366);
        Instant at = first;
        for (int i = 0; i < 50; i++) {
            Instant next = nextRun(cron, at);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(at, next);
            if (gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
            at = next;
        }
        return shortest;
    }

    @Transactional
    public List<SavedSearch> all() {
        return SavedSearch.all();
    }

    @Transactional
    public Optional<SavedSearch> find(long id) {
        return Optional.ofNullable(SavedSearch.findById(id));
    }

    /** Deletes the search (its past runs and their records stay); false when there is none. */
    @Transactional
    public boolean delete(long id) {
        return SavedSearch.deleteById(id);
    }

    /** When {@code schedule} (a Quartz cron expression) fires next after {@code after}. */
    public static Instant nextRun(String schedule, Instant after) {
        ExecutionTime times = ExecutionTime.forCron(CRON.parse(schedule));
        return times.nextExecution(ZonedDateTime.ofInstant(after, ZoneId.systemDefault()))
                .map(ZonedDateTime::toInstant).orElse(null);
    }

    /** A search's fields as checked for saving: name and query trimmed, the schedule's cron and when it fires next. */
    private record Checked(String name, String query, String cron, Long reviewId, Instant next) {
    }

    /** The rules of a saved search, the same for a new one and an edited one. */
    private Checked check(String name, String query, String schedule, Long reviewId) {
        if (name == null || name.isBlank()) {
            throw new InvalidSearch("name is required: a few words that say what the search is for.");
        }
        if (name.strip().length() > 300) {
            throw new InvalidSearch("name is " + name.strip().length() + " characters; the limit is 300.");
        }
        if (query == null || query.isBlank()) {
            throw new InvalidSearch("query is required: the search as you would type it on pubmed.gov.");
        }
        if (query.length() > 4000) {
            throw new InvalidSearch("query is " + query.length() + " characters; the limit is 4000.");
        }
        if (reviewId != null && QuarkusTransaction.requiringNew().call(() -> ((Number) SavedSearch.getEntityManager()
                .createNativeQuery("select count(*) from review where id = ?1").setParameter(1, reviewId)
                .getSingleResult()).longValue()) == 0) {
            throw new InvalidSearch("reviewId " + reviewId + " is not a review; leave it out or use the id of an existing "
                    + "review (GET /api/reviews).");
        }
        String cron = schedule == null || schedule.isBlank() ? SavedSearch.WEEKLY : schedule.trim();
        if (cron.length() > 200) {
            throw new InvalidSearch("schedule is " + cron.length() + " characters; a cron expression has at most 200.");
        }
        Instant next;
        try {
            next = nextRun(cron, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new InvalidSearch("schedule '" + cron + "' is not a Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week, e.g. '" + SavedSearch.WEEKLY + "' for Mondays at 06:00): "
                    + e.getMessage());
        }
        if (next == null) {
            throw new InvalidSearch("schedule '" + cron + "' never fires again; give one that does, e.g. '"
                    + SavedSearch.WEEKLY + "' for Mondays at 06:00.");
        }
        Duration shortest = shortestInterval(cron, next);
        Duration minInterval = config.searchesMinInterval();
        if (shortest.compareTo(minInterval) < 0) {
            throw new InvalidSearch("schedule '" + cron + "' runs the search every " + shortest.toSeconds() + " s at "
                    + "times; searches run at most every " + minInterval.toMinutes() + " min (cortexlit.searches.min-interval), "
                    + "to spare NCBI and the import thread.");
        }
        return new Checked(name.trim(), query.trim(), cron, reviewId, next);
    }

    public SavedSearch create(String name, String query, String schedule, Long reviewId) {
        Checked c = check(name, query, schedule, reviewId);
        return QuarkusTransaction.requiringNew().call(() -> {
            SavedSearch s = new SavedSearch();
            s.name = c.name();
            s.query = c.query();
            s.schedule = c.cron();
            s.reviewId = c.reviewId();
            s.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            s.nextRunAt = c.next();
            s.persist();
            return s;
        });
    }

    /**
     * Replaces the search's name, query, schedule and review under the rules of {@link #create}; its next run
     * follows the new schedule. A changed query is a new search of PubMed: its first run takes everything, as a
     * new saved search's does, and an unfinished window of the old query is dropped. Empty when there is no such
     * search; refused while it runs, since the run has read the old query and would record its window as the new one's.
     */
    public Optional<SavedSearch> update(long id, String name, String query, String schedule, Long reviewId) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        Checked c = check(name, query, schedule, reviewId);
        synchronized (running) { // no run of this search starts while it changes
            Long current = running.get(id);
            if (current != null) {
                throw new AlreadyRunning(id, current);
            }
            return QuarkusTransaction.requiringNew().call(() -> {
                SavedSearch s = SavedSearch.findById(id);
                if (s == null) {
                    return Optional.empty();
                }
                if (!s.query.equals(c.query())) {
                    s.lastSuccessTo = null;
                    s.pendingFrom = null;
                    s.pendingTo = null;
                    s.pendingRetstart = null;
                }
                s.name = c.name();
                s.query = c.query();
                s.schedule = c.cron();
                s.reviewId = c.reviewId();
                s.nextRunAt = c.next();
                return Optional.of(s);
            });
        }
    }

    /** Queues a run of search {@code id}; the run is in the import history at once. */
    public ImportRunner.Handle run(long id, ImportRun.Trigger trigger) {
        SavedSearch s = QuarkusTransaction.requiringNew().call(() -> SavedSearch.<SavedSearch>findById(id));
        if (s == null) {
            throw new InvalidSearch("No saved search with id " + id + ".");
        }
        synchronized (running) {
            Long current = running.get(id);
            if (current != null) {
                throw new AlreadyRunning(id, current);
            }
            long runId = imports.start("PubMed search: " + s.name, trigger, "PubMed search " + id + ": " + s.query,
                    "PUBMED_XML", id);
            running.put(id, runId);
            return runner.submitTask(runId, () -> execute(id, runId), () -> running.remove(id));
        }
    }

    public Optional<Long> runningRun(long id) {
        return Optional.ofNullable(running.get(id));
    }

    /** Runs every search whose time has come, once each, and moves its next run on. */
    @Scheduled(every = "${cortexlit.searches.check-every}", identity = "saved-searches",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = StartupWork.NotYet.class)
    void runDue() {
        Instant now = Instant.now();
        for (SavedSearch s : QuarkusTransaction.requiringNew().call(() -> SavedSearch.due(now))) {
            // moving the next run on is the claim: of several nodes that found the search due, one moves it
            Instant next = nextRun(s.schedule, now);
            int claimed = QuarkusTransaction.requiringNew().call(() -> SavedSearch.update(
                    "nextRunAt = ?1 where id = ?2 and nextRunAt = ?3", next, s.id, s.nextRunAt));
            if (claimed == 0) {
                LOG.debugf("Saved search %d: another node took this turn", s.id);
                continue;
            }
            try {
                run(s.id, ImportRun.Trigger.SCHEDULE);
                LOG.infof("Saved search %d (%s) started on schedule", s.id, s.name);
            } catch (AlreadyRunning e) {
                LOG.infof("Saved search %d is still running (run %d); this turn is skipped", s.id, e.runId);
            }
        }
    }

    private record Window(String query, LocalDate from, LocalDate to, Integer resumeAfter) {
    }

    private void execute(long id, long runId) {
        String failure = null;
        boolean fetching = false;
        try {
            EutilsClient eutils = client();
            Window w = QuarkusTransaction.requiringNew().call(() -> {
                SavedSearch s = SavedSearch.findById(id);
                if (s.pendingTo == null) { // a new window; otherwise resume the unfinished one
                    s.pendingFrom = s.lastSuccessTo;
                    s.pendingTo = LocalDate.now();
                    s.pendingRetstart = null;
                }
                s.lastRunId = runId;
                s.lastRunAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                return new Window(s.query, s.pendingFrom, s.pendingTo, s.pendingRetstart);
            });
            SearchResult result = eutils.search(w.query(), w.from(), w.to());
            for (String e : result.errors()) {
                imports.runError(runId, "PubMed reported: " + e);
            }
            for (String warning : result.warnings()) {
                imports.runError(runId, "PubMed warned: " + warning);
            }
            imports.expect(runId, result.count());
            if (result.count() > 0 && result.webEnv() != null) {
                fetching = true;
                int pageSize = eutils.settings().pageSize();
                FetchPlan plan = w.resumeAfter() == null ? FetchPlan.of(result, pageSize)
                        : FetchPlan.resumeAfter(result, pageSize, w.resumeAfter());
                for (int retstart : plan) {
                    String[] pageFailure = {null};
                    eutils.fetchPage(result, retstart, page -> {
                        try (RecordReader reader = RecordReaders.open(page)) {
                            pageFailure[0] = imports.importRecords(runId, reader, retstart);
                        }
                    });
                    if (pageFailure[0] != null) {
                        failure = "efetch page at retstart " + retstart + ": " + pageFailure[0];
                        break;
                    }
                    if (imports.cancelRequested(runId)) {
                        failure = "Cancelled by a user after the page at retstart " + retstart + ".";
                        QuarkusTransaction.requiringNew().run(() -> SavedSearch.<SavedSearch>findById(id).pendingRetstart = retstart);
                        break;
                    }
                    QuarkusTransaction.requiringNew().run(() -> SavedSearch.<SavedSearch>findById(id).pendingRetstart = retstart);
                }
            }
            if (failure == null) {
                QuarkusTransaction.requiringNew().run(() -> {
                    SavedSearch s = SavedSearch.findById(id);
                    s.lastSuccessTo = w.to();
                    s.pendingFrom = null;
                    s.pendingTo = null;
                    s.pendingRetstart = null;
                });
            } else {
                failure = sentence(failure) + " The next run resumes after the last completed page.";
            }
        } catch (EutilsException e) {
            failure = sentence(e.getMessage()) + (fetching ? " The next run resumes after the last completed page."
                    : " Nothing was imported; correct the query or the settings and run it again.");
        } catch (InvalidSearch e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Saved search %d, run %d failed", id, runId);
            failure = "The saved search stopped on an internal error (" + e.getMessage() + "); the server log has the "
                    + "details. The next run resumes after the last completed page.";
        }
        imports.complete(runId, failure);
    }

    private static String sentence(String s) {
        String t = s == null ? "" : s.trim();
        return t.endsWith(".") ? t : t + ".";
    }

    /** One client for the whole app: NCBI's rate limit counts every request from this address or key. */
    private EutilsClient client() {
        EutilsClient c = client;
        if (c != null) {
            return c;
        }
        CortexLitConfig.Eutils e = config.eutils();
        String email = e.email().filter(s -> !s.isBlank()).orElseThrow(() -> new InvalidSearch(
                "NCBI asks every E-utilities client for a contact address: set cortexlit.eutils.email "
                        + "(environment variable CORTEXLIT_EUTILS_EMAIL) and run the search again."));
        EutilsSettings settings;
        try {
            settings = new EutilsSettings(e.baseUrl(), e.tool(), email, e.apiKey().orElse(null), e.pageSize(),
                    e.timeout(), e.maxRetries(), e.initialBackoff());
        } catch (IllegalArgumentException bad) {
            throw new InvalidSearch("The E-utilities settings are not usable: " + bad.getMessage());
        }
        synchronized (this) {
            if (client == null) {
                client = new EutilsClient(settings, HttpClient.newBuilder().connectTimeout(e.timeout())
                        .followRedirects(HttpClient.Redirect.NORMAL).build());
            }
            return client;
        }
    }
}
