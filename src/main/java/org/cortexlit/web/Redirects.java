package org.cortexlit.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Post/Redirect/Get: a 303 to a page, with a notice or an error for the person to read there ({@link Flash}). */
final class Redirects {

    private Redirects() {
    }

    static Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static Response notice(String path, String message) {
        return Response.seeOther(URI.create(path)).cookie(Flash.notice(message)).build();
    }

    static Response error(String path, String message) {
        return Response.seeOther(URI.create(path)).cookie(Flash.error(message)).build();
    }

    /** {@code s} as a query parameter's value. */
    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
