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
    private final org.cortexlit.library.IndexChanges indexChanges;

    public Tagging(SearchIndex index, org.cortexlit.library.IndexChanges changes) {
        this.index = index;
        this.indexChanges = changes;
    }

    /** What changed: the values now, and the article version to send with the next change. */
    public record Result(List<String> values, int version, boolean changed) {
    }

    public Result set(String key, String dimension, Collection<String> values, Actor actor, Long reviewId,
                      Integer expectedVersion) {
        java.util.Map<String, Collection<String>> one = new java.util.LinkedHashMap<>();
        one.put(dimension, values);
        return setAll(key, one, actor, reviewId, expectedVersion).get(0);
    }

    /**
     * Changes several dimensions at once: every value is checked before anything is stored, the changes go in
     * one transaction (a {@link TagChange} per dimension that changed) and the article is re-indexed once.
     * Returns one result per dimension, in the order given.
     */
    public List<Result> setAll(String key, java.util.Map<String, ? extends Collection<String>> changes, Actor actor,
                               Long reviewId, Integer expectedVersion) {
        if (!actor.editor()) {
            throw ScreeningException.forbidden("Only reviewers and admins tag studies.");
        }
        java.util.Map<TagDimension, List<String>> wanted = new java.util.LinkedHashMap<>();
        changes.forEach((dimension, values) -> {
            TagDimension dim;
            try {
                dim = TagDimension.require(dimension);
            } catch (IllegalArgumentException e) {
                throw ScreeningException.invalid(e.getMessage());
            }
            Set<String> normalised = new LinkedHashSet<>();
            for (String v : values == null ? List.<String>of() : values) {
                if (v != null && !v.isBlank()) {
                    try {
                        normalised.add(dim.normalise(v));
                    } catch (IllegalArgumentException e) {
                        throw ScreeningException.invalid(e.getMessage());
                    }
                }
            }
            if (!dim.multiple && normalised.size() > 1) {
                throw ScreeningException.invalid(dim.label + " takes one value, not " + normalised.size() + " ("
                        + String.join(", ", normalised) + ").");
            }
            wanted.put(dim, normalised.stream().sorted().toList());
        });
        List<Result> results = new java.util.ArrayList<>();
        boolean changed;
        try {
            changed = QuarkusTransaction.requiringNew().call(() -> {
                Article a = Article.findByKey(key).orElseThrow(() ->
                        ScreeningException.notFound("No article " + key + " in the corpus."));
                if (expectedVersion != null && expectedVersion != a.version) {
                    throw ScreeningException.conflict("Someone changed this study (its tags or its record) while you "
                            + "were looking at it; your tags were not saved. Here it is as it is now: check and tag again.");
                }
                Instant now = Instant.now();
                boolean any = false;
                for (java.util.Map.Entry<TagDimension, List<String>> w : wanted.entrySet()) {
                    String dim = w.getKey().key;
                    List<String> before = a.tagValues(dim);
                    List<String> after = w.getValue();
                    if (before.equals(after)) {
                        results.add(new Result(before, a.version, false));
                        continue;
                    }
                    a.tags.removeIf(t -> t.dimension.equals(dim));
                    for (String v : after) {
                        a.tags.add(new Tag(dim, v));
                    }
                    TagChange c = new TagChange();
                    c.articleId = a.id;
                    c.reviewId = reviewId;
                    c.dimension = dim;
                    c.before = String.join("; ", before);
                    c.after = String.join("; ", after);
                    c.actor = actor.name();
                    c.at = now;
                    c.persist();
                    results.add(new Result(after, a.version, true));
                    any = true;
                }
                if (any) {
                    a.updatedAt = now;
                    Article.getEntityManager().flush();
                    indexChanges.record(List.of(a.key()));
                }
                return any;
            });
        } catch (RuntimeException e) {
            if (Tx.isConcurrentChange(e)) {
                throw ScreeningException.conflict("Someone tagged this study at the same moment; your tags were not "
                        + "saved. Look at it again and tag.");
            }
            throw e;
        }
        if (changed) {
            reindex(key); // once, however many dimensions changed
        }
        return results;
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
