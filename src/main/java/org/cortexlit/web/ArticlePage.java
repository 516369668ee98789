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
        static native TemplateInstance article(Article article, List<ArticleEvent> history, List<SearchService.Hit> similar);
    }

    private final SimilarArticles similarArticles;

    public ArticlePage(SimilarArticles similarArticles) {
        this.similarArticles = similarArticles;
    }

    @GET
    @Path("/{pmid}")
    public TemplateInstance article(@PathParam("pmid") String pmid) throws IOException {
        List<SearchService.Hit> similar = similarArticles.similarTo(pmid.trim(), 5).orElse(List.of());
        return QuarkusTransaction.requiringNew().call(() -> {
            Article a = Article.findByPmid(pmid.trim())
                    .orElseThrow(() -> new NotFoundException("No article with PMID " + pmid + " in the corpus."));
            // touch the lazy lists inside the transaction: the template renders after it ends
            a.abstractSections.size();
            a.authors.size();
            a.mesh.size();
            a.publicationTypes.size();
            a.keywords.size();
            a.identifiers.size();
            return Templates.article(a, ArticleEvent.forArticle(a.id), similar);
        });
    }
}
