package org.cortexlit.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cortexlit.suggest.Suggestions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The articles as the pages and the API read them: one article whole, the corpus in figures, articles in batches. */
@ApplicationScoped
public class Corpus {

    /** The article of {@code key} (a PMID or CL&lt;id&gt;), its tags loaded, or empty. */
    @Transactional
    public Optional<Article> article(String key) {
        Optional<Article> a = Article.findByKey(key);
        a.ifPresent(x -> x.tags.size()); // read after the transaction ends
        return a;
    }

    /** The suggested tags of the article of {@code key} by the current rules, keyed as the API shows it, or empty. */
    @Transactional
    public Optional<Suggestions> suggestions(String key) {
        return Article.findByKey(key).map(a -> a.currentSuggestions().withKey(a.key()));
    }

    /** An article's page: the article, its import history, what it duplicates and what duplicates it, its tag history. */
    public record ArticlePage(Article article, List<ArticleEvent> history, Article keptAs, List<Article> linked,
                              List<TagChange> tagHistory) {
    }

    @Transactional
    public Optional<ArticlePage> articlePage(String key) {
        return article(key).map(a -> new ArticlePage(a, ArticleEvent.forArticle(a.id),
                a.duplicateOf == null ? null : Article.findById(a.duplicateOf),
                Article.list("duplicateOf = ?1 order by id", a.id), TagChange.forArticle(a.id)));
    }

    /** Searchable articles and withdrawn ones. */
    public record Figures(long visible, long withdrawn) {
    }

    @Transactional
    public Figures figures() {
        return new Figures(Article.countVisible(), Article.countWithdrawn());
    }

    public interface ArticleWriter {
        void write(Article article) throws IOException;
    }

    /** The articles of {@code keys} handed to {@code writer} in that order, in one transaction (a page of an export). */
    @Transactional
    public void each(List<String> keys, ArticleWriter writer) {
        Map<String, Article> byKey = Article.findByKeys(keys).stream().collect(Collectors.toMap(Article::key, Function.identity()));
        try {
            for (String key : keys) {
                Article a = byKey.get(key);
                if (a != null) {
                    writer.write(a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
