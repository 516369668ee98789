package org.cortexlit.web.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.library.Article;

/** One article by PMID, withdrawn ones included (with {@code "withdrawn": true}). */
@Path("/api/pubmed")
@Produces(MediaType.APPLICATION_JSON)
public class PubmedApi {

    @GET
    @Path("/{pmid}")
    public Response get(@PathParam("pmid") String pmid) {
        ApiJson.Pubmed json = QuarkusTransaction.requiringNew().call(() ->
                Article.findByPmid(pmid.trim()).map(ApiJson.Pubmed::of).orElse(null));
        return json == null ? ImportsApi.error(404, "No article with PMID " + pmid + " in the corpus.")
                : Response.ok(json).build();
    }
}
