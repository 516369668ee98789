package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.search.UserSearches;
import org.jboss.resteasy.reactive.RestForm;

import java.io.IOException;
import java.util.List;

/**
 * A person's own saved searches, each with how many matching articles entered the corpus since they last
 * opened it. Opening one (a link) marks it as looked at and runs it.
 */
@Path("/my-searches")
@Produces(MediaType.TEXT_HTML)
public class MySearchesPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<UserSearches.Entry> searches, String notice, String error);
    }

    private final UserSearches searches;
    private final SecurityIdentity identity;

    public MySearchesPage(UserSearches searches, SecurityIdentity identity) {
        this.searches = searches;
        this.identity = identity;
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    @GET
    public TemplateInstance list() throws IOException {
        String notice = flash.notice();
        String error = flash.error();
        return Templates.mine(searches.list(me()), notice, error);
    }

    @BackTo("/my-searches")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String name, @RestForm String query) {
        searches.save(me(), name, query);
        return Redirects.notice("/my-searches", "Saved '" + name.strip() + "'. Its count shows what is new since you last opened it.");
    }

    /** Marks the search as looked at now and shows its results. */
    @GET
    @Path("/{id}")
    public Response open(@PathParam("id") long id) {
        return searches.open(me(), id).map(q -> Redirects.to("/search?q=" + Redirects.enc(q)))
                .orElseGet(() -> Redirects.error("/my-searches", "You have no saved search " + id + "."));
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") long id) {
        return searches.delete(me(), id) ? Redirects.notice("/my-searches", "Deleted.")
                : Redirects.error("/my-searches", "You have no saved search " + id + ".");
    }
}
