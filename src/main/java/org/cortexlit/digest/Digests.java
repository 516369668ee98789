package org.cortexlit.digest;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.accounts.User;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.library.Article;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewMember;
import org.cortexlit.screening.Status;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly digest: one e-mail per review member listing the records added to their queues since their last
 * digest. Who has been told what is kept per member and review in {@link DigestMark}, advanced only once their
 * mail has gone, so a restart never resends, and a failed send or a missing address loses nothing.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);

    /** Records still waiting for {@code :me}: the same rule as {@link org.cortexlit.screening.ScreeningQueue#remaining}. */
    private static final String WAITING = "from ReviewRecord r where r.reviewId = :rev and r.removed = false "
            + "and r.decisionCount < :n and r.status <> :c and not exists (select 1 from ScreeningDecision d "
            + "where d.recordId = r.id and d.reviewer = :me)";
    private static final String NEW = " and r.addedAt > :since and r.addedAt <= :upTo";

    @CheckedTemplate
    static class Templates {
        /** {@code templates/Digests/digest.txt} and {@code .html}: the mail's text and HTML parts. */
        static native MailTemplate.MailTemplateInstance digest(DigestBuilder.Digest digest);
    }

    /** One member's news in one review, as the run reports it. */
    public record Entry(String user, long review, String reviewName, int newRecords, long waiting) {
    }

    /** A member the run did not mail, and why (no address, no account, the mail server refused). */
    public record Skip(String user, long review, String reviewName, int newRecords, String reason) {
    }

    /** What a run did: mails sent (one entry per review in them), members skipped, sends that failed. */
    public record Report(Instant upTo, List<Entry> sent, List<Skip> skipped, List<Skip> failed) {
    }

    private final org.cortexlit.screening.ScreeningQueue queue;
    private final CortexLitConfig config;
    private final org.cortexlit.database.JobClaims claims;

    public Digests(org.cortexlit.screening.ScreeningQueue queue, CortexLitConfig config, org.cortexlit.database.JobClaims claims) {
        this.queue = queue;
        this.config = config;
        this.claims = claims;
    }

    /** Once per due time across the nodes sharing the database: the node that claims the time sends. */
    @Scheduled(cron = "${cortexlit.digest.cron}", identity = "weekly-digest",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(io.quarkus.scheduler.ScheduledExecution execution) {
        if (!config.digest().enabled()) {
            LOG.debug("Weekly digest: off (cortexlit.digest.enabled=false)");
            return;
        }
        if (!claims.claim("weekly-digest", execution.getScheduledFireTime())) {
            LOG.infof("Weekly digest of %s: sent by another node", execution.getScheduledFireTime());
            return;
        }
        run();
    }

    /**
     * Mails every member who has something new. Synchronized so a manual run and the schedule never both
     * mail the same records.
     */
    public synchronized Report run() {
        Instant upTo = Instant.now();
        Map<String, List<Long>> reviewsByUser = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().call(() -> ReviewMember.<ReviewMember>list("order by username, reviewId"))
                .forEach(m -> reviewsByUser.computeIfAbsent(m.username, u -> new ArrayList<>()).add(m.reviewId));

        List<Entry> sent = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        List<Skip> failed = new ArrayList<>();
        int mails = 0;
        for (Map.Entry<String, List<Long>> member : reviewsByUser.entrySet()) {
            String username = member.getKey();
            List<DigestBuilder.ReviewNews> news = QuarkusTransaction.requiringNew().call(() ->
                    member.getValue().stream().map(id -> news(id, username, upTo)).flatMap(Optional::stream).toList());
            Optional<User> user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username));
            String email = user.map(u -> u.email).orElse(null);
            if (email == null) {
                String reason = user.isEmpty() ? "no such account" : "no e-mail address";
                news.forEach(n -> skipped.add(skip(username, n, reason)));
                continue;
            }
            Optional<DigestBuilder.Digest> digest = DigestBuilder.build(config.digest().baseUrl(), username, email, news);
            if (digest.isPresent()) {
                try {
                    Templates.digest(digest.get()).to(email).subject(digest.get().subject()).sendAndAwait();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Weekly digest: the mail to %s <%s> could not be sent; they get it next time", username, email);
                    String reason = "not sent: " + e.getMessage();
                    news.stream().filter(n -> n.newCount() > 0).forEach(n -> failed.add(skip(username, n, reason)));
                    continue;
                }
                mails++;
                digest.get().sections().forEach(s -> sent.add(new Entry(username, s.reviewId(), s.reviewName(),
                        s.newRecords(), s.waiting())));
            }
            // told (or nothing to tell): the next digest starts where this one ended
            QuarkusTransaction.requiringNew().run(() -> news.forEach(n -> DigestMark.advance(n.reviewId(), username, upTo)));
        }
        LOG.infof("Weekly digest up to %s: %d mail(s) sent, %d member/review pair(s) skipped, %d failed", upTo, mails,
                skipped.size(), failed.size());
        skipped.forEach(s -> LOG.infof("Weekly digest: skipped %s in review %d (%s)", s.user(), s.review(), s.reason()));
        return new Report(upTo, sent, skipped, failed);
    }

    private static Skip skip(String username, DigestBuilder.ReviewNews n, String reason) {
        return new Skip(username, n.reviewId(), n.reviewName(), n.newCount(), reason);
    }

    /** What is new for {@code username} in the review since their last digest (empty if the review is gone). */
    private Optional<DigestBuilder.ReviewNews> news(long reviewId, String username, Instant upTo) {
        Review review = Review.findById(reviewId);
        if (review == null) {
            return Optional.empty();
        }
        Instant since = DigestMark.since(reviewId, username);
        var em = Article.getEntityManager();
        long newCount = em.createQuery("select count(r) " + WAITING + NEW, Long.class)
                .setParameter("rev", reviewId).setParameter("n", review.decisionsNeeded())
                .setParameter("c", Status.CONFLICT).setParameter("me", username)
                .setParameter("since", since).setParameter("upTo", upTo).getSingleResult();
        List<DigestBuilder.NewRecord> first = List.of();
        if (newCount > 0) {
            List<Long> ids = em.createQuery("select r.articleId " + WAITING + NEW + " order by r.addedAt, r.id", Long.class)
                    .setParameter("rev", reviewId).setParameter("n", review.decisionsNeeded())
                    .setParameter("c", Status.CONFLICT).setParameter("me", username)
                    .setParameter("since", since).setParameter("upTo", upTo)
                    .setMaxResults(DigestBuilder.MAX_TITLES).getResultList();
            Map<Long, Article> articles = new LinkedHashMap<>();
            Article.<Article>list("id in ?1", ids).forEach(a -> articles.put(a.id, a));
            first = ids.stream().map(articles::get).filter(a -> a != null)
                    .map(a -> new DigestBuilder.NewRecord(a.key(), a.title, a.year,
                            a.journalAbbrev != null ? a.journalAbbrev : a.journal))
                    .toList();
        }
        long waiting = queue.remaining(reviewId, new Actor(username, false, false));
        return Optional.of(new DigestBuilder.ReviewNews(reviewId, review.name, (int) newCount, first, waiting));
    }
}
