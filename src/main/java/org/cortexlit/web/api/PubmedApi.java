package org.cortexlit.web.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.library.Article;
import org.cortexlit.library.Corpus;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.Tagging;
import org.cortexlit.search.SimilarArticles;

import java.io.IOException;
import java.util.List;

/**
 * One article by PMID (or by CL&lt;id&gt;, the key of a record without PMID), withdrawn ones and linked duplicates
 * included ({@code "withdrawn": true}, {@code "duplicateOf": key}).
 */
@Path("/api/pubmed")
@Produces(MediaType.APPLICATION_JSON)
public class PubmedApi {

    @Inject
    Corpus corpus;

    private final SimilarArticles similar;
    private final Tagging tagging;
    private final SecurityIdentity identity;

    public PubmedApi(SimilarArticles similar, Tagging tagging,
                     SecurityIdentity identity) {
        this.similar = similar;
        this.tagging = tagging;
        this.identity = identity;
    }

    /** What {@code PUT /api/pubmed/{key}/tags/{dimension}} takes: the dimension's values, and optionally the
     * article version the caller saw (409 when it changed since). */
    public record TagsBody(List<String> values, Integer version) {
    }

    /** Sets a study's values in one tag dimension (an empty list clears it); answers the article with its tags. */
    @PUT
    @Path("/{key}/tags/{dimension}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "reviewer"})
    public Response tag(@PathParam("key") String key, @PathParam("dimension") String dimension, TagsBody body) {
        if (body == null || body.values() == null) {
            return ImportsApi.error(400, "Send JSON: {\"values\": [\"M1\", ...], \"version\": optional}.");
        }
        tagging.set(key.trim(), dimension, body.values(), Actor.of(identity), null, body.version());
        return get(key);
    }

    /** Articles like this one (title words count double, then abstract words and MeSH); {@code size} 1-100. */
    @GET
    @Path("/{key}/similar")
    public Response similar(@PathParam("key") String key, @QueryParam("size") @DefaultValue("10") int size)
            throws IOException {
        if (size < 1 || size > 100) {
            return ImportsApi.error(400, "size must be between 1 and 100, not " + size + ".");
        }
        String canonical = Article.canonicalKey(key);
        return similar.similarTo(canonical, size)
                .map(hits -> Response.ok(ApiJson.Similar.of(canonical, hits)).build())
                .orElseGet(() -> ImportsApi.error(404, "No searchable article with "
                        + (Article.internalId(key) == null ? "PMID " : "key ") + key + " in the corpus."));
    }

    /**
     * The tags the suggester proposes for the article, each with its confidence and the spans of text it relied on:
     * {@code {"key","version","design":{...}|null,"targets":[...],"modalities":[...],"frequency":{...}|null,
     * "sessions":{...}|null,"intensity":{...}|null,"condition":{...}|null}}.
     */
    @GET
    @Path("/{key}/suggestions")
    public Response suggestions(@PathParam("key") String key) {
        return corpus.suggestions(key).map(s -> Response.ok(s).build())
                .orElseGet(() -> ImportsApi.error(404, "No article with " + (Article.internalId(key) == null ? "PMID "
                        : "key ") + key + " in the corpus."));
    }

    @GET
    @Path("/{key}")
    public Response get(@PathParam("key") String key) {
        ApiJson.Pubmed json = corpus.article(key).map(ApiJson.Pubmed::of).orElse(null);
        return json == null ? ImportsApi.error(404, "No article with " + (Article.internalId(key) == null ? "PMID " : "key ")
                + key + " in the corpus.")
                : Response.ok(json).build();
    }
}
