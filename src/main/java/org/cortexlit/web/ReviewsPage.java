package org.cortexlit.web;

import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.library.Article;
import org.cortexlit.library.TagChange;
import org.cortexlit.screening.Actor;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewEvent;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMember;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.ReviewStats;
import org.cortexlit.screening.ScreeningDecision;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.ScreeningRules;
import org.cortexlit.screening.Status;
import org.cortexlit.search.query.QuerySyntaxException;
import org.jboss.resteasy.reactive.RestForm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reviews: the list, a new review, and one review's overview, settings, members, records and conflicts. */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
public class ReviewsPage {

    static final int PAGE_SIZE = 50;

    /** One line of a review's record list. */
    public record Row(long id, String pmid, String title, Integer year, String journal, Status status, String decisions,
                      boolean removed) {
    }

    /** A record in full for its page: decisions the viewer may see, the history, tag changes. */
    public record RecordView(ReviewRecord record, Article article, boolean othersVisible, List<ScreeningDecision> decisions,
                             List<ReviewEvent> history, List<TagChange> tagHistory) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Review> reviews, Map<Long, ReviewStats> stats, String notice, String error);

        static native TemplateInstance overview(Review review, ReviewStats stats, List<ReviewMember> members, boolean lead,
                                                boolean member, long remaining, String vocabulary, String notice, String error);

        static native TemplateInstance records(Review review, List<Row> rows, String status, String q, int page, int pages,
                                               long total, boolean lead, Map<String, Map<String, Long>> tagCounts,
                                               String notice, String error);

        static native TemplateInstance record(Review review, RecordView view, boolean lead, String notice, String error);

        static native TemplateInstance similar(Review review, List<org.cortexlit.search.SearchService.Hit> hits, boolean lead);
    }

    private final Reviews reviews;
    private final ReviewMembers members;
    private final ReviewRecords reviewRecords;
    private final ScreeningQueue queue;
    private final Decisions decisions;
    private final QueryMatches matches;
    private final SecurityIdentity identity;

    public ReviewsPage(Reviews reviews, ReviewMembers members, ReviewRecords reviewRecords, ScreeningQueue queue, Decisions decisions, QueryMatches matches, SecurityIdentity identity) {
        this.reviews = reviews;
        this.members = members;
        this.reviewRecords = reviewRecords;
        this.queue = queue;
        this.decisions = decisions;
        this.matches = matches;
        this.identity = identity;
    }

    private Actor actor() {
        return Actor.of(identity);
    }

    @GET
    public TemplateInstance list(@QueryParam("notice") String notice, @QueryParam("error") String error) {
        List<Review> all = reviews.reviews();
        Map<Long, ReviewStats> stats = new HashMap<>();
        for (Review r : all) {
            stats.put(r.id, ReviewStats.of(r.id));
        }
        return Templates.list(all, stats, notice, error);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(@RestForm String name, @RestForm String question, @RestForm String mode, @RestForm String query) {
        try {
            Review r = reviews.create(new ReviewForm(name, question, null, null, null, null, null, null, mode, query), actor());
            return Redirects.notice("/reviews/" + r.id, "Created the review. " + ReviewStats.of(r.id).records()
                    + " record(s) match its query. Add members, criteria and highlight words below.");
        } catch (ScreeningException e) {
            return Redirects.error("/reviews", e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance overview(@PathParam("id") long id, @QueryParam("notice") String notice,
                                     @QueryParam("error") String error) {
        Actor me = actor();
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = reviews.review(id);
            boolean member = members.roleOf(id, me).isPresent();
            return Templates.overview(r, ReviewStats.of(id), ReviewMember.of(id), members.isLead(r, me), member,
                    member ? queue.remaining(id, me) : 0, Review.vocabularyText(r.vocabulary()), notice, error);
        });
    }

    @POST
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response settings(@PathParam("id") long id, @RestForm String name, @RestForm String question,
                             @RestForm String inclusionCriteria, @RestForm String exclusionCriteria,
                             @RestForm String includeWords, @RestForm String excludeWords,
                             @RestForm String exclusionReasons, @RestForm String tagVocabulary, @RestForm String mode,
                             @RestForm String query, @RestForm Integer version, @RestForm String unblind) {
        try {
            reviews.update(id, new ReviewForm(name, question, inclusionCriteria, exclusionCriteria, includeWords,
                    excludeWords, exclusionReasons, tagVocabulary, mode, query), actor(), version, unblind != null);
            return Redirects.notice("/reviews/" + id, "Saved the settings.");
        } catch (ScreeningException e) {
            return Redirects.error("/reviews/" + id, e.getMessage());
        }
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response member(@PathParam("id") long id, @RestForm String username, @RestForm String role,
                           @RestForm String action) {
        try {
            if ("remove".equals(action)) {
                members.removeMember(id, username, actor());
                return Redirects.notice("/reviews/" + id, "Removed " + username + " from the review.");
            }
            members.addMember(id, username, role, actor());
            return Redirects.notice("/reviews/" + id, username + " is now a " + (role == null ? "reviewer" : role.toLowerCase(Locale.ROOT)) + " of this review.");
        } catch (ScreeningException e) {
            return Redirects.error("/reviews/" + id, e.getMessage());
        }
    }

    @POST
    @Path("/{id}/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response add(@PathParam("id") long id, @RestForm String pmids) {
        try {
            ReviewRecords.AddResult r = reviewRecords.addByPmid(id, pmids, actor());
            String msg = "Added " + r.added() + ", restored " + r.restored() + ", already there " + r.already() + "."
                    + (r.unknown().isEmpty() ? "" : " Not in the corpus (import them first): " + String.join(", ", r.unknown()) + ".");
            return r.unknown().isEmpty() ? Redirects.notice("/reviews/" + id, msg) : Redirects.error("/reviews/" + id, msg);
        } catch (ScreeningException e) {
            return Redirects.error("/reviews/" + id, e.getMessage());
        }
    }

    @POST
    @Path("/{id}/sync")
    @RolesAllowed({"admin", "reviewer"})
    public Response sync(@PathParam("id") long id) {
        Actor me = actor();
        boolean allowed = QuarkusTransaction.requiringNew().call(() -> members.roleOf(id, me).isPresent()
                || members.isLead(reviews.review(id), me));
        if (!allowed) {
            return Redirects.error("/reviews/" + id, "Only the review's members take in new matches of its query.");
        }
        int added = reviewRecords.syncQuery(id);
        return Redirects.notice("/reviews/" + id, added + " new record(s) from the query.");
    }

    @POST
    @Path("/{id}/unblind")
    @RolesAllowed({"admin", "reviewer"})
    public Response unblind(@PathParam("id") long id) {
        try {
            reviews.unblind(id, actor());
            return Redirects.notice("/reviews/" + id, "Unblinded: reviewers now see each other's decisions.");
        } catch (ScreeningException e) {
            return Redirects.error("/reviews/" + id, e.getMessage());
        }
    }

    @GET
    @Path("/{id}/records")
    public TemplateInstance records(@PathParam("id") long id, @QueryParam("status") String status, @QueryParam("q") String q,
                                    @QueryParam("page") @DefaultValue("1") int page, @QueryParam("notice") String notice,
                                    @QueryParam("error") String error) {
        Actor me = actor();
        int p = Paging.of(page, PAGE_SIZE, PAGE_SIZE).page();
        RecordFilter filter;
        String err = error;
        try {
            filter = RecordFilter.of(id, status, q, matches);
        } catch (ScreeningException e) {
            // the query cannot be run: say so and keep the status asked for (everything only if that is wrong too)
            err = e.getMessage();
            try {
                filter = RecordFilter.of(id, status, null, matches);
            } catch (ScreeningException badStatus) {
                filter = RecordFilter.of(id, null, null, matches);
            }
        }
        RecordFilter f = filter;
        String ferr = err;
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = reviews.review(id);
            long total = f.count();
            List<Row> out = new ArrayList<>();
            List<RecordFilter.Item> items = f.page(p, PAGE_SIZE);
            Map<Long, List<ScreeningDecision>> decisions = new HashMap<>(); // one query for the page, not one per row
            if (!items.isEmpty()) {
                for (ScreeningDecision d : ScreeningDecision.<ScreeningDecision>list("recordId in ?1 order by decidedAt, id",
                        items.stream().map(i -> i.record().id).toList())) {
                    decisions.computeIfAbsent(d.recordId, k -> new ArrayList<>()).add(d);
                }
            }
            for (RecordFilter.Item item : items) {
                ReviewRecord rec = item.record();
                Article a = item.article();
                out.add(new Row(rec.id, a.key(), a.title, a.year, a.journalAbbrev != null ? a.journalAbbrev : a.journal,
                        rec.status, decisionsText(r, rec, me, decisions.getOrDefault(rec.id, List.of())), rec.removed));
            }
            int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            return Templates.records(r, out, f.statusName(), q == null ? "" : q, p, pages, total,
                    members.isLead(r, me), ReviewStats.tagCounts(id), notice, ferr);
        });
    }

    /** "include, exclude (not human)" or, while blind, only the viewer's own and a count. */
    private static String decisionsText(Review r, ReviewRecord rec, Actor me, List<ScreeningDecision> ds) {
        if (rec.decisionCount == 0) {
            return "";
        }
        boolean open = ScreeningRules.othersVisible(r, rec.decisionCount);
        List<String> parts = new ArrayList<>();
        int hidden = 0;
        for (ScreeningDecision d : ds) {
            if (open || d.reviewer.equals(me.name())) {
                parts.add(d.reviewer + ": " + d.decision.label() + (d.reason == null ? "" : " (" + d.reason + ")"));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            parts.add(hidden + " hidden (blind)");
        }
        return String.join("; ", parts);
    }

    /** Studies like the included ones that the review does not hold: what its query may have missed. */
    @GET
    @Path("/{id}/similar")
    public TemplateInstance similar(@PathParam("id") long id) throws java.io.IOException {
        Actor me = actor();
        List<org.cortexlit.search.SearchService.Hit> hits = reviewRecords.moreLikeIncluded(id, 20);
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = reviews.review(id);
            return Templates.similar(r, hits, members.isLead(r, me));
        });
    }

    /** The record list as a download (same filters); scripts use /api/reviews/{id}/export. */
    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", "application/x-research-info-systems", "text/plain", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("status") String status, @QueryParam("q") String q) {
        return ExportPages.reviewExport(reviews, matches, id, format, status, q, actor());
    }

    @GET
    @Path("/{id}/records/{rid}")
    public TemplateInstance record(@PathParam("id") long id, @PathParam("rid") long rid, @QueryParam("notice") String notice,
                                   @QueryParam("error") String error) {
        Actor me = actor();
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = reviews.review(id);
            ReviewRecord rec = reviewRecords.record(id, rid);
            Article a = Article.findById(rec.articleId);
            a.abstractSections.size();
            a.authors.size();
            a.publicationTypes.size();
            a.tags.size();
            List<ScreeningDecision> visible = ScreeningRules.visibleDecisions(r, rec, me.name(), ScreeningDecision.forRecord(rid));
            List<ReviewEvent> history = ScreeningRules.visibleEvents(r, rec, me.name(), ReviewEvent.forRecord(rid));
            return Templates.record(r, new RecordView(rec, a, ScreeningRules.othersVisible(r, rec.decisionCount), visible,
                            history, TagChange.forArticle(a.id)),
                    members.isLead(r, me), notice, error);
        });
    }

    @POST
    @Path("/{id}/records/{rid}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response resolve(@PathParam("id") long id, @PathParam("rid") long rid, @RestForm String decision,
                            @RestForm String reason, @RestForm String note, @RestForm Integer version) {
        String page = "/reviews/" + id + "/records/" + rid;
        try {
            decisions.resolve(id, rid, actor(), decision, reason, note, version);
            return Redirects.notice(page, "Resolved as " + decision + ".");
        } catch (ScreeningException e) {
            return Redirects.error(page, e.getMessage());
        }
    }

    @POST
    @Path("/{id}/records/{rid}/remove")
    @RolesAllowed({"admin", "reviewer"})
    public Response remove(@PathParam("id") long id, @PathParam("rid") long rid) {
        String page = "/reviews/" + id + "/records/" + rid;
        try {
            reviewRecords.remove(id, rid, actor());
            return Redirects.notice(page, "Removed from the review (kept with its decisions; add its PMID again to restore it).");
        } catch (ScreeningException e) {
            return Redirects.error(page, e.getMessage());
        }
    }
}
