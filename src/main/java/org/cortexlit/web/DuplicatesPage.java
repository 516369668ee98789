package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.importing.Duplicates;
import org.cortexlit.screening.Actor;


/** Duplicate groups: each kept article with the records linked to it, and a Split button per wrong pair. */
@Path("/duplicates")
@Produces(MediaType.TEXT_HTML)
public class DuplicatesPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance duplicates(Duplicates.Page result, Duplicates.Prisma prisma, String notice, String error);
    }

    private final Duplicates duplicates;
    private final SecurityIdentity identity;

    public DuplicatesPage(Duplicates duplicates, SecurityIdentity identity) {
        this.duplicates = duplicates;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("1") int page) {
        String notice = flash.notice();
        String error = flash.error();
        return Templates.duplicates(duplicates.groups(Paging.of(page, PAGE_SIZE, PAGE_SIZE).page(), PAGE_SIZE),
                duplicates.prisma(), notice, error);
    }

    /** Post/Redirect/Get: the record becomes its own article and the list says so. */
    @POST
    @Path("/{key}/split")
    @RolesAllowed({"admin", "reviewer"})
    @BackTo("/duplicates")
    public Response split(@PathParam("key") String key) {
        Duplicates.Split done = duplicates.split(key, Actor.of(identity).name());
        return Redirects.notice("/duplicates", done.key() + " is now an article of its own, searchable, and will not "
                + "be linked to " + done.from() + " again.");
    }
}
