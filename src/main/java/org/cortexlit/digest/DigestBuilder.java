package org.cortexlit.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one person's digest says, built from plain facts: for each review with something new in their queue, how
 * many records are new, how many still wait for them, the first {@value #MAX_TITLES} titles with their links and a
 * link to the screening page. Pure: no database, no mailer, no clock.
 */
public final class DigestBuilder {

    /** Titles listed per review; the rest is a count and the link to the screening page. */
    public static final int MAX_TITLES = 20;

    private DigestBuilder() {
    }

    /** A record added to the review's queue since the member's last digest and still waiting for them. */
    public record NewRecord(String key, String title, Integer year, String journal) {
    }

    /** What is new for one member in one review: {@code newCount} in all, the first few of them, the whole queue. */
    public record ReviewNews(long reviewId, String reviewName, int newCount, List<NewRecord> first, long waiting) {
    }

    public record Item(String title, String citation, String url) {
    }

    public record Section(long reviewId, String reviewName, int newRecords, long waiting, List<Item> items, int more,
                          String screenUrl) {
    }

    public record Digest(String username, String email, String subject, List<Section> sections) {

        public int newRecords() {
            return sections.stream().mapToInt(Section::newRecords).sum();
        }
    }

    /**
     * The digest for {@code username}, or empty when nothing is new for them in any review (no e-mail then).
     * Reviews with nothing new are left out, however long their queue.
     */
    public static Optional<Digest> build(String baseUrl, String username, String email, List<ReviewNews> news) {
        String base = trimSlashes(baseUrl);
        List<Section> sections = new ArrayList<>();
        for (ReviewNews n : news) {
            if (n.newCount() <= 0) {
                continue;
            }
            List<Item> items = n.first().stream().limit(MAX_TITLES)
                    .map(r -> new Item(title(r.title()), citation(r), base + "/articles/" + r.key())).toList();
            sections.add(new Section(n.reviewId(), n.reviewName(), n.newCount(), n.waiting(), items,
                    Math.max(0, n.newCount() - items.size()), base + "/reviews/" + n.reviewId() + "/screen"));
        }
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Digest(username, email, subject(sections), List.copyOf(sections)));
    }

    static String subject(List<Section> sections) {
        int total = sections.stream().mapToInt(Section::newRecords).sum();
        String records = total + (total == 1 ? " new record" : " new records");
        return sections.size() == 1 ? "CortexLit: " + records + " to screen in " + sections.get(0).reviewName()
                : "CortexLit: " + records + " to screen in " + sections.size() + " reviews";
    }

    private static String title(String title) {
        return title == null || title.isBlank() ? "(no title)" : title.strip();
    }

    /** "Pain, 2019": what a reader needs to place a title at a glance. */
    private static String citation(NewRecord r) {
        String journal = r.journal() == null ? "" : r.journal().strip();
        String year = r.year() == null ? "" : r.year().toString();
        return journal.isEmpty() ? year : year.isEmpty() ? journal : journal + ", " + year;
    }

    private static String trimSlashes(String baseUrl) {
        String b = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }
}
