package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.RecordView;
import org.cortexlit.screening.RecallProgress;
import org.cortexlit.screening.RelevanceRanking;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMember;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewReads;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.ReviewStats;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.Status;
import org.cortexlit.screening.WordHighlighter;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.search.SearchService;
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

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    static final int PAGE_SIZE = 50;

    /** One line of a review's record list. */
    public record Row(long id, int number, String pmid, String title, Integer year, String journal, Status status,
                      String decisions, boolean removed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Review> reviews, Map<Long, ReviewStats> stats, String notice, String error);

        static native TemplateInstance overview(Review review, ReviewStats stats, List<ReviewMember> members, boolean lead,
                                                boolean member, long remaining, String vocabulary, RecallProgress recall,
                                                RelevanceRanking.Snapshot ranking, String notice, String error);

        static native TemplateInstance records(Review review, List<Row> rows, String status, String q, int page, int pages,
                                               long total, boolean lead, Map<String, Map<String, Long>> tagCounts,
                                               String notice, String error);

        static native TemplateInstance record(Review review, RecordView view, List<ScreenPage.Section> sections,
                                              List<TagChange> tagHistory, boolean lead, String notice, String error);

        static native TemplateInstance similar(Review review, List<SearchService.Hit> hits, boolean lead);
    }

    @Inject
    Reviews reviews;

    @Inject
    ReviewMembers members;

    @Inject
    ReviewRecords reviewRecords;

    @Inject
    Decisions decisions;

    @Inject
    QueryMatches matches;

    @Inject
    SecurityIdentity identity;

    @Inject
    ReviewReads reads;

    private Actor actor() {
        return Actor.of(identity);
    }

    @GET
    public TemplateInstance list() {
        String notice = flash.notice();
        String error = flash.error();
        List<ReviewReads.Summary> all = reads.summaries();
        Map<Long, ReviewStats> stats = new HashMap<>();
        all.forEach(s -> stats.put(s.review().id, s.stats()));
        return Templates.list(all.stream().map(ReviewReads.Summary::review).toList(), stats, notice, error);
    }

    @BackTo("/reviews")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(@RestForm String name, @RestForm String question, @RestForm String mode, @RestForm String query) {
        Review r = reviews.create(new ReviewForm(name, question, null, null, null, null, null, null, mode, query), actor());
        return Redirects.notice("/reviews/" + r.id, "Created the review. " + ReviewStats.of(r.id).records()
                + " record(s) match its query. Add members, criteria and highlight words below.");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance overview(@PathParam("id") long id) {
        String notice = flash.notice();
        String error = flash.error();
        ReviewReads.Overview o = reads.overview(id, actor());
        return Templates.overview(o.summary().review(), o.summary().stats(), o.summary().members(), o.lead(), o.member(),
                o.remaining(), o.vocabulary(), o.recall(), o.ranking(), notice, error);
    }

    @BackTo("/reviews/{id}")
    @POST
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response settings(@PathParam("id") long id, @RestForm String name, @RestForm String question,
                             @RestForm String inclusionCriteria, @RestForm String exclusionCriteria,
                             @RestForm String includeWords, @RestForm String excludeWords,
                             @RestForm String exclusionReasons, @RestForm String tagVocabulary, @RestForm String mode,
                             @RestForm String query, @RestForm Integer version, @RestForm String unblind,
                             @RestForm String order) {
        reviews.update(id, new ReviewForm(name, question, inclusionCriteria, exclusionCriteria, includeWords,
                excludeWords, exclusionReasons, tagVocabulary, mode, query, order), actor(), version, unblind != null);
        return Redirects.notice("/reviews/" + id, "Saved the settings.");
    }

    @BackTo("/reviews/{id}")
    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response member(@PathParam("id") long id, @RestForm String username, @RestForm String role,
                           @RestForm String action) {
        if ("remove".equals(action)) {
            members.removeMember(id, username, actor());
            return Redirects.notice("/reviews/" + id, "Removed " + username + " from the review.");
        }
        members.addMember(id, username, role, actor());
        return Redirects.notice("/reviews/" + id, username + " is now a " + (role == null ? "reviewer" : role.toLowerCase(Locale.ROOT)) + " of this review.");
    }

    @BackTo("/reviews/{id}")
    @POST
    @Path("/{id}/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response add(@PathParam("id") long id, @RestForm String pmids) {
        ReviewRecords.AddResult r = reviewRecords.addByPmid(id, pmids, actor());
        List<String> notAdded = new ArrayList<>();
        r.rejected().forEach(x -> notAdded.add(x.entry() + " (" + x.reason() + ")"));
        r.unknown().forEach(p -> notAdded.add(p + " (not in the corpus: import it first)"));
        String msg = "Added " + r.added() + ", restored " + r.restored() + ", already there " + r.already() + "."
                + (notAdded.isEmpty() ? "" : " Not added: " + String.join("; ", notAdded) + ".");
        return notAdded.isEmpty() ? Redirects.notice("/reviews/" + id, msg) : Redirects.error("/reviews/" + id, msg);
    }

    @POST
    @Path("/{id}/sync")
    @RolesAllowed({"admin", "reviewer"})
    public Response sync(@PathParam("id") long id) {
        reads.requireMayTakeInMatches(id, actor());
        int added = reviewRecords.syncQuery(id);
        return Redirects.notice("/reviews/" + id, added + " new record(s) from the query.");
    }

    @BackTo("/reviews/{id}")
    @POST
    @Path("/{id}/unblind")
    @RolesAllowed({"admin", "reviewer"})
    public Response unblind(@PathParam("id") long id, @RestForm String confirm) {
        // unblinding cannot be taken back: the page's form asks the lead to confirm it, in the form itself (no script)
        if (!"yes".equals(confirm)) {
            return Redirects.error("/reviews/" + id, "Nothing changed: tick \"I understand that unblinding cannot be "
                    + "undone\" to unblind the review.");
        }
        reviews.unblind(id, actor());
        return Redirects.notice("/reviews/" + id, "Unblinded: reviewers now see each other's decisions.");
    }

    @GET
    @Path("/{id}/records")
    public TemplateInstance records(@PathParam("id") long id, @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("page") @DefaultValue("1") int page) {
        String notice = flash.notice();
        String error = flash.error();
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
        ReviewReads.RecordsPage listed = reads.records(id, f, p, PAGE_SIZE, me);
        List<Row> out = new ArrayList<>();
        for (RecordView v : listed.records()) {
            Article a = v.article();
            out.add(new Row(v.record().id, v.record().number, a.key(), a.title, a.year, a.journalAbbrev != null ? a.journalAbbrev : a.journal,
                    v.record().status, v.decisionsText(), v.record().removed));
        }
        int pages = (int) Math.max(1, (listed.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.records(listed.review(), out, f.statusName(), q == null ? "" : q, p, pages, listed.total(),
                listed.lead(), listed.tagCounts(), notice, ferr);
    }

    /** Studies like the included ones that the review does not hold: what its query may have missed. */
    @GET
    @Path("/{id}/similar")
    public TemplateInstance similar(@PathParam("id") long id) throws IOException {
        List<SearchService.Hit> hits = reviewRecords.moreLikeIncluded(id, 20);
        ReviewReads.Overview o = reads.overview(id, actor());
        return Templates.similar(o.summary().review(), hits, o.lead());
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
    public TemplateInstance record(@PathParam("id") long id, @PathParam("rid") long rid) {
        String notice = flash.notice();
        String error = flash.error();
        ReviewReads.RecordPage page = reads.recordPage(id, rid, actor());
        Review review = page.view().review();
        // the abstract as the screening page shows it, so the lead settles a conflict without leaving the page
        WordHighlighter hl = new WordHighlighter(review.includeWordList(), review.excludeWordList());
        List<ScreenPage.Section> sections = page.view().article().abstractSections.stream()
                .map(s -> new ScreenPage.Section(s.label, hl.highlight(s.text))).toList();
        return Templates.record(review, page.view(), sections, page.tagHistory(), page.lead(), notice, error);
    }

    @BackTo("/reviews/{id}/records/{rid}")
    @POST
    @Path("/{id}/records/{rid}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response resolve(@PathParam("id") long id, @PathParam("rid") long rid, @RestForm String decision,
                            @RestForm String reason, @RestForm String note, @RestForm Integer version) {
        String page = "/reviews/" + id + "/records/" + rid;
        decisions.resolve(id, rid, actor(), decision, reason, note, version);
        return Redirects.notice(page, "Resolved as " + decision + ".");
    }

    @BackTo("/reviews/{id}/records/{rid}")
    @POST
    @Path("/{id}/records/{rid}/remove")
    @RolesAllowed({"admin", "reviewer"})
    public Response remove(@PathParam("id") long id, @PathParam("rid") long rid) {
        String page = "/reviews/" + id + "/records/" + rid;
        reviewRecords.remove(id, rid, actor());
        return Redirects.notice(page, "Removed from the review (kept with its decisions; add its PMID again to restore it).");
    }
}
