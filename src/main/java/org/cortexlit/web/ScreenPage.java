package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.library.AbstractSection;
import org.cortexlit.library.Article;
import org.cortexlit.library.Author;
import org.cortexlit.library.SuggestionDisplay;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Decisions;
import org.cortexlit.screening.RecordView;
import org.cortexlit.screening.RelevanceRanking;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewReads;
import org.cortexlit.screening.ReviewRecord;
import org.cortexlit.screening.Reviews;
import org.cortexlit.screening.ScreeningDecision;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.Tagging;
import org.cortexlit.screening.WordHighlighter;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Screening one record at a time. Keys (see /js/screen.js): i include, m maybe, e exclude (then a digit for the
 * reason), a digit alone excludes with that reason, u undoes the last decision, a accepts the suggested tags, ? shows
 * help. With htmx the
 * next record swaps in without a page load; without JavaScript the forms post and redirect (Post/Redirect/Get).
 */
@Path("/reviews/{id}/screen")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "reviewer"})
public class ScreenPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    /** One abstract section with the review's words marked (safe HTML). */
    public record Section(String label, String html) {
    }

    /** Everything the screening panel shows, built inside one transaction. */
    public record Panel(Review review, ReviewRecord record, String key, String titleHtml, String authors, String journal,
                        Integer year, List<String> publicationTypes, List<String> mesh, List<Section> sections,
                        TagPanel tags, ScreeningDecision mine, List<ScreeningDecision> others,
                        boolean othersVisible, long remaining, List<String> reasons, RelevanceRanking.Why why) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screen(Review review, Panel panel, long remaining, long after, String notice, String error,
                                              Long previous);

        static native TemplateInstance panel(Review review, Panel panel, long remaining, long after, String notice, String error,
                                             Long previous);
    }

    @Inject
    Reviews reviews;

    @Inject
    Decisions decisions;

    @Inject
    Tagging tagging;

    @Inject
    SecurityIdentity identity;

    @Inject
    ReviewReads reads;

    @GET
    public TemplateInstance screen(@PathParam("id") long id, @QueryParam("record") Long recordId, @QueryParam("after") @DefaultValue("0") long after, @HeaderParam("HX-Request") String htmx) {
        String notice = flash.notice();
        String error = flash.error();
        return render(id, recordId, after, notice, error, htmx != null);
    }

    private TemplateInstance render(long id, Long recordId, long after, String notice, String error, boolean fragment) {
        ReviewReads.Screen screen = reads.screen(id, recordId, after, Actor.of(identity));
        Review review = screen.review();
        Panel panel = screen.record().map(v -> panel(v, screen.remaining(), screen.why())).orElse(null);
        Long previous = reads.previousDecided(id, panel == null ? null : panel.record().id, Actor.of(identity)).orElse(null);
        return fragment ? Templates.panel(review, panel, screen.remaining(), after, notice, error, previous)
                : Templates.screen(review, panel, screen.remaining(), after, notice, error, previous);
    }

    private static Panel panel(RecordView view, long remaining, RelevanceRanking.Why why) {
        Review review = view.review();
        ReviewRecord rec = view.record();
        Article a = view.article();
        WordHighlighter hl = new WordHighlighter(review.includeWordList(), review.excludeWordList());
        SuggestionDisplay suggested = SuggestionDisplay.of(a);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < a.abstractSections.size(); i++) {
            AbstractSection s = a.abstractSections.get(i);
            sections.add(new Section(s.label, suggested.markSection(i, hl.highlight(s.text))));
        }
        List<String> authors = new ArrayList<>();
        for (Author au : a.authors) {
            authors.add(au.displayName());
        }
        return new Panel(review, rec, a.key(), suggested.markTitle(hl.highlight(a.title)), String.join(", ", authors),
                a.journalAbbrev != null ? a.journalAbbrev : a.journal, a.year, List.copyOf(a.publicationTypes),
                a.mesh.stream().map(m -> m.descriptor + (m.major ? "*" : "")).toList(), sections, tagPanel(view, suggested),
                view.mine(), view.others(), view.othersVisible(), remaining, review.reasons(), why);
    }

    private static TagPanel tagPanel(RecordView view, SuggestionDisplay suggested) {
        return TagPanel.of(view.article(), view.review().vocabulary(), suggested,
                "/reviews/" + view.review().id + "/screen/" + view.record().id + "/tags", true, null);
    }

    @POST
    @Path("/{recordId}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Object decide(@PathParam("id") long id, @PathParam("recordId") long recordId, @RestForm String decision,
                         @RestForm String reason, @RestForm String note, @RestForm("after") Long after,
                         @HeaderParam("HX-Request") String htmx) {
        Actor me = Actor.of(identity);
        try {
            ScreeningDecision d = decisions.decide(id, recordId, me, decision, reason, note);
            // the note stays out of the message: it would travel in the redirect's URL
            String done = "Saved: " + d.decision.label() + (d.reason == null ? "" : " (" + d.reason + ")") + " for record "
                    + reads.numberOf(id, recordId) + ". Press u to undo.";
            // after a skip, carry on from the record just decided, not from the start (skipped ones come last)
            long from = after != null && after > 0 ? recordId : 0;
            if (htmx != null) {
                return render(id, null, from, done, null, true);
            }
            return Redirects.notice("/reviews/" + id + "/screen" + (from > 0 ? "?after=" + from : ""), done);
        } catch (ScreeningException e) {
            if (htmx != null) {
                return render(id, recordId, 0, null, e.getMessage(), true);
            }
            return Redirects.error("/reviews/" + id + "/screen?record=" + recordId, e.getMessage());
        }
    }

    @POST
    @Path("/undo")
    public Object undo(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        Actor me = Actor.of(identity);
        try {
            Optional<Long> back = decisions.undo(id, me);
            String msg = back.isPresent() ? "Undone: your last decision is taken back; here is that record again."
                    : "There is no decision of yours to undo in this review.";
            if (htmx != null) {
                return render(id, back.orElse(null), 0, msg, null, true);
            }
            return Redirects.notice("/reviews/" + id + "/screen" + back.map(r -> "?record=" + r).orElse(""), msg);
        } catch (ScreeningException e) {
            if (htmx != null) {
                return render(id, null, 0, null, e.getMessage(), true);
            }
            return Redirects.error("/reviews/" + id + "/screen", e.getMessage());
        }
    }

    /**
     * Saves the tag panel (every dimension at once, or a suggestion accepted); with htmx only the panel is swapped, so
     * nothing else on the page (a half-written note) is lost.
     */
    @POST
    @Path("/{recordId}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object tag(@PathParam("id") long id, @PathParam("recordId") long recordId, @BeanParam TagForm form,
                      @HeaderParam("HX-Request") String htmx) {
        Actor me = Actor.of(identity);
        String page = "/reviews/" + id + "/screen?record=" + recordId + "#tags";
        try {
            String key = reads.keyOf(id, recordId);
            Map<String, Tagging.Result> r = tagging.save(key, form.changes(), form.accept(), me, id, form.version());
            String said = TagForm.said(r, form.accept());
            return htmx != null ? panelOf(id, recordId, me).withNotice(said).render() : Redirects.notice(page, said);
        } catch (ScreeningException e) {
            if (htmx == null) {
                return Redirects.error(page, e.getMessage());
            }
            TagPanel now = panelOf(id, recordId, me);
            return now.refused(e.getMessage(), form, now.version()).render();
        }
    }

    private TagPanel panelOf(long id, long recordId, Actor me) {
        RecordView view = reads.screen(id, recordId, 0, me).record().orElseThrow();
        return tagPanel(view, SuggestionDisplay.of(view.article()));
    }
}
