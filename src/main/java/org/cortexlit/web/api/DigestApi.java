package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.digest.Digests;

/**
 * Sends the weekly digest now (an admin action, for a first check of the mail setup, or for cron when the
 * built-in schedule is off). Works whether or not {@code cortexlit.digest.enabled} is on: that switch is
 * about the schedule only.
 */
@Path("/api/admin/digest")
@Produces(MediaType.APPLICATION_JSON)
public class DigestApi {

    private final Digests digests;

    public DigestApi(Digests digests) {
        this.digests = digests;
    }

    @POST
    @RolesAllowed("admin")
    public Digests.Report send() {
        return digests.run();
    }
}
