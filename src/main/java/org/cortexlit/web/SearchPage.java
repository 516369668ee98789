package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.screening.ReviewScope;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.search.Facets;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.web.api.ExportApi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Search results: the query as understood, the total, a page of highlighted hits. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(String q, String sort, SearchService.Result result, String error,
                                               List<SearchService.Order> orders,
                                               ReviewScope.Scope scope, String scopeParams,
                                               SearchIndex.RebuildProgress rebuilding, List<Facets.ActiveFilter> filters,
                                               BarChart yearChart, List<FacetView> facets);
    }

    /** A facet as the page shows it: each value with the link it leads to, narrowing the search or taking it back. */
    public record FacetView(Facets.Dimension dimension, List<FacetLink> values) {
    }

    /** A facet value, named as a person reads it; {@code active} when the search is already narrowed to it. */
    public record FacetLink(String label, long count, String href, boolean active) {
    }

    private static final List<SearchService.Order> ORDERS = List.of(SearchService.Order.values());

    private final SearchService search;
    private final ExportApi export;
    private final ReviewScope scopes;

    private final SearchIndex index;

    public SearchPage(SearchService search, ExportApi export, ReviewScope scopes,
                      SearchIndex index) {
        this.search = search;
        this.index = index;
        this.export = export;
        this.scopes = scopes;
    }

    /** The results as a download for people signed in on the pages; scripts use /api/search/export. */
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-research-info-systems", "text/plain", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("q") String q, @QueryParam("format") String format,
                                              @QueryParam("sort") String sort, @QueryParam("max") Integer max)
            throws IOException {
        return export.export(q, format, sort, max);
    }

    @GET
    public TemplateInstance results(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("1") int page,
                                    @QueryParam("sort") String sort, @QueryParam("review") Long review,
                                    @QueryParam("status") String status) throws IOException {
        String query = q == null ? "" : q;
        ReviewScope.Scope scope = null;
        String params = "";
        if (review != null) {
            try {
                scope = scopes.of(review, status, query);
                params = "&review=" + review + (scope.status() == null ? "" : "&status=" + scope.status().name());
            } catch (ScreeningException e) {
                return page(query, sort, null, e.getMessage(), null, "");
            }
        }
        if (query.isBlank()) {
            return page(query, sort, null, null, scope, params);
        }
        try {
            SearchService.Order order = SearchService.Order.parse(sort);
            return page(query, order.param(), search.search(query, page, 20, order, scope == null ? null : scope.filter()),
                    null, scope, params);
        } catch (QuerySyntaxException e) {
            return page(query, sort, null, e.getMessage(), scope, params);
        }
    }

    private TemplateInstance page(String query, String sort, SearchService.Result result, String error,
                                  ReviewScope.Scope scope, String scopeParams) {
        Facets.Narrowing narrowing = new Facets.Narrowing(query);
        return Templates.results(query, sort, result, error, ORDERS, scope, scopeParams, index.rebuildProgress(),
                narrowing.filters(), result == null ? null : yearChart(narrowing, result, scopeParams),
                result == null ? List.of() : facets(narrowing, result, scopeParams));
    }

    /** Every facet value of {@code result} with its link: the search narrowed to it, or taken back when it is. */
    static List<FacetView> facets(Facets.Narrowing narrowing, SearchService.Result result, String scopeParams) {
        List<FacetView> views = new ArrayList<>(result.facets().size());
        for (SearchService.Facet f : result.facets()) {
            List<FacetLink> links = new ArrayList<>(f.values().size());
            for (SearchService.FacetValue v : f.values()) {
                boolean active = narrowing.active(f.dimension(), v.value());
                String target = active ? narrowing.widen(f.dimension(), v.value()) : narrowing.narrow(f.dimension(), v.value());
                links.add(new FacetLink(f.dimension().display(v.value()), v.count(), searchHref(target, result, scopeParams),
                        active));
            }
            views.add(new FacetView(f.dimension(), links));
        }
        return views;
    }

    private static String searchHref(String query, SearchService.Result result, String scopeParams) {
        return "/search?q=" + Redirects.enc(query) + "&sort=" + result.order().param() + scopeParams;
    }

    /** The most years the histogram spans: the latest ones, where the results gather. */
    static final int CHART_YEARS = 40;

    /** Records per year as bars, every year from the first to the last with a record, each bar narrowing to it. */
    static BarChart yearChart(Facets.Narrowing narrowing, SearchService.Result result, String scopeParams) {
        TreeMap<Integer, Long> byYear = new TreeMap<>();
        result.facets().stream().filter(f -> f.dimension().equals(Facets.YEAR)).flatMap(f -> f.values().stream())
                .filter(v -> v.value().matches("\\d{4}")).forEach(v -> byYear.put(Integer.parseInt(v.value()), v.count()));
        if (byYear.size() < 2) {
            return null;
        }
        int last = byYear.lastKey();
        int first = Math.max(byYear.firstKey(), last - CHART_YEARS + 1);
        List<String> years = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        long[][] counts = new long[1][last - first + 1];
        for (int y = first; y <= last; y++) {
            years.add(String.valueOf(y));
            counts[0][y - first] = byYear.getOrDefault(y, 0L);
            hrefs.add(searchHref(narrowing.narrow(Facets.YEAR, String.valueOf(y)), result, scopeParams));
        }
        return BarChart.of("year-chart", "Records per year, " + first + " to " + last, 260, 110, years,
                List.of("records"), counts, hrefs);
    }
}
