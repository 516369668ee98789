package org.cortexlit.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cortexlit.screening.ScreeningException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** A screening request that cannot be done: its message, with the matching status (JSON under /api/). */
public class ScreeningErrors {

    @ServerExceptionMapper
    public Response map(ScreeningException e, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
        }
        return Response.status(e.httpStatus()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(e.getMessage()).build();
    }
}
