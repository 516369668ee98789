package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.library.AbstractSection;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleEvent;
import org.cortexlit.library.Corpus;
import org.cortexlit.library.SuggestionDisplay;
import org.cortexlit.screening.Actor;
import org.cortexlit.screening.ScreeningException;
import org.cortexlit.screening.Tagging;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.SimilarArticles;
import org.cortexlit.search.query.QuerySyntaxException;
import org.jboss.resteasy.reactive.RestForm;

import java.io.IOException;
import java.util.ArrayList;
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
                                               TagPanel tags, Shown shown, String q);
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
                .orElseThrow(() -> new NotThere("No article " + key + " in the corpus."));
        Article a = page.article();
        SuggestionDisplay suggested = SuggestionDisplay.of(a);
        return Templates.article(a, page.history(), similar, page.keptAs(), page.linked(), tagPanel(page, suggested)
                .withMessages(notice, error), marked(a, q, suggested), q);
    }

    private TagPanel tagPanel(Corpus.ArticlePage page, SuggestionDisplay suggested) {
        return TagPanel.of(page.article(), TagPanel.defaultVocabulary(), suggested, "/articles/" + page.article().key() + "/tags",
                Actor.of(identity).editor(), page.tagHistory());
    }

    /** The article's title and abstract sections as the page shows them: reached from a search ({@code q}), with what
     * the search finds marked, where it finds something; else with the suggested tags' evidence underlined. Either way
     * with their own inline markup. */
    public record Shown(String titleHtml, List<ShownSection> sections) {
    }

    public record ShownSection(String label, String html) {
    }

    private Shown marked(Article a, String q, SuggestionDisplay suggested) {
        SearchService.Marked m = null;
        if (q != null && !q.isBlank()) {
            try {
                m = search.mark(q, a.title, a.abstractSections.stream().map(s -> s.text).toList());
            } catch (QuerySyntaxException | IOException e) {
                m = null; // a query that cannot be read marks nothing; the article is what the page is about
            }
        }
        // one kind of marks at a time: a page reached from a search is about what the search found
        boolean evidence = q == null || q.isBlank();
        List<ShownSection> sections = new ArrayList<>();
        for (int i = 0; i < a.abstractSections.size(); i++) {
            AbstractSection s = a.abstractSections.get(i);
            String html = m == null || m.sections().get(i) == null ? s.html : m.sections().get(i);
            sections.add(new ShownSection(s.label, evidence ? suggested.markSection(i, html) : html));
        }
        String title = m == null || m.title() == null ? a.titleHtml : m.title();
        return new Shown(evidence ? suggested.markTitle(title) : title, sections);
    }

    /**
     * Saves the article's tag panel (every dimension at once, or a suggestion accepted): with htmx the panel alone is
     * swapped in; without, Post/Redirect/Get.
     */
    @POST
    @Path("/{key}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "reviewer"})
    public Object tag(@PathParam("key") String key, @BeanParam TagForm form, @HeaderParam("HX-Request") String htmx) {
        String page = "/articles/" + key.trim() + "#tags";
        try {
            Map<String, Tagging.Result> r = tagging.save(key.trim(), form.changes(), form.accept(), Actor.of(identity), null,
                    form.version());
            String said = TagForm.said(r, form.accept());
            return htmx != null ? panelOf(key).withNotice(said).render() : Redirects.notice(page, said);
        } catch (ScreeningException e) {
            if (htmx == null) {
                return Redirects.error(page, e.getMessage());
            }
            TagPanel now = panelOf(key);
            return now.refused(e.getMessage(), form, now.version()).render();
        }
    }

    private TagPanel panelOf(String key) {
        Corpus.ArticlePage page = corpus.articlePage(key.trim())
                .orElseThrow(() -> new NotThere("No article " + key + " in the corpus."));
        return tagPanel(page, SuggestionDisplay.of(page.article()));
    }
}
