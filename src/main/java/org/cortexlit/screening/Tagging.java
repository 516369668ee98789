package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.library.Article;
import org.cortexlit.library.Tag;
import org.cortexlit.library.TagChange;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.SearchIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes a study's tags in one dimension: checks the values, keeps the change (who, when, before, after) in
 * {@link TagChange}, and re-indexes the article so search and facets see it at once. The article's version
 * guards against two people tagging it at the same moment: the later one is told, nothing is lost.
 */
@ApplicationScoped
public class Tagging {

    private final SearchIndex index;

    public Tagging(SearchIndex index) {
        this.index = index;
    }

    /** What changed: the values now, and the article version to send with the next change. */
    public record Result(List<String> values, int version, boolean changed) {
    }

    public Result set(String key, String dimension, Collection<String> values, Actor actor, Long reviewId,
                      Integer expectedVersion) {
        if (!actor.editor()) {
            throw ScreeningException.forbidden("Only reviewers and admins tag studies.");
        }
        TagDimension dim;
        try {
            dim = TagDimension.require(dimension);
        } catch (IllegalArgumentException e) {
            throw ScreeningException.invalid(e.getMessage());
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v != null && !v.isBlank()) {
                try {
                    wanted.add(dim.normalise(v));
                } catch (IllegalArgumentException e) {
                    throw ScreeningException.invalid(e.getMessage());
                }
            }
        }
        if (!dim.multiple && wanted.size() > 1) {
            throw ScreeningException.invalid(dim.label + " takes one value, not " + wanted.size() + " (" + String.join(", ", wanted) + ").");
        }
        Result result;
        Article saved;
        try {
            Object[] out = QuarkusTransaction.requiringNew().call(() -> {
                Article a = Article.findByKey(key).orElseThrow(() ->
                        ScreeningException.notFound("No article " + key + " in the corpus."));
                if (expectedVersion != null && expectedVersion != a.version) {
                    throw ScreeningException.conflict("Someone changed this study (its tags or its record) while you "
                            + "were looking at it; your tags were not saved. Here it is as it is now: check and tag again.");
                }
                List<String> before = a.tagValues(dim.key);
                List<String> after = wanted.stream().sorted().toList();
                if (before.equals(after)) {
                    return new Object[]{new Result(before, a.version, false), null};
                }
                a.tags.removeIf(t -> t.dimension.equals(dim.key));
                for (String v : after) {
                    a.tags.add(new Tag(dim.key, v));
                }
                a.updatedAt = Instant.now();
                TagChange c = new TagChange();
                c.articleId = a.id;
                c.reviewId = reviewId;
                c.dimension = dim.key;
                c.before = String.join("; ", before);
                c.after = String.join("; ", after);
                c.actor = actor.name();
                c.at = a.updatedAt;
                c.persist();
                Article.getEntityManager().flush();
                return new Object[]{new Result(after, a.version, true), a};
            });
            result = (Result) out[0];
            saved = (Article) out[1];
        } catch (RuntimeException e) {
            if (Screening.isConcurrentChange(e)) {
                throw ScreeningException.conflict("Someone tagged this study at the same moment; your tags were not "
                        + "saved. Look at it again and tag.");
            }
            throw e;
        }
        if (saved != null) {
            reindex(key);
        }
        return result;
    }

    private void reindex(String key) {
        QuarkusTransaction.requiringNew().run(() -> Article.findByKey(key).ifPresent(a -> {
            if (a.visible()) {
                index.apply(List.of(ArticleDocuments.toDocument(a)), List.of(), a.updatedAt);
            }
        }));
        index.commit();
    }

    public static List<TagChange> history(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> TagChange.forArticle(articleId));
    }

    /** The values each dimension holds for the article, for forms. */
    public static List<String> values(Article a, TagDimension d) {
        return new ArrayList<>(a.tagValues(d.key));
    }
}
