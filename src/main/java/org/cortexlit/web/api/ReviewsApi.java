package org.cortexlit.web.api;

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
import org.cortexlit.library.TagChange;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Agreement;
import org.cortexlit.screening.Decisions;
import org.cortexlit.prioritise.StoppingEstimate;
import org.cortexlit.screening.RecallProgress;
import org.cortexlit.screening.RecordFilter;
import org.cortexlit.screening.RecordView;
import org.cortexlit.screening.RelevanceRanking;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewEvent;
import org.cortexlit.screening.ReviewForm;
import org.cortexlit.screening.ReviewMember;
import org.cortexlit.screening.ReviewMembers;
import org.cortexlit.screening.ReviewReads;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.ReviewRecords;
import org.cortexlit.screening.ReviewStats;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningDecision;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.Tagging;
import org.cortexlit.search.QueryMatches;
import org.cortexlit.search.SearchService;
import org.cortexlit.web.ExportPages;
import org.cortexlit.web.Paging;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * The review as JSON: {@code {"name","question","query","mode":"SINGLE|DUAL","order":"RELEVANCE|IMPORT",
     * "members":[{"username","role"}],"includeWords":[],"excludeWords":[],"reasons":[]}}, plus the criteria, the tag
     * values and (for PUT) the version the caller saw.
     */
    public record ReviewBody(String name, String question, String inclusionCriteria, String exclusionCriteria,
                             List<String> includeWords, List<String> excludeWords, List<String> reasons,
                             String tagVocabulary, String mode, String query, List<MemberBody> members, Integer version,
                             Boolean unblind, String order) {
        ReviewForm form() {
            return new ReviewForm(name, question, inclusionCriteria, exclusionCriteria, lines(includeWords),
                    lines(excludeWords), lines(reasons), tagVocabulary, mode, query, order);
        }

        private static String lines(List<String> values) {
            return values == null ? null : String.join("\n", values);
        }
    }

    public record MemberBody(String username, String role) {
    }

    public record RecordsBody(List<String> pmids) {
    }

    /** {@code {"verdict":"INCLUDE|EXCLUDE|MAYBE","reason","note"}}; {@code version} (optional, resolution) guards
     * against settling a record that changed meanwhile. */
    public record VerdictBody(String verdict, String reason, String note, Integer version) {
    }

    /** {@code {"design","targets":[],"modalities":[],"frequency","sessions","intensity","condition"}}: a field left
     * out is left alone, an empty one (or []) clears the dimension. */
    public record TagsBody(String design, List<String> targets, List<String> modalities, String frequency, String sessions,
                           String intensity, String condition) {
    }

    public record Conflicts(long open, long resolved) {
    }

    public record Kappa(String a, String b, int n, Double kappa) {
    }

    public record Progress(long records, long screened, long included, long excluded, long maybe, Conflicts conflicts,
                           List<Kappa> agreement, ReviewStats.Prisma prisma, Map<String, Map<String, Long>> tags) {
        static Progress of(ReviewStats s, Map<String, Map<String, Long>> tags) {
            return new Progress(s.records(), s.settled(), s.included(), s.excluded(), s.maybe(),
                    new Conflicts(s.conflictsOpen(), s.conflictsResolved()),
                    s.agreement().stream().map(p -> new Kappa(p.first(), p.second(), p.shared(), p.kappa())).toList(),
                    s.prisma(), tags);
        }
    }

    public record Member(String username, String role) {
    }

    public record ReviewJson(long id, String name, String question, String inclusionCriteria, String exclusionCriteria,
                             List<String> includeWords, List<String> excludeWords, List<String> exclusionReasons,
                             String mode, String order, boolean blind, String query, String createdBy, Instant createdAt,
                             int version, List<Member> members, Stats stats) {
        static ReviewJson of(ReviewReads.Summary s) {
            return of(s.review(), s.members(), s.stats());
        }

        static ReviewJson of(Review r, List<ReviewMember> members, ReviewStats s) {
            return new ReviewJson(r.id, r.name, r.question, r.inclusionCriteria, r.exclusionCriteria, r.includeWordList(),
                    r.excludeWordList(), r.reasons(), r.mode.name().toLowerCase(), r.queueOrder.key(), r.blind, r.query,
                    r.createdBy, r.createdAt,
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

    /** {@code number} is the record's number in its review (1 for the first to join it), as the pages show it. */
    public record RecordJson(long id, int number, String key, String pmid, String title, Integer year, String journal, String status,
                             boolean removed, int version, List<DecisionJson> decisions, int hiddenDecisions,
                             String finalDecision, String finalReason, String resolvedBy, Map<String, List<String>> tags) {
    }

    public record Page(long total, int page, int size, List<RecordJson> records) {
    }

    /** Why the ranking serves this record now: its score, its place of how many, the words that pushed it up. */
    public record Relevance(double score, int rank, int of, List<String> words, String model) {
        static Relevance of(RelevanceRanking.Why why) {
            return why == null ? null : new Relevance(why.score(), why.rank(), why.of(), why.wordList(), why.model());
        }
    }

    /** {@code relevance} is null when the review's queue follows import order, or its model has nothing to learn from yet. */
    public record Next(RecordJson record, ApiJson.Pubmed article, long remaining, Relevance relevance) {
    }

    /**
     * The recall curve and the stopping estimate: {@code curve} is {@code [[screened, found], ...]}; the estimate's
     * method and reference are named.
     */
    public record Recall(int records, int screened, int found, int screenedSinceLastInclude, double estimatedRemaining,
                         boolean stopSuggested, String method, String reference, String order, String model,
                         List<int[]> curve) {
    }

    private final Reviews reviews;
    private final ReviewMembers members;
    private final ReviewRecords reviewRecords;
    private final Decisions decisions;
    private final QueryMatches matches;
    private final Tagging tagging;
    private final ReviewReads reads;
    private final SecurityIdentity identity;

    public ReviewsApi(Reviews reviews, ReviewMembers members, ReviewRecords reviewRecords, Decisions decisions,
                      QueryMatches matches, Tagging tagging, ReviewReads reads, SecurityIdentity identity) {
        this.reviews = reviews;
        this.members = members;
        this.reviewRecords = reviewRecords;
        this.decisions = decisions;
        this.matches = matches;
        this.tagging = tagging;
        this.reads = reads;
        this.identity = identity;
    }

    private Actor me() {
        return Actor.of(identity);
    }

    @GET
    public List<ReviewJson> list() {
        return reads.summaries().stream().map(ReviewJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(ReviewBody body) {
        if (body == null) {
            throw invalid("Send JSON: {\"name\", \"question\", \"query\", \"mode\": \"SINGLE\"|\"DUAL\", \"members\": "
                    + "[{\"username\", \"role\": \"LEAD\"|\"REVIEWER\"}], \"includeWords\": [], \"excludeWords\": [], \"reasons\": []}.");
        }
        List<ReviewMembers.Candidate> candidates = (body.members() == null ? List.<MemberBody>of() : body.members()).stream()
                .map(m -> new ReviewMembers.Candidate(m == null || m.username() == null ? "" : m.username(),
                        m == null ? null : m.role())).toList();
        Review r = reviews.create(body.form(), candidates, me());
        return Response.created(URI.create("/api/reviews/" + r.id)).entity(get(r.id)).build();
    }

    @GET
    @Path("/{id}")
    public ReviewJson get(@PathParam("id") long id) {
        return ReviewJson.of(reads.summary(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public ReviewJson update(@PathParam("id") long id, ReviewBody body) {
        if (body == null) {
            throw invalid("Send the review's settings as JSON.");
        }
        reviews.update(id, body.form(), me(), body.version(), Boolean.TRUE.equals(body.unblind()));
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
        members.addMember(id, body.username(), body.role(), me());
        return get(id);
    }

    @DELETE
    @Path("/{id}/members/{username}")
    @RolesAllowed({"admin", "reviewer"})
    public Response removeMember(@PathParam("id") long id, @PathParam("username") String username) {
        members.removeMember(id, username, me());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public ReviewRecords.AddResult add(@PathParam("id") long id, RecordsBody body) {
        if (body == null || body.pmids() == null) {
            throw invalid("Send JSON: {\"pmids\": [\"12345678\", ...]}.");
        }
        return reviewRecords.addByPmid(id, String.join(" ", body.pmids()), me());
    }

    @POST
    @Path("/{id}/sync")
    @RolesAllowed({"admin", "reviewer"})
    public Map<String, Integer> sync(@PathParam("id") long id) {
        reads.requireMayTakeInMatches(id, me());
        return Map.of("added", reviewRecords.syncQuery(id));
    }

    @GET
    @Path("/{id}/records")
    public Page records(@PathParam("id") long id, @QueryParam("status") String status, @QueryParam("q") String q,
                        @QueryParam("page") @DefaultValue("1") int page, @QueryParam("size") @DefaultValue("100") int size) {
        Paging.of(page, size, 1000);
        ReviewReads.RecordsPage p = reads.records(id, RecordFilter.of(id, status, q, matches), page, size, me());
        return new Page(p.total(), page, size, p.records().stream().map(ReviewsApi::record).toList());
    }

    @GET
    @Path("/{id}/records/{key}")
    public RecordJson record(@PathParam("id") long id, @PathParam("key") String key) {
        return record(reads.recordOf(id, key, me()));
    }

    @GET
    @Path("/{id}/records/{key}/history")
    public List<Map<String, Object>> history(@PathParam("id") long id, @PathParam("key") String key) {
        ReviewReads.RecordPage page = reads.recordPage(id, reads.recordIdOf(id, key), me());
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReviewEvent e : page.view().history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at);
            m.put("actor", e.actor);
            m.put("kind", e.kindLabel());
            m.put("before", e.before);
            m.put("after", e.after);
            out.add(m);
        }
        // the study's tag changes (from any review or its article page), with what became of the suggestion
        for (TagChange t : page.tagHistory()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", t.at);
            m.put("actor", t.actor);
            m.put("kind", "tag " + t.dimension);
            m.put("before", t.before);
            m.put("after", t.after);
            if (t.suggestionNote() != null) {
                m.put("suggestion", t.suggestionNote());
            }
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> (Instant) m.get("at")));
        return out;
    }

    /** The next record waiting for the caller, with its article; 204 when there is none. */
    @GET
    @Path("/{id}/next")
    @RolesAllowed({"admin", "reviewer"})
    public Response next(@PathParam("id") long id) {
        return reads.next(id, me()).map(n -> Response.ok(new Next(record(n.view()), ApiJson.Pubmed.of(n.view().article()),
                n.remaining(), Relevance.of(n.why()))).build()).orElse(Response.noContent().build());
    }

    /** How much of the review's relevant records screening has found, and the estimate of what is left. */
    @GET
    @Path("/{id}/recall")
    public Recall recall(@PathParam("id") long id) {
        ReviewReads.Recall r = reads.recall(id);
        RecallProgress p = r.progress();
        StoppingEstimate e = p.estimate();
        return new Recall(p.records(), p.screened(), p.found(), e.sinceLastRelevant(), e.estimatedRemaining(),
                e.stopSuggested(), e.method(), e.reference(), r.review().queueOrder.key(),
                r.ranking() == null ? null : r.ranking().ranking().modelName(), p.curve());
    }

    /** The caller's decision on a record: {@code {"verdict":"INCLUDE|EXCLUDE|MAYBE","reason","note"}}. */
    @PUT
    @Path("/{id}/records/{key}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public RecordJson decide(@PathParam("id") long id, @PathParam("key") String key, VerdictBody body) {
        if (body == null || body.verdict() == null) {
            throw invalid("Send JSON: {\"verdict\": \"INCLUDE\"|\"EXCLUDE\"|\"MAYBE\", \"reason\", \"note\"}.");
        }
        long rid = reads.recordIdOf(id, key);
        decisions.decide(id, rid, me(), body.verdict(), body.reason(), body.note());
        return record(reads.record(id, rid, me()));
    }

    /** The lead settles a record (a conflict, or overrules): the same body as a decision. */
    @PUT
    @Path("/{id}/records/{key}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public RecordJson resolve(@PathParam("id") long id, @PathParam("key") String key, VerdictBody body) {
        if (body == null || body.verdict() == null) {
            throw invalid("Send JSON: {\"verdict\": \"INCLUDE\"|\"EXCLUDE\"|\"MAYBE\", \"reason\", \"note\"}.");
        }
        long rid = reads.recordIdOf(id, key);
        decisions.resolve(id, rid, me(), body.verdict(), body.reason(), body.note(), body.version());
        return record(reads.record(id, rid, me()));
    }

    /** The study's tags, set from this review: every field given replaces that dimension's values. */
    @PUT
    @Path("/{id}/records/{key}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public RecordJson tags(@PathParam("id") long id, @PathParam("key") String key, TagsBody body) {
        if (body == null) {
            throw invalid("Send JSON: {\"design\", \"targets\": [], \"modalities\": [], \"frequency\", \"sessions\", "
                    + "\"intensity\", \"condition\"}.");
        }
        long rid = reads.recordIdOf(id, key);
        String articleKey = reads.keyOf(id, rid);
        Actor me = me();
        Map<String, List<String>> changes = new LinkedHashMap<>();
        one(changes, "design", body.design());
        if (body.targets() != null) {
            changes.put("target", body.targets());
        }
        if (body.modalities() != null) {
            changes.put("modality", body.modalities());
        }
        one(changes, "frequency", body.frequency());
        one(changes, "sessions", body.sessions());
        one(changes, "intensity", body.intensity());
        one(changes, "condition", body.condition());
        tagging.setAll(articleKey, changes, me, id, null); // one transaction and one index update for all dimensions
        return record(reads.record(id, rid, me));
    }

    /**
     * Accepts the suggested tags of the record as the caller's: every dimension the suggester proposes a value for,
     * or only {@code dimension}. The tag history says they were accepted suggestions.
     */
    @POST
    @Path("/{id}/records/{key}/tags/accept-suggestions")
    @RolesAllowed({"admin", "reviewer"})
    public RecordJson acceptSuggestions(@PathParam("id") long id, @PathParam("key") String key,
                                        @QueryParam("dimension") String dimension) {
        long rid = reads.recordIdOf(id, key);
        Actor me = me();
        tagging.acceptSuggestions(reads.keyOf(id, rid), dimension == null || dimension.isBlank() ? null : dimension,
                me, id);
        return record(reads.record(id, rid, me));
    }

    private static void one(Map<String, List<String>> changes, String dimension, String value) {
        if (value != null) {
            changes.put(dimension, value.isBlank() ? List.of() : List.of(value));
        }
    }

    /** Studies like the included ones that the review does not hold yet, as search hits. */
    @GET
    @Path("/{id}/similar")
    public Response similar(@PathParam("id") long id, @QueryParam("size") @DefaultValue("20") int size)
            throws IOException {
        if (size < 1 || size > 100) {
            throw invalid("size is 1-100, not " + size + ".");
        }
        List<SearchService.Hit> hits = reviewRecords.moreLikeIncluded(id, size);
        return Response.ok(Map.of("reviewId", id, "total", hits.size(), "hits",
                hits.stream().map(h -> ApiJson.Hit.of(h, false)).toList())).build();
    }

    @POST
    @Path("/{id}/undo")
    @RolesAllowed({"admin", "reviewer"})
    public Response undo(@PathParam("id") long id) {
        return decisions.undo(id, me()).map(rid -> Response.ok(record(reads.record(id, rid, me()))).build())
                .orElse(Response.noContent().build());
    }

    /** {@code {"records","screened","included","excluded","maybe","conflicts":{"open","resolved"},
     * "agreement":[{"a","b","n","kappa"}],"prisma":{...}}}. */
    @GET
    @Path("/{id}/progress")
    public Progress progress(@PathParam("id") long id) {
        ReviewReads.Progress p = reads.progress(id);
        return Progress.of(p.stats(), p.tagCounts());
    }

    @POST
    @Path("/{id}/unblind")
    @RolesAllowed({"admin", "reviewer"})
    public ReviewJson unblind(@PathParam("id") long id) {
        reviews.unblind(id, me());
        return get(id);
    }

    /** The review's records (filtered like the list) as CSV ({@code format=csv}, the default) or RIS ({@code format=ris}). */
    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", "application/x-research-info-systems", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("status") String status, @QueryParam("q") String q) {
        return ExportPages.reviewExport(reviews, matches, id, format, status, q, me());
    }

    /** The record as its viewer may see it ({@link RecordView} applies blinding). */
    private static RecordJson record(RecordView v) {
        ReviewRecord rec = v.record();
        Article a = v.article();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        a.tags.stream().map(t -> t.dimension).distinct().sorted().forEach(d -> tags.put(d, a.tagValues(d)));
        return new RecordJson(rec.id, rec.number, a.key(), a.pmid, a.title, a.year, a.journal, rec.status.name(), rec.removed, rec.version,
                v.visible().stream().map(DecisionJson::of).toList(), v.hidden(),
                rec.finalDecision == null ? null : rec.finalDecision.label(), rec.finalReason, rec.resolvedBy, tags);
    }

    private static ScreeningException invalid(String message) {
        return new ScreeningException(ScreeningException.Kind.INVALID, message);
    }
}
