package org.cortexlit.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Where the page being rendered is, so the navigation can mark its section: {@code inject:here.in('/reviews')}. */
@Named("here")
@RequestScoped
public class Here {

    private final String path;

    public Here(HttpServerRequest request) {
        this.path = request.path() == null ? "/" : request.path();
    }

    /** Whether this page is {@code section} or one of its pages ({@code /reviews/3/screen} is in {@code /reviews}). */
    public boolean in(String section) {
        return path.equals(section) || path.startsWith(section + "/");
    }
}
