package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.library.AbstractSection;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleEvent;
import org.cortexlit.library.Corpus;
import org.cortexlit.library.TagChange;
import org.cortexlit.library.TagDimension;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.Tagging;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.SimilarArticles;
import org.cortexlit.search.query.QuerySyntaxException;
import org.jboss.resteasy.reactive.RestForm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One article in full: metadata, the abstract with its section labels, MeSH, links out, history. */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticlePage {

    @Inject
    Corpus corpus;

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(Article article, List<ArticleEvent> history, List<SearchService.Hit> similar,
                                               Article duplicateOf, List<Article> duplicates,
                                               List<ScreenPage.TagRow> tags, List<TagChange> tagHistory,
                                               String notice, String error, Shown shown, String q);
    }

    private final SimilarArticles similarArticles;
    private final Tagging tagging;
    private final SecurityIdentity identity;
    private final SearchService search;

    public ArticlePage(SimilarArticles similarArticles, Tagging tagging, SecurityIdentity identity, SearchService search) {
        this.search = search;
        this.similarArticles = similarArticles;
        this.tagging = tagging;
        this.identity = identity;
    }

    /** {@code key}: a PMID, or CL&lt;id&gt; for a record without one. */
    @GET
    @Path("/{key}")
    public TemplateInstance article(@PathParam("key") String key, @QueryParam("q") String q) throws IOException {
        String notice = flash.notice();
        String error = flash.error();
        List<SearchService.Hit> similar = similarArticles.similarTo(Article.canonicalKey(key), 5).orElse(List.of());
        Corpus.ArticlePage page = corpus.articlePage(key)
                .orElseThrow(() -> new NotFoundException("No article " + key + " in the corpus."));
        Article a = page.article();
        Map<TagDimension, List<String>> defaults = new LinkedHashMap<>();
        for (TagDimension d : TagDimension.values()) {
            defaults.put(d, d.defaults);
        }
        return Templates.article(a, page.history(), similar, page.keptAs(), page.linked(), ScreenPage.TagRow.of(a, defaults),
                page.tagHistory(), notice, error, marked(a, q), q);
    }

    /** The article's title and abstract sections as the page shows them: with what {@code q} (the search it was reached
     * from) finds marked, where it finds something; else with their own inline markup. */
    public record Shown(String titleHtml, List<ShownSection> sections) {
    }

    public record ShownSection(String label, String html) {
    }

    private Shown marked(Article a, String q) {
        SearchService.Marked m = null;
        if (q != null && !q.isBlank()) {
            try {
                m = search.mark(q, a.title, a.abstractSections.stream().map(s -> s.text).toList());
            } catch (QuerySyntaxException | IOException e) {
                m = null; // a query that cannot be read marks nothing; the article is what the page is about
            }
        }
        List<ShownSection> sections = new ArrayList<>();
        for (int i = 0; i < a.abstractSections.size(); i++) {
            AbstractSection s = a.abstractSections.get(i);
            String html = m == null || m.sections().get(i) == null ? s.html : m.sections().get(i);
            sections.add(new ShownSection(s.label, html));
        }
        String title = m == null || m.title() == null ? a.titleHtml : m.title();
        return new Shown(title, sections);
    }

    /** Tags the study in one dimension from the article page (Post/Redirect/Get). */
    @POST
    @Path("/{key}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Response tag(@PathParam("key") String key, @RestForm String dimension, @RestForm("value") List<String> values,
                        @RestForm String free, @RestForm Integer version) {
        String page = "/articles/" + key.trim();
        try {
            Tagging.Result r = tagging.set(key.trim(), dimension, withFree(values, free), Actor.of(identity), null, version);
            return Redirects.notice(page + "#tags", r.changed() ? "Tagged " + dimension + ": "
                    + (r.values().isEmpty() ? "none" : String.join(", ", r.values())) + "." : "No change to " + dimension + ".");
        } catch (ScreeningException e) {
            return Redirects.error(page + "#tags", e.getMessage());
        }
    }

    /** Ticked values plus the comma-separated free text (sessions, intensity, conditions, other values). */
    static List<String> withFree(List<String> values, String free) {
        List<String> all = new ArrayList<>(values == null ? List.of() : values);
        if (free != null) {
            for (String v : free.split(",")) {
                if (!v.isBlank()) {
                    all.add(v.trim());
                }
            }
        }
        return all;
    }
}
