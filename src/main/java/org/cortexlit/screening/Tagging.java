package org.cortexlit.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.library.Article;
import org.cortexlit.library.IndexChanges;
import org.cortexlit.library.Tag;
import org.cortexlit.library.TagChange;
import org.cortexlit.library.TagDimension;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.SearchIndex;
import org.cortexlit.suggest.Suggestion;
import org.cortexlit.suggest.Suggestions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Changes a study's tags in one dimension: checks the values, keeps the change (who, when, before, after) in
 * {@link TagChange}, and re-indexes the article so search and facets see it at once. The article's version
 * guards against two people tagging it at the same moment: the later one is told, nothing is lost.
 */
@ApplicationScoped
public class Tagging {

    private final SearchIndex index;
    private final IndexChanges indexChanges;

    public Tagging(SearchIndex index, IndexChanges changes) {
        this.index = index;
        this.indexChanges = changes;
    }

    /** What changed: the values now, and the article version to send with the next change. */
    public record Result(List<String> values, int version, boolean changed) {
    }

    public Result set(String key, String dimension, Collection<String> values, Actor actor, Long reviewId,
                      Integer expectedVersion) {
        Map<String, Collection<String>> one = new LinkedHashMap<>();
        one.put(dimension, values);
        return setAll(key, one, actor, reviewId, expectedVersion).get(0);
    }

    /**
     * Changes several dimensions at once: every value is checked before anything is stored, the changes go in
     * one transaction (a {@link TagChange} per dimension that changed) and the article is re-indexed once.
     * Returns one result per dimension, in the order given.
     */
    public List<Result> setAll(String key, Map<String, ? extends Collection<String>> changes, Actor actor,
                               Long reviewId, Integer expectedVersion) {
        return setAll(key, changes, actor, reviewId, expectedVersion, Set.of());
    }

    /**
     * What a tag panel saves: the dimensions the form carries ({@code changes}), where those named in {@code accept}
     * take the suggested values instead of the form's ({@code "all"}: every dimension with a suggestion), in one
     * transaction at {@code expectedVersion}. The history marks the accepted ones as accepted suggestions.
     */
    public Map<String, Result> save(String key, Map<String, ? extends Collection<String>> changes, String accept,
                                    Actor actor, Long reviewId, Integer expectedVersion) {
        Map<String, Collection<String>> all = new LinkedHashMap<>(changes);
        Set<String> accepting = Set.of();
        if (accept != null && !accept.isBlank()) {
            Map<String, List<String>> suggested = suggestedChanges(key, "all".equals(accept) ? null : accept);
            all.putAll(suggested);
            accepting = suggested.keySet();
        }
        List<Result> results = setAll(key, all, actor, reviewId, expectedVersion, accepting);
        Map<String, Result> byDimension = new LinkedHashMap<>();
        int i = 0;
        for (String dimension : all.keySet()) {
            byDimension.put(TagDimension.require(dimension).key, results.get(i++));
        }
        return byDimension;
    }

    /**
     * Sets the suggested values of the article as its tags, in every dimension the suggester proposes a value for,
     * or in {@code dimension} alone when it is given; the history says they were accepted suggestions.
     */
    public List<Result> acceptSuggestions(String key, String dimension, Actor actor, Long reviewId) {
        Map<String, List<String>> changes = suggestedChanges(key, dimension);
        return setAll(key, changes, actor, reviewId, null, changes.keySet());
    }

    private static Map<String, List<String>> suggestedChanges(String key, String dimension) {
        Suggestions suggestions = QuarkusTransaction.requiringNew().call(() -> Article.findByKey(key)
                .map(Article::currentSuggestions)
                .orElseThrow(() -> ScreeningException.notFound("No article " + key + " in the corpus.")));
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (TagDimension d : TagDimension.values()) {
            List<String> values = suggestedValues(suggestions, d);
            if (!values.isEmpty() && (dimension == null || d.key.equals(dimension))) {
                changes.put(d.key, values);
            }
        }
        if (dimension != null && TagDimension.byKey(dimension).isEmpty()) {
            throw ScreeningException.invalid("There is no tag dimension '" + dimension + "'; the dimensions are "
                    + Arrays.stream(TagDimension.values()).map(d -> d.key).toList() + ".");
        }
        if (changes.isEmpty()) {
            throw ScreeningException.invalid(dimension == null
                    ? "The suggester proposes no tags for " + key + ": there is nothing to accept."
                    : "The suggester proposes no " + TagDimension.require(dimension).label.toLowerCase(Locale.ROOT)
                    + " for " + key + ": there is nothing to accept.");
        }
        return changes;
    }

    /**
     * The values a suggestion gives a dimension, as the dimension stores them: a frequency that is both high and low
     * is {@code both}; a value the dimension refuses is left out.
     */
    public static List<String> suggestedValues(Suggestions s, TagDimension d) {
        if (s == null) {
            return List.of();
        }
        List<Suggestion> of = switch (d) {
            case DESIGN -> s.design() == null ? List.of() : List.of(s.design());
            case TARGET -> s.targets();
            case MODALITY -> s.modalities();
            case FREQUENCY -> s.frequency() == null ? List.of() : List.of(s.frequency());
            case SESSIONS -> s.sessions() == null ? List.of() : List.of(s.sessions());
            case INTENSITY -> s.intensity() == null ? List.of() : List.of(s.intensity());
            case CONDITION -> s.condition() == null ? List.of() : List.of(s.condition());
        };
        Set<String> values = new LinkedHashSet<>();
        for (Suggestion x : of) {
            try {
                values.add(d.normalise(x.value()));
            } catch (IllegalArgumentException e) {
                // not a value of this dimension: nothing to offer
            }
        }
        return values.stream().sorted().toList();
    }

    private List<Result> setAll(String key, Map<String, ? extends Collection<String>> changes, Actor actor,
                                Long reviewId, Integer expectedVersion, Set<String> accepting) {
        if (!actor.editor()) {
            throw ScreeningException.forbidden("Only reviewers and admins tag studies.");
        }
        Map<TagDimension, List<String>> wanted = new LinkedHashMap<>();
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
        List<Result> results = new ArrayList<>();
        boolean changed;
        try {
            changed = QuarkusTransaction.requiringNew().call(() -> {
                Article a = Article.findByKey(key).orElseThrow(() ->
                        ScreeningException.notFound("No article " + key + " in the corpus."));
                if (expectedVersion != null && expectedVersion != a.version) {
                    throw ScreeningException.conflict("Someone changed this study (its tags or its record) since you "
                            + "loaded it; your tags were not saved. Check its tags as they are now, then save again.");
                }
                Instant now = Instant.now();
                Suggestions suggested = a.currentSuggestions();
                boolean any = false;
                for (Map.Entry<TagDimension, List<String>> w : wanted.entrySet()) {
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
                    List<String> proposal = suggestedValues(suggested, w.getKey());
                    c.suggestedValues = proposal.isEmpty() ? null : String.join("; ", proposal);
                    c.acceptedSuggestion = accepting.contains(dim);
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
