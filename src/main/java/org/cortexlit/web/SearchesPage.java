package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.importing.ImportHistory;
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.SavedSearch;
import org.cortexlit.importing.SavedSearches;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewReads;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved PubMed searches: the list with their next and last runs (a failed run with its reason), a form to add one
 * with a schedule chosen from presets or written as a Quartz cron, "Run now", "Edit" and "Delete".
 */
@Path("/searches")
@Produces(MediaType.TEXT_HTML)
public class SearchesPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    /** A schedule a person picks by name; {@code custom} takes the cron written beside it. */
    public record Preset(String name, String label, String cron) {
    }

    static final List<Preset> PRESETS = List.of(
            new Preset("weekly", "weekly, Mondays at 06:00", SavedSearch.WEEKLY),
            new Preset("daily", "daily at 06:00", "0 0 6 * * ?"),
            new Preset("monthly", "monthly, on the 1st at 06:00", "0 0 6 1 * ?"));

    /** How a search's schedule reads on the page: a preset's words, else its cron. */
    public record Row(SavedSearch search, String schedule, String reviewName, ImportRun lastRun) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance searches(List<Row> rows, String notice, String error, List<Preset> presets,
                                                List<Review> reviews);

        static native TemplateInstance edit(SavedSearch search, String preset, String notice, String error,
                                            List<Preset> presets, List<Review> reviews);
    }

    private final SavedSearches searches;
    private final ReviewReads reviews;
    private final ImportHistory history;

    public SearchesPage(SavedSearches searches, ReviewReads reviews, ImportHistory history) {
        this.searches = searches;
        this.reviews = reviews;
        this.history = history;
    }

    @GET
    public TemplateInstance list() {
        String notice = flash.notice();
        String error = flash.error();
        List<Review> all = reviews.all();
        Map<Long, String> names = new HashMap<>();
        all.forEach(r -> names.put(r.id, r.name));
        Map<Long, ImportRun> latest = history.latestOfSavedSearches();
        List<Row> rows = searches.all().stream().map(x -> new Row(x, scheduleWords(x.schedule),
                x.reviewId == null ? null : names.getOrDefault(x.reviewId, "review " + x.reviewId), latest.get(x.id))).toList();
        return Templates.searches(rows, notice, error, PRESETS, all);
    }

    static String scheduleWords(String cron) {
        return PRESETS.stream().filter(p -> p.cron().equals(cron)).map(Preset::label).findFirst().orElse(cron);
    }

    /** The cron a form asks for: a preset's, or the one written beside "custom". */
    private static String cron(String preset, String schedule) {
        return preset == null || preset.isBlank() || preset.equals("custom") ? schedule
                : PRESETS.stream().filter(p -> p.name().equals(preset)).map(Preset::cron).findFirst()
                .orElseThrow(() -> new SavedSearches.InvalidSearch("schedule '" + preset + "' is not one of "
                        + PRESETS.stream().map(Preset::name).toList() + " or custom."));
    }

    private static Long reviewId(String reviewId) {
        if (reviewId == null || reviewId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(reviewId.trim());
        } catch (NumberFormatException e) {
            throw new SavedSearches.InvalidSearch("review '" + reviewId + "' is not a review's id; choose one from the list.");
        }
    }

    /** Post/Redirect/Get: back to the list, or to the list with the problem named. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(@RestForm String name, @RestForm String query, @RestForm String preset,
                           @RestForm String schedule, @RestForm String reviewId) {
        try {
            SavedSearch s = searches.create(name, query, cron(preset, schedule), reviewId(reviewId));
            return Redirects.notice("/searches", "Saved \"" + s.name + "\": it runs " + scheduleWords(s.schedule)
                    + ", first on " + TemplateExtensions.when(s.nextRunAt) + ".");
        } catch (SavedSearches.InvalidSearch e) {
            return Redirects.error("/searches", e.getMessage());
        }
    }

    /** The form to change a search, filled with what it has now; its schedule shown as a preset where it is one. */
    @GET
    @Path("/{id}/edit")
    @RolesAllowed({"admin", "reviewer"})
    public TemplateInstance edit(@PathParam("id") long id) {
        String notice = flash.notice();
        String error = flash.error();
        SavedSearch s = searches.find(id).orElseThrow(() -> new NotThere("There is no saved search " + id + "."));
        String preset = PRESETS.stream().filter(p -> p.cron().equals(s.schedule)).map(Preset::name).findFirst()
                .orElse("custom");
        return Templates.edit(s, preset, notice, error, PRESETS, reviews.all());
    }

    /** Post/Redirect/Get: to the list when saved, back to the form with the problem named when not. */
    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String query,
                           @RestForm String preset, @RestForm String schedule, @RestForm String reviewId) {
        String form = "/searches/" + id + "/edit";
        try {
            return searches.update(id, name, query, cron(preset, schedule), reviewId(reviewId))
                    .map(s -> Redirects.notice("/searches", "Saved \"" + s.name + "\": it runs "
                            + scheduleWords(s.schedule) + ", next on " + TemplateExtensions.when(s.nextRunAt) + "."))
                    .orElseGet(() -> Redirects.error("/searches", "There is no saved search " + id + "."));
        } catch (SavedSearches.InvalidSearch e) {
            return Redirects.error(form, e.getMessage());
        } catch (SavedSearches.AlreadyRunning e) {
            return Redirects.error(form, "Saved search " + id + " is running as import run " + e.runId
                    + "; nothing changed. Save again when the run has finished.");
        }
    }

    @POST
    @Path("/{id}/run")
    @RolesAllowed({"admin", "reviewer"})
    public Response run(@PathParam("id") long id) {
        try {
            return Response.seeOther(URI.create("/imports/" + searches.run(id, ImportRun.Trigger.MANUAL).runId())).build();
        } catch (SavedSearches.AlreadyRunning e) {
            return Response.seeOther(URI.create("/imports/" + e.runId)).build();
        } catch (SavedSearches.InvalidSearch e) {
            return Redirects.error("/searches", e.getMessage());
        }
    }

    /** Deletes a saved search; the runs it made, and the records they brought, stay. */
    @POST
    @Path("/{id}/delete")
    @RolesAllowed({"admin", "reviewer"})
    public Response delete(@PathParam("id") long id) {
        return searches.delete(id) ? Redirects.notice("/searches", "Deleted saved search " + id + "; its runs and the "
                + "records they imported stay.") : Redirects.error("/searches", "There is no saved search " + id + ".");
    }
}
