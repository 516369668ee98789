package org.cortexlit.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.screening.ReviewScope;
import org.cortexlit.search.EvidenceMap;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.util.List;

/** The evidence map of a query: studies per cortical target (rows) and study design (columns). */
@Path("/api/evidence-map")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceMapApi {

    /** {@code counts[r][c]} is the total of the search {@code <query> AND rows[r][target] AND columns[c][design]}. */
    public record MapJson(String query, String tags, List<String> rows, List<String> columns, List<List<Long>> counts) {
    }

    private final EvidenceMap maps;
    private final ReviewScope scopes;

    public EvidenceMapApi(EvidenceMap maps, ReviewScope scopes) {
        this.maps = maps;
        this.scopes = scopes;
    }

    @GET
    public Response map(@QueryParam("q") String q, @QueryParam("tags") String tags, @QueryParam("review") Long review)
            throws IOException {
        try {
            ReviewScope.Scope scope = review == null ? null : scopes.of(review, null, q);
            EvidenceMap.Result m = maps.of(q, EvidenceMap.Tags.parse(tags), scope == null ? null : scope.filter());
            return Response.ok(new MapJson(m.query(), m.tags().param(), m.rows(), m.columns(), m.counts())).build();
        } catch (QuerySyntaxException e) {
            return ImportsApi.error(400, e.getMessage());
        }
    }
}
