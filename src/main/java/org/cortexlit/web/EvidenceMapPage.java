package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.screening.ReviewScope;
import org.cortexlit.search.EvidenceMap;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;

/** The evidence map page: cortical target by study design for a query, of the corpus or of one review. */
@Path("/evidence-map")
@Produces(MediaType.TEXT_HTML)
public class EvidenceMapPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(String q, String tags, EvidenceMap.Result map, ReviewScope.Scope scope,
                                           String scopeParams, String error);
    }

    private final EvidenceMap maps;
    private final ReviewScope scopes;

    public EvidenceMapPage(EvidenceMap maps, ReviewScope scopes) {
        this.maps = maps;
        this.scopes = scopes;
    }

    @GET
    public TemplateInstance map(@QueryParam("q") String q, @QueryParam("tags") String tags, @QueryParam("review") Long review)
            throws IOException {
        String query = q == null ? "" : q;
        EvidenceMap.Tags which = EvidenceMap.Tags.parse(tags);
        ReviewScope.Scope scope = review == null ? null : scopes.of(review, null, query);
        String scopeParams = scope == null ? "" : "&review=" + scope.reviewId();
        try {
            return Templates.map(query, which.param(), maps.of(query, which, scope == null ? null : scope.filter()), scope,
                    scopeParams, null);
        } catch (QuerySyntaxException e) {
            return Templates.map(query, which.param(), null, scope, scopeParams, e.getMessage());
        }
    }
}
