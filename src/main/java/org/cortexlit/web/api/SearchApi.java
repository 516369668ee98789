package org.cortexlit.web.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.screening.ReviewScope;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Search the corpus with PubMed syntax. A query the translator rejects gets 400 with the reason. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    private final SearchService search;
    private final ReviewScope scopes;

    public SearchApi(SearchService search, ReviewScope scopes) {
        this.search = search;
        this.scopes = scopes;
    }

    @GET
    public Response search(@QueryParam("q") String q,
                           @QueryParam("page") @DefaultValue("1") String page,
                           @QueryParam("size") @DefaultValue("20") String size,
                           @QueryParam("sort") String sort, @QueryParam("review") Long review,
                           @QueryParam("status") String status) throws IOException {
        try {
            ReviewScope.Scope scope = review == null ? null : scopes.of(review, status, q);
            SearchService.Result r = search.search(q, parse("page", page), parse("size", size), SearchService.Order.parse(sort),
                    scope == null ? null : scope.filter());
            ApiJson.Search json = ApiJson.Search.of(r);
            if (scope != null) { // the screening status of the hits within that review
                Map<String, Long> byStatus = new LinkedHashMap<>();
                scope.statusCounts().forEach((s, n) -> byStatus.put(s.name(), n));
                json.facets().put("status", byStatus);
            }
            return Response.ok(json).build();
        } catch (QuerySyntaxException e) {
            return ImportsApi.error(400, e.getMessage());
        }
    }

    static int parse(String name, String value) throws QuerySyntaxException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new QuerySyntaxException(name + " must be a whole number, not '" + value + "'", 0);
        }
    }
}
