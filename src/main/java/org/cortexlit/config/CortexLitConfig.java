package org.cortexlit.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Every CortexLit setting, one typed place. Each one can be overridden by an environment variable
 * (for example {@code cortexlit.data-dir} by {@code CORTEXLIT_DATA_DIR}). */
@ConfigMapping(prefix = "cortexlit")
public interface CortexLitConfig {

    /** Folder holding the H2 database file and the Lucene index. */
    @WithDefault("./data")
    Path dataDir();

    @WithName("import")
    Import importing();

    Index index();

    Start start();

    Eutils eutils();

    interface Start {
        /** Run the start's own work (the first admin, opening the index, recovering interrupted runs) on a thread
         * of its own, so the sign-in page answers while it runs; other requests wait for it. False: the start waits
         * for it before the HTTP server answers at all. */
        @WithDefault("true")
        boolean background();

        /** How long a request waits for that work before it is answered 503 (Retry-After). */
        @WithDefault("60s")
        Duration requestWait();
    }

    interface Eutils {
        /** E-utilities root (tests point it at a local replay server). */
        @WithDefault("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/")
        URI baseUrl();

        /** NCBI API key: raises the rate limit from 3 to 10 requests per second. */
        Optional<String> apiKey();

        /** Contact address NCBI asks for; saved searches refuse to run without one. */
        Optional<String> email();

        @WithDefault("cortexlit")
        String tool();

        /** Records per efetch page, at most 500. */
        @WithDefault("500")
        int pageSize();

        @WithDefault("60s")
        Duration timeout();

        @WithDefault("4")
        int maxRetries();

        @WithDefault("2s")
        Duration initialBackoff();
    }

    Inbox inbox();

    Admin admin();

    Sessions sessions();

    Node node();

    Relevance relevance();

    /** The screening queue's relevance model (docs/prioritised-screening.md). */
    interface Relevance {
        /**
         * Records whose vectors each node keeps in memory, over all reviews (about 7 MB per 1,000 records): the review
         * read least recently gives way first, and is vectorised again on its next read.
         */
        @WithDefault("30000")
        int cachedRecords();
    }

    /** This node among several sharing one database (docs/operations.md). */
    interface Node {
        /** Its name: different on every node, the same across its restarts. Default: the host name. */
        Optional<String> name();

        /** How often the index looks for changes other nodes made (PostgreSQL only; H2 has one node). */
        @WithDefault("2s")
        Duration followEvery();
    }

    /** Signed-in sessions of the pages (the API takes HTTP Basic and has none). */
    interface Sessions {
        /** A session nobody used for this long ends. */
        @WithDefault("2h")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("12h")
        Duration lifetime();
    }

    Login login();

    /** Throttling of failed sign-ins (the login form and HTTP Basic alike). */
    interface Login {
        /** Failures of one account name allowed before each further attempt must wait (1 s, doubling). */
        @WithDefault("5")
        int freeAttempts();

        /** Failures from one client address allowed before its attempts must wait. */
        @WithDefault("20")
        int freeAttemptsPerAddress();

        /** The longest wait between two attempts. */
        @WithDefault("15m")
        Duration maxDelay();
    }

    Digest digest();

    /** The weekly e-mail telling each review member what is new in their queues (sent through quarkus.mailer.*). */
    interface Digest {
        /** Off by default: the schedule sends nothing until someone has set up the mailer and turned it on. */
        @WithDefault("false")
        boolean enabled();

        /** When the scheduled digest goes out (Quartz cron, server time zone); default Mondays 07:00. */
        @WithDefault("0 0 7 ? * MON")
        String cron();

        /** Where readers reach CortexLit; the links in the e-mail start with it. */
        @WithDefault("http://localhost:8080")
        String baseUrl();
    }

    /** The first admin, created on the first start (env CORTEXLIT_ADMIN_USERNAME / CORTEXLIT_ADMIN_PASSWORD). */
    interface Admin {
        @WithDefault("admin")
        String username();

        Optional<String> password();
    }

    interface Inbox {
        /** Folder watched for files to import; default {@code <data-dir>/inbox}. */
        Optional<Path> dir();

        /** How often the folder is scanned. */
        @WithDefault("1m")
        String every();

        /** A file is imported once its size and time have not changed for this long (and across two scans). */
        @WithDefault("5s")
        Duration settle();
    }

    /** Saved searches: how often the scheduler looks for searches that are due. */
    @WithDefault("1m")
    @WithName("searches.check-every")
    String searchesCheckEvery();

    /** The shortest interval a saved search's schedule may have (a schedule that fires more often is refused). */
    @WithDefault("1h")
    @WithName("searches.min-interval")
    Duration searchesMinInterval();

    Simulations simulations();

    /** Simulations of prioritised screening over uploaded labelled CSV files (docs/prioritised-screening.md). */
    interface Simulations {
        /** POST /api/simulations answers 201 with the result when the simulation ends within this time, else 202
         * (property {@code cortexlit.simulations.wait}; {@code wait()} itself is taken by {@link Object}). */
        @WithDefault("10s")
        @WithName("wait")
        Duration syncWait();

        /** The most records a labelled file may hold (more: 413); a simulation takes roughly the square of it in time. */
        @WithDefault("20000")
        int maxRecords();

        /** Largest labelled file accepted (larger: 413); uploads are also held to cortexlit.import.max-upload-size. */
        @WithDefault("20M")
        MemorySize maxUploadSize();
    }

    interface Import {
        /** Records written per database transaction. */
        @WithDefault("250")
        int batchSize();

        /** How long POST /api/imports waits for a run before answering 202 with its Location. */
        @WithDefault("20s")
        Duration syncWait();

        /** Largest accepted upload; larger ones get 413. */
        @WithDefault("1G")
        MemorySize maxUploadSize();

        /** Most per-record errors kept on one run (the count is always exact). */
        @WithDefault("1000")
        int maxErrorsKept();
    }

    interface Index {
        /** Rebuild the index at start-up when it is missing, stale or of another schema version. */
        @WithDefault("true")
        boolean checkOnStart();

        /** Run that check (and a rebuild it starts) in the background, so the app answers at once; searches use
         * the index as last committed until the rebuild commits. False: start-up waits for it. */
        @WithDefault("true")
        boolean checkInBackground();

        /** Searches whose exact total and facet counts are kept, per index version (paging, sorting and a repeated
         * query skip the counting pass); 0 turns the cache off. */
        @WithDefault("256")
        int countCacheSize();

        /** POST /api/admin/index/rebuild (and the imports page's button) answer with the rebuilt index when the
         * rebuild ends within this time; otherwise it goes on in the background and they answer at once (202). */
        @WithDefault("20s")
        Duration rebuildWait();

        /** Searches that run at once; more wait their turn (at most {@link #searchWait()}), so screening and imports
         * keep their share of the cores under many searchers. 0: one per core. */
        @WithDefault("0")
        int searchConcurrency();

        /** How long a search waits for its turn before it is answered 503 (busy, try again). */
        @WithDefault("30s")
        Duration searchWait();
    }
}
