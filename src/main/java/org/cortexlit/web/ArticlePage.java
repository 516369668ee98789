package org.cortexlit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cortexlit.library.Article;
import org.cortexlit.library.ArticleEvent;
import org.cortexlit.search.SearchService;
import org.cortexlit.search.SimilarArticles;

import java.io.IOException;

import java.util.List;

/** One article in full: metadata, the abstract with its section labels, MeSH, links out, history. */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticlePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(Article article, List<ArticleEvent> history, List<SearchService.Hit> similar,
                                               Article duplicateOf, List<Article> duplicates);
    }

    private final SimilarArticles similarArticles;

    public ArticlePage(SimilarArticles similarArticles) {
        this.similarArticles = similarArticles;
    }

    /** {@code key}: a PMID, or CL&lt;id&gt; for a record without one. */
    @GET
    @Path("/{key}")
    public TemplateInstance article(@PathParam("key") String key) throws IOException {
        List<SearchService.Hit> similar = similarArticles.similarTo(Article.canonicalKey(key), 5).orElse(List.of());
        return QuarkusTransaction.requiringNew().call(() -> {
            Article a = Article.findByKey(key)
                    .orElseThrow(() -> new NotFoundException("No article " + key + " in the corpus."));
            // touch the lazy lists inside the transaction: the template renders after it ends
            a.abstractSections.size();
            a.authors.size();
            a.mesh.size();
            a.publicationTypes.size();
            a.keywords.size();
            a.identifiers.size();
            Article kept = a.duplicateOf == null ? null : Article.findById(a.duplicateOf);
            List<Article> linked = Article.list("duplicateOf = ?1 order by id", a.id);
            return Templates.article(a, ArticleEvent.forArticle(a.id), similar, kept, linked);
        });
    }
}
