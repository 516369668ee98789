package org.cortexlit.importing.eutils;

/**
 * An E-utilities request failed. The message is written for the person running the import: it names the
 * request (esearch, or efetch with its retstart), what NCBI said, and what to do next where that is clear.
 */
public class EutilsException extends Exception {

    /** What went wrong, so a caller can choose what to do without reading the message. */
    public enum Kind {
        /** NCBI answered with an error it will repeat (a bad query, a 4xx other than 429). */
        REJECTED,
        /** The WebEnv/query_key is gone from NCBI's history server: run esearch again and resume. */
        SESSION_EXPIRED,
        /** 429, 5xx, timeouts or I/O errors outlasted every retry. */
        RETRIES_EXHAUSTED,
        /** The page was handed to the consumer and reading it failed part-way: the page is incomplete. */
        PAGE_INCOMPLETE,
        /** The search matched more records than E-utilities will hand out for one search. */
        TOO_MANY_RECORDS,
        /** The thread was interrupted while waiting (rate limit or backoff). */
        INTERRUPTED
    }

    private final Kind kind;
    private final String request;
    private final int retstart;
    private final int httpStatus;
    private final String ncbiMessage;

    EutilsException(Kind kind, String request, int retstart, int httpStatus, String ncbiMessage, String message,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.request = request;
        this.retstart = retstart;
        this.httpStatus = httpStatus;
        this.ncbiMessage = ncbiMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** True when NCBI no longer knows the search session; re-run esearch and resume from {@link #retstart()}. */
    public boolean isSessionExpired() {
        return kind == Kind.SESSION_EXPIRED;
    }

    /** "esearch" or "efetch". */
    public String request() {
        return request;
    }

    /** The efetch page that failed, or -1 for esearch. */
    public int retstart() {
        return retstart;
    }

    /** The last HTTP status seen, or 0 if no response arrived (timeout, connection refused). */
    public int httpStatus() {
        return httpStatus;
    }

    /** NCBI's own words (its ERROR element, JSON "error", or an HTML page's title), or null. */
    public String ncbiMessage() {
        return ncbiMessage;
    }
}
