package org.cortexlit.web.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.List;

/**
 * The OpenAPI document ({@code /q/openapi}) describes the JSON API under {@code /api/} only: the HTML pages are
 * endpoints too, but they are for browsers, not for scripts. Applied when the application is built, so a start does
 * not read and filter the document again.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiOnlyDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream().filter(p -> !p.startsWith("/api/")).toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
    }

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        return pathItem;
    }
}
