package org.cortexlit.web.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.library.Article;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Agreement;
import org.cortexlit.screening.QueryMatches;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewEvent;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMember;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.ReviewStats;
import org.cortexlit.screening.Screening;
import org.cortexlit.screening.ScreeningDecision;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.ScreeningRules;
import org.cortexlit.web.ExportPages;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews and screening for scripts (HTTP Basic): the same rules as the pages, blinding included. Errors are
 * {@code {"error"}} with 400 (bad input), 403 (not allowed), 404 (unknown) or 409 (someone else was first).
 */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsApi {

    public record ReviewBody(String name, String question, String inclusionCriteria, String exclusionCriteria,
                             String includeWords, String excludeWords, List<String> exclusionReasons, String tagVocabulary,
                             String mode, String query, Integer version) {
        ReviewForm form() {
            return new ReviewForm(name, question, inclusionCriteria, exclusionCriteria, includeWords, excludeWords,
                    exclusionReasons == null ? null : String.join("\n", exclusionReasons), tagVocabulary, mode, query);
        }
    }

    public record MemberBody(String username, String role) {
    }

    public record RecordsBody(List<String> pmids) {
    }

    public record DecisionBody(String decision, String reason, String note, Integer version) {
    }

    public record Member(String username, String role) {
    }

    public record ReviewJson(long id, String name, String question, String inclusionCriteria, String exclusionCriteria,
                             List<String> includeWords, List<String> excludeWords, List<String> exclusionReasons,
                             String mode, boolean blind, String query, String createdBy, Instant createdAt, int version,
                             List<Member> members, Stats stats) {
        static ReviewJson of(Review r, List<ReviewMember> members, ReviewStats s) {
            return new ReviewJson(r.id, r.name, r.question, r.inclusionCriteria, r.exclusionCriteria, r.includeWordList(),
                    r.excludeWordList(), r.reasons(), r.mode.name().toLowerCase(), r.blind, r.query, r.createdBy, r.createdAt,
                    r.version, members.stream().map(m -> new Member(m.username, m.role.name().toLowerCase())).toList(),
                    s == null ? null : Stats.of(s));
        }
    }

    public record Pair(String first, String second, int shared, int agreed, Double kappa) {
    }

    public record Stats(long records, long removed, Map<String, Long> byStatus, Map<String, Map<String, Long>> byReviewer,
                        long conflictsOpen, long conflictsResolved, List<Pair> agreement, Map<String, Long> exclusionReasons,
                        ReviewStats.Prisma prisma) {
        static Stats of(ReviewStats s) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            s.byStatus().forEach((k, v) -> byStatus.put(k.name(), v));
            Map<String, Map<String, Long>> byReviewer = new LinkedHashMap<>();
            s.byReviewer().forEach((who, m) -> {
                Map<String, Long> d = new LinkedHashMap<>();
                m.forEach((k, v) -> d.put(k.label(), v));
                byReviewer.put(who, d);
            });
            List<Pair> pairs = new ArrayList<>();
            for (Agreement.Pair p : s.agreement()) {
                pairs.add(new Pair(p.first(), p.second(), p.shared(), p.agreed(), p.kappa()));
            }
            return new Stats(s.records(), s.removed(), byStatus, byReviewer, s.conflictsOpen(), s.conflictsResolved(), pairs,
                    s.exclusionReasons(), s.prisma());
        }
    }

    public record DecisionJson(String reviewer, String decision, String reason, String note, Instant decidedAt) {
        static DecisionJson of(ScreeningDecision d) {
            return new DecisionJson(d.reviewer, d.decision.label(), d.reason, d.note, d.decidedAt);
        }
    }

    public record RecordJson(long id, String key, String pmid, String title, Integer year, String journal, String status,
                             boolean removed, int version, List<DecisionJson> decisions, int hiddenDecisions,
                             String finalDecision, String finalReason, String resolvedBy, Map<String, List<String>> tags) {
    }

    public record Page(long total, int page, int size, List<RecordJson> records) {
    }

    public record Next(RecordJson record, ApiJson.Pubmed article, long remaining) {
    }

    private final Screening screening;
    private final QueryMatches matches;
    private final SecurityIdentity identity;

    public ReviewsApi(Screening screening, QueryMatches matches, SecurityIdentity identity) {
        this.screening = screening;
        this.matches = matches;
        this.identity = identity;
    }

    private Actor me() {
        return Actor.of(identity);
    }

    @GET
    public List<ReviewJson> list() {
        return QuarkusTransaction.requiringNew().call(() -> screening.reviews().stream()
                .map(r -> ReviewJson.of(r, ReviewMember.of(r.id), ReviewStats.of(r.id))).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(ReviewBody body) {
        if (body == null) {
            throw invalid("Send JSON: {\"name\", \"question\", \"mode\": \"single\"|\"dual\", \"query\", ...}.");
        }
        Review r = screening.create(body.form(), me());
        return Response.created(URI.create("/api/reviews/" + r.id)).entity(get(r.id)).build();
    }

    @GET
    @Path("/{id}")
    public ReviewJson get(@PathParam("id") long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewJson.of(screening.review(id), ReviewMember.of(id), ReviewStats.of(id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public ReviewJson update(@PathParam("id") long id, ReviewBody body) {
        if (body == null) {
            throw invalid("Send the review's settings as JSON.");
        }
        screening.update(id, body.form(), me(), body.version());
        return get(id);
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public ReviewJson addMember(@PathParam("id") long id, MemberBody body) {
        if (body == null) {
            throw invalid("Send JSON: {\"username\", \"role\": \"reviewer\"|\"lead\"}.");
        }
        screening.addMember(id, body.username(), body.role(), me());
        return get(id);
    }

    @DELETE
    @Path("/{id}/members/{username}")
    @RolesAllowed({"admin", "reviewer"})
    public Response removeMember(@PathParam("id") long id, @PathParam("username") String username) {
        screening.removeMember(id, username, me());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public Screening.AddResult add(@PathParam("id") long id, RecordsBody body) {
        if (body == null || body.pmids() == null) {
            throw invalid("Send JSON: {\"pmids\": [\"12345678\", ...]}.");
        }
        return screening.addByPmid(id, String.join(" ", body.pmids()), me());
    }

    @POST
    @Path("/{id}/sync")
    @RolesAllowed({"admin", "reviewer"})
    public Map<String, Integer> sync(@PathParam("id") long id) {
        QuarkusTransaction.requiringNew().call(() -> screening.review(id));
        return Map.of("added", screening.syncQuery(id));
    }

    @GET
    @Path("/{id}/records")
    public Page records(@PathParam("id") long id, @QueryParam("status") String status, @QueryParam("q") String q,
                        @QueryParam("page") @DefaultValue("1") int page, @QueryParam("size") @DefaultValue("100") int size) {
        if (size < 1 || size > 1000 || page < 1) {
            throw invalid("page starts at 1 and size is 1-1000.");
        }
        Actor me = me();
        RecordFilter filter = RecordFilter.of(id, status, q, matches);
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = screening.review(id);
            List<RecordJson> out = new ArrayList<>();
            for (RecordFilter.Item item : filter.page(page, size)) {
                out.add(record(r, item.record(), item.article(), me));
            }
            return new Page(filter.count(), page, size, out);
        });
    }

    @GET
    @Path("/{id}/records/{rid}")
    public RecordJson record(@PathParam("id") long id, @PathParam("rid") long rid) {
        Actor me = me();
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = screening.review(id);
            ReviewRecord rec = screening.record(id, rid);
            return record(r, rec, Article.findById(rec.articleId), me);
        });
    }

    @GET
    @Path("/{id}/records/{rid}/history")
    public List<Map<String, Object>> history(@PathParam("id") long id, @PathParam("rid") long rid) {
        Actor me = me();
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = screening.review(id);
            ReviewRecord rec = screening.record(id, rid);
            boolean open = ScreeningRules.othersVisible(r, rec.decisionCount);
            List<Map<String, Object>> out = new ArrayList<>();
            for (ReviewEvent e : ReviewEvent.forRecord(rid)) {
                if (open || e.actor.equals(me.name()) || e.kind == ReviewEvent.Kind.ADDED || e.kind == ReviewEvent.Kind.REMOVED
                        || e.kind == ReviewEvent.Kind.RESTORED) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", e.at);
                    m.put("actor", e.actor);
                    m.put("kind", e.kindLabel());
                    m.put("before", e.before);
                    m.put("after", e.after);
                    out.add(m);
                }
            }
            return out;
        });
    }

    /** The next record waiting for the caller, with its article; 204 when there is none. */
    @GET
    @Path("/{id}/next")
    @RolesAllowed({"admin", "reviewer"})
    public Response next(@PathParam("id") long id) {
        Actor me = me();
        return QuarkusTransaction.requiringNew().call(() -> {
            Review r = screening.review(id);
            if (screening.roleOf(id, me).isEmpty()) {
                throw new ScreeningException(ScreeningException.Kind.FORBIDDEN, "You are not a member of review " + id + ".");
            }
            return screening.next(id, me, 0).map(rec -> {
                Article a = Article.findById(rec.articleId);
                return Response.ok(new Next(record(r, rec, a, me), ApiJson.Pubmed.of(a), screening.remaining(id, me))).build();
            }).orElse(Response.noContent().build());
        });
    }

    @POST
    @Path("/{id}/records/{rid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public RecordJson decide(@PathParam("id") long id, @PathParam("rid") long rid, DecisionBody body) {
        if (body == null) {
            throw invalid("Send JSON: {\"decision\": \"include\"|\"exclude\"|\"maybe\", \"reason\", \"note\"}.");
        }
        screening.decide(id, rid, me(), body.decision(), body.reason(), body.note());
        return record(id, rid);
    }

    @POST
    @Path("/{id}/undo")
    @RolesAllowed({"admin", "reviewer"})
    public Response undo(@PathParam("id") long id) {
        return screening.undo(id, me()).map(rid -> Response.ok(record(id, rid)).build())
                .orElse(Response.noContent().build());
    }

    @POST
    @Path("/{id}/records/{rid}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public RecordJson resolve(@PathParam("id") long id, @PathParam("rid") long rid, DecisionBody body) {
        if (body == null) {
            throw invalid("Send JSON: {\"decision\", \"reason\", \"note\", \"version\"}.");
        }
        screening.resolve(id, rid, me(), body.decision(), body.reason(), body.note(), body.version());
        return record(id, rid);
    }

    @POST
    @Path("/{id}/unblind")
    @RolesAllowed({"admin", "reviewer"})
    public ReviewJson unblind(@PathParam("id") long id) {
        screening.unblind(id, me());
        return get(id);
    }

    /** The review's records (filtered like the list) as CSV, RIS or MEDLINE text. */
    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", "application/x-research-info-systems", "text/plain", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("status") String status, @QueryParam("q") String q) {
        return ExportPages.reviewExport(screening, matches, id, format, status, q);
    }

    private static RecordJson record(Review r, ReviewRecord rec, Article a, Actor me) {
        boolean open = ScreeningRules.othersVisible(r, rec.decisionCount);
        List<DecisionJson> visible = new ArrayList<>();
        int hidden = 0;
        for (ScreeningDecision d : ScreeningDecision.forRecord(rec.id)) {
            if (open || d.reviewer.equals(me.name())) {
                visible.add(DecisionJson.of(d));
            } else {
                hidden++;
            }
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        a.tags.stream().map(t -> t.dimension).distinct().sorted().forEach(d -> tags.put(d, a.tagValues(d)));
        return new RecordJson(rec.id, a.key(), a.pmid, a.title, a.year, a.journal, rec.status.name(), rec.removed, rec.version,
                visible, hidden, rec.finalDecision == null ? null : rec.finalDecision.label(), rec.finalReason,
                rec.resolvedBy, tags);
    }

    private static ScreeningException invalid(String message) {
        return new ScreeningException(ScreeningException.Kind.INVALID, message);
    }
}
