package org.cortexlit.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only addresses that fail as a bug would, for the error pages' tests: a page and an API call. */
@Path("/")
public class FailingResource {

    @GET
    @Path("test-only/fail")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        throw new IllegalStateException("secret detail");
    }

    @GET
    @Path("api/test-only/fail")
    @Produces(MediaType.APPLICATION_JSON)
    public String api() {
        throw new IllegalStateException("secret detail");
    }
}
