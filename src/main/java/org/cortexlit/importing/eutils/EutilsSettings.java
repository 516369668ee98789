package org.cortexlit.importing.eutils;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach NCBI E-utilities. {@code tool} and {@code email} are sent with every request, as NCBI asks
 * (they contact the address before blocking a misbehaving tool); {@code apiKey} is optional and raises the
 * rate limit from 3 to 10 requests per second.
 *
 * @param baseUrl        E-utilities root; tests point it at a local replay server. A missing trailing slash is added.
 * @param tool           our tool name, no spaces
 * @param email          a contact address for NCBI
 * @param apiKey         NCBI API key, or null (blank counts as none)
 * @param pageSize       records per efetch page, 1..500
 * @param timeout        per request, until the response headers arrive
 * @param maxRetries     retries after the first attempt on 429, 5xx, timeouts and I/O errors
 * @param initialBackoff first retry delay; it doubles on each further retry
 */
public record EutilsSettings(URI baseUrl, String tool, String email, String apiKey, int pageSize, Duration timeout,
        int maxRetries, Duration initialBackoff) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/");
    public static final int MAX_PAGE_SIZE = 500;

    public EutilsSettings {
        baseUrl = withTrailingSlash(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
        if (tool == null || tool.isBlank() || tool.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("E-utilities tool name must be non-empty without spaces, was '" + tool + "'");
        }
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("E-utilities needs a contact email address, was '" + email + "'");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("E-utilities page size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("E-utilities timeout must be positive, was " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("E-utilities maxRetries must be >= 0, was " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("E-utilities initialBackoff must not be negative, was " + initialBackoff);
        }
    }

    /** The production defaults: NCBI's URL, no key, pages of 500, 60 s timeout, 4 retries from 2 s. */
    public static EutilsSettings of(String tool, String email) {
        return new EutilsSettings(DEFAULT_BASE_URL, tool, email, null, MAX_PAGE_SIZE, Duration.ofSeconds(60), 4,
                Duration.ofSeconds(2));
    }

    /** NCBI allows 3 requests per second without a key and 10 with one. */
    public double requestsPerSecond() {
        return apiKey == null ? 3 : 10;
    }

    /** Without the API key: a record's default toString would put the secret in every log line that prints it. */
    @Override
    public String toString() {
        return "EutilsSettings[baseUrl=" + baseUrl + ", tool=" + tool + ", email=" + email + ", apiKey="
                + (apiKey == null ? "none" : "(set)") + ", pageSize=" + pageSize + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + "]";
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
