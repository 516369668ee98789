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
import org.cortexlit.importing.ImportRun;
import org.cortexlit.importing.SavedSearch;
import org.cortexlit.importing.SavedSearches;
import org.cortexlit.screening.Review;
import org.cortexlit.screening.ReviewReads;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/** Saved PubMed searches: the list with their next and last runs, a form to add one, a "Run now" button. */
@Path("/searches")
@Produces(MediaType.TEXT_HTML)
public class SearchesPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance searches(List<SavedSearch> searches, String error, String weekly,
                                                List<Review> reviews);
    }

    private final SavedSearches searches;
    private final ReviewReads reviews;

    public SearchesPage(SavedSearches searches, ReviewReads reviews) {
        this.searches = searches;
        this.reviews = reviews;
    }

    @GET
    public TemplateInstance list() {
        String error = flash.error();
        return Templates.searches(searches.all(), error, SavedSearch.WEEKLY, reviews.all());
    }

    /** Post/Redirect/Get: back to the list, or to the list with the problem named. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response create(@RestForm String name, @RestForm String query, @RestForm String schedule,
                           @RestForm String reviewId) {
        try {
            searches.create(name, query, schedule, reviewId == null || reviewId.isBlank() ? null : Long.valueOf(reviewId.trim()));
            return Response.seeOther(URI.create("/searches")).build();
        } catch (SavedSearches.InvalidSearch | NumberFormatException e) {
            return Redirects.error("/searches", e.getMessage());
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
}
