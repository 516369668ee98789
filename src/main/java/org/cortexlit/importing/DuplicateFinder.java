package org.cortexlit.importing;

import org.cortexlit.formats.Citation;
import org.cortexlit.library.Article;
import org.cortexlit.library.DuplicateRules.Keys;
import org.cortexlit.library.DuplicateRules.Rule;
import org.cortexlit.library.DuplicateRules;
import org.cortexlit.library.DuplicateSplit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, for the records of one batch that their PMID does not place, whether each is a record already
 * stored (a re-import), a duplicate of a kept article (rules 2 and 3), or new. Candidates come from indexed
 * lookups per batch (by DOI key and by title key), never a scan; records stored during the batch are added as
 * they are created, so duplicates within one file are linked too.
 */
final class DuplicateFinder {

    /** What to do with a record. */
    sealed interface Outcome permits Same, Link, Fresh {
    }

    /** The record is {@code article}, imported before: leave it or update it. */
    record Same(Article article) implements Outcome {
    }

    /** The record duplicates the kept article {@code kept}: store it linked. */
    record Link(Article kept, Rule rule) implements Outcome {
    }

    /** A new work: store it as a kept article. */
    record Fresh() implements Outcome {
    }

    private final Map<String, List<Article>> byDoi = new HashMap<>();
    private final Map<String, List<Article>> byTitle = new HashMap<>();
    /** Pairs a reviewer split: "splitId:fromId". */
    private final Set<String> splits = new HashSet<>();

    private DuplicateFinder() {
    }

    /**
     * Loads the stored records that can be the same work as one of {@code keys}: those sharing its DOI key or title
     * key, and for a record with a PMID only those without one. Two PMIDs are two citations ({@link DuplicateRules}),
     * so a PubMed record is never matched with another, and not loading them keeps the lookup as cheap at a million
     * records as at a thousand, where a common title ("Erratum") would otherwise bring hundreds of articles per batch.
     */
    static DuplicateFinder load(Collection<Keys> keys) {
        DuplicateFinder f = new DuplicateFinder();
        Set<String> dois = new HashSet<>();
        Set<String> titles = new HashSet<>();
        Set<String> unpmidDois = new HashSet<>();
        Set<String> unpmidTitles = new HashSet<>();
        for (Keys k : keys) {
            if (k.doiKey() != null) {
                (k.pmid() == null ? dois : unpmidDois).add(k.doiKey());
            }
            if (k.title() != null) {
                (k.pmid() == null ? titles : unpmidTitles).add(k.titleKey());
            }
        }
        unpmidDois.removeAll(dois);
        unpmidTitles.removeAll(titles);
        Map<Long, Article> found = new LinkedHashMap<>();
        lookUp(found, "doiKey in ?1", dois);
        lookUp(found, "doiKey in ?1 and pmid is null", unpmidDois);
        lookUp(found, "titleKey in ?1", titles);
        lookUp(found, "titleKey in ?1 and pmid is null", unpmidTitles);
        found.values().forEach(f::add);
        for (DuplicateSplit s : DuplicateSplit.involving(found.keySet())) {
            f.splits.add(s.articleId + ":" + s.fromId);
        }
        return f;
    }

    /** Adds to {@code found} the articles {@code query} finds for {@code keys}; no query when there are none. */
    private static void lookUp(Map<Long, Article> found, String query, Set<String> keys) {
        if (!keys.isEmpty()) {
            Article.<Article>list(query, keys).forEach(a -> found.put(a.id, a));
        }
    }

    /** Makes a record stored during this batch a candidate for the records after it. */
    void add(Article a) {
        if (a.doiKey != null) {
            byDoi.computeIfAbsent(a.doiKey, x -> new ArrayList<>()).add(a);
        }
        if (a.titleKey != null) {
            byTitle.computeIfAbsent(a.titleKey, x -> new ArrayList<>()).add(a);
        }
    }

    /**
     * @param r         the record
     * @param keys      its {@link Keys}
     * @param hash      its content hash
     * @param runFormat the format of the file it comes from (RIS, BIBTEX, ...)
     */
    Outcome decide(Citation r, Keys keys, String hash, String runFormat) {
        List<Article> candidates = candidates(keys);
        if (keys.pmid() == null) {
            // the same record again: identical content, or the same id in a file of the same format
            for (Article c : candidates) {
                if (c.pmid == null && hash.equals(c.contentHash)) {
                    return new Same(c);
                }
            }
            if (r.sourceId() != null) {
                for (Article c : candidates) {
                    if (c.pmid == null && r.sourceId().equals(c.sourceId) && sameFormat(c, runFormat)) {
                        return new Same(c);
                    }
                }
            }
        }
        // rule per kept article; a linked candidate stands for the article it is linked to
        Map<Long, Rule> rules = new TreeMap<>();
        Map<Long, Article> roots = new HashMap<>();
        for (Article c : candidates) {
            if (c.withdrawn) {
                continue;
            }
            Optional<Rule> rule = DuplicateRules.match(keys, c.dedupKeys());
            if (rule.isEmpty()) {
                continue;
            }
            Article root = c.duplicateOf == null ? c : Article.<Article>findById(c.duplicateOf);
            if (root == null || root.withdrawn) {
                continue;
            }
            roots.put(root.id, root);
            rules.merge(root.id, rule.get(), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
        }
        // A reviewer said S is not K's duplicate: a record like both of them follows S, the one split off.
        Set<Long> overruled = new HashSet<>();
        for (Long k : rules.keySet()) {
            for (Long s : rules.keySet()) {
                if (splits.contains(s + ":" + k)) {
                    overruled.add(k);
                }
            }
        }
        return rules.entrySet().stream()
                .filter(e -> !overruled.contains(e.getKey()))
                .min(Comparator.<Map.Entry<Long, Rule>>comparingInt(e -> e.getValue().ordinal())
                        .thenComparing(Map.Entry::getKey))
                .<Outcome>map(e -> new Link(roots.get(e.getKey()), e.getValue()))
                .orElseGet(Fresh::new);
    }

    private List<Article> candidates(Keys keys) {
        Map<Long, Article> c = new TreeMap<>();
        if (keys.doiKey() != null) {
            byDoi.getOrDefault(keys.doiKey(), List.of()).forEach(a -> c.put(a.id, a));
        }
        if (keys.title() != null) {
            byTitle.getOrDefault(keys.titleKey(), List.of()).forEach(a -> c.put(a.id, a));
        }
        return new ArrayList<>(c.values());
    }

    private static boolean sameFormat(Article c, String runFormat) {
        if (c.originRunId == null || runFormat == null) {
            return false;
        }
        ImportRun origin = ImportRun.findById(c.originRunId);
        return origin != null && runFormat.equals(origin.format);
    }
}
