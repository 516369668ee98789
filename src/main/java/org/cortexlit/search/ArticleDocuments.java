package org.cortexlit.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.cortexlit.library.Article;
import org.cortexlit.library.Author;
import org.cortexlit.library.MeshHeading;
import org.cortexlit.library.Tag;
import org.cortexlit.library.TagDimension;
import org.cortexlit.suggest.Suggestion;
import org.cortexlit.suggest.Suggestions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns an article into its Lucene document. The only place that decides what is indexed. */
public final class ArticleDocuments {

    private ArticleDocuments() {
    }

    /**
     * Short list fields (authors, MeSH, keywords, publication types, journal) are indexed without norms: length
     * normalisation means nothing for a list of headings, and their norms, sparse across documents, cost a third of
     * the index thread's time at every segment flush (JFR, import benchmark). Title and abstract keep theirs.
     */
    private static final FieldType LIST = listType(false);
    private static final FieldType LIST_STORED = listType(true);

    private static FieldType listType(boolean stored) {
        FieldType t = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    /**
     * Copies every value of the {@link IndexFields#ALL_TEXT} fields of {@code d} into {@link IndexFields#ALL}, where
     * untagged words are searched; the title's values twice, so a word in the title weighs more. Call it once the
     * text fields are in.
     */
    public static void addCatchAll(Document d) {
        List<String> values = new ArrayList<>();
        for (IndexableField f : d.getFields()) {
            if (IndexFields.ALL_TEXT.contains(f.name()) && f.stringValue() != null && !f.stringValue().isEmpty()) {
                values.add(f.stringValue());
                if (f.name().equals(IndexFields.TITLE)) {
                    values.add(f.stringValue());
                }
            }
        }
        for (String v : values) {
            d.add(new Field(IndexFields.ALL, v, TextField.TYPE_NOT_STORED));
        }
    }

    /** The term of the document of the article with this key (a PMID or CL&lt;id&gt;). */
    public static Term idTerm(String key) {
        return new Term(IndexFields.KEY, key);
    }

    /** The document of a visible article (neither withdrawn nor a linked duplicate). */
    public static Document toDocument(Article a) {
        Document d = new Document();
        d.add(new StringField(IndexFields.KEY, a.key(), Field.Store.YES));
        if (a.pmid != null) {
            d.add(new StringField(IndexFields.PMID, a.pmid, Field.Store.YES));
        }
        // PMIDs are positive; records without one sort after them by internal id, so ties still break uniquely
        d.add(new NumericDocValuesField(IndexFields.PMID_SORT, a.pmid != null ? parseLong(a.pmid) : -a.id));
        if (a.doi != null && !a.doi.isBlank()) {
            d.add(new StringField(IndexFields.DOI, normaliseDoi(a.doi), Field.Store.YES));
        }
        d.add(new TextField(IndexFields.TITLE, a.title == null ? "" : a.title, Field.Store.YES));
        String authorLine = Author.line(a.authors, 3);
        if (!authorLine.isEmpty()) {
            d.add(new StoredField(IndexFields.AUTHOR_LINE, authorLine));
        }
        if (a.vernacularTitle != null && !a.vernacularTitle.isBlank()) {
            d.add(new TextField(IndexFields.TITLE, a.vernacularTitle, Field.Store.NO));
        }
        String abstractText = a.abstractText();
        if (!abstractText.isEmpty()) {
            d.add(new TextField(IndexFields.ABSTRACT, abstractText, Field.Store.YES));
        } else {
            d.add(new TextField(IndexFields.ABSTRACT, "", Field.Store.NO)); // keeps the abstract's norms dense (cheaper)
        }
        String firstKey = null;
        String lastKey = null;
        for (Author au : a.authors) {
            String name = au.searchName();
            if (!name.isBlank()) {
                d.add(new Field(IndexFields.AUTHOR, name, LIST));
                String key = AuthorKeys.key(name);
                if (!key.isEmpty()) {
                    d.add(new StringField(IndexFields.AUTHOR_KEY, key, Field.Store.NO));
                    firstKey = firstKey == null ? key : firstKey;
                    lastKey = key;
                }
            }
        }
        if (firstKey != null) {
            d.add(new SortedDocValuesField(IndexFields.FIRST_AUTHOR_SORT, new BytesRef(firstKey)));
            d.add(new StringField(IndexFields.FIRST_AUTHOR_KEY, firstKey, Field.Store.NO));
            d.add(new StringField(IndexFields.LAST_AUTHOR_KEY, lastKey, Field.Store.NO));
        }
        for (MeshHeading m : a.mesh) {
            d.add(new Field(IndexFields.MESH, m.descriptor, LIST_STORED)); // stored: "similar articles" reads it
            if (m.major) {
                d.add(new Field(IndexFields.MESH_MAJOR, m.descriptor, LIST));
            }
        }
        for (String k : a.keywords) {
            d.add(new Field(IndexFields.KEYWORD, k, LIST));
        }
        for (String pt : a.publicationTypes) {
            d.add(new Field(IndexFields.PUBLICATION_TYPE, pt, LIST));
            if (!pt.isBlank()) {
                d.add(new SortedSetDocValuesFacetField(Facets.PUBLICATION_TYPE.name(), pt.trim()));
            }
        }
        if (a.journal != null && !a.journal.isBlank()) {
            d.add(new Field(IndexFields.JOURNAL, a.journal, LIST_STORED));
            d.add(new SortedDocValuesField(IndexFields.JOURNAL_SORT, new BytesRef(a.journal.trim().toLowerCase(Locale.ROOT))));
            d.add(new SortedSetDocValuesFacetField(Facets.JOURNAL.name(), a.journal.trim()));
        }
        if (a.journalAbbrev != null && !a.journalAbbrev.isBlank()) {
            d.add(new Field(IndexFields.JOURNAL, a.journalAbbrev, LIST));
            d.add(new Field(IndexFields.JOURNAL_ABBREV, a.journalAbbrev, LIST));
        }
        if (a.journal != null && !a.journal.isBlank()) {
            d.add(new Field(IndexFields.JOURNAL_ABBREV, a.journal, LIST));
        }
        for (String lang : a.languageList()) {
            d.add(new StringField(IndexFields.LANGUAGE, lang.toLowerCase(Locale.ROOT), Field.Store.NO));
            if (!lang.isBlank()) {
                d.add(new SortedSetDocValuesFacetField(Facets.LANGUAGE.name(), lang.toLowerCase(Locale.ROOT)));
            }
        }
        if (a.year != null) {
            d.add(new IntPoint(IndexFields.YEAR, a.year));
            d.add(new StoredField(IndexFields.YEAR, a.year));
            d.add(new NumericDocValuesField(IndexFields.YEAR_SORT, a.year));
            d.add(new SortedSetDocValuesFacetField(Facets.YEAR.name(), Integer.toString(a.year)));
        }
        addCatchAll(d);
        d.add(new StringField(IndexFields.PHRASES, PhraseIndex.standard().version(), Field.Store.NO));
        addTags(d, a.tags);
        addSuggested(d, a.currentSuggestions());
        float boost = rankBoost(a.year, a.publicationTypes);
        d.add(new FeatureField(IndexFields.FEATURES, IndexFields.RANK_FEATURE, boost));
        d.add(new NumericDocValuesField(IndexFields.RANK_SORT, rankOrder(boost)));
        try {
            return Facets.CONFIG.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each tag as an exact, case-insensitive term of its dimension's field ({@link IndexFields#tag}) and as a
     * facet value of the dimension (named by its key, the value as the reviewer wrote it). Tags of a dimension
     * this version does not know are left out. Call {@link Facets#CONFIG}'s {@code build} on the document after.
     */
    public static void addTags(Document d, Collection<Tag> tags) {
        for (Tag t : tags) {
            Optional<TagDimension> dimension = TagDimension.byKey(t.dimension);
            if (dimension.isEmpty() || t.value == null || t.value.isBlank()) {
                continue;
            }
            d.add(new StringField(IndexFields.tag(dimension.get()), tagTerm(dimension.get(), t.value), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(dimension.get().key, t.value.trim()));
        }
    }

    /**
     * The suggested values of each dimension, as {@link #addTags} indexes confirmed ones but in the fields and facets
     * of {@link IndexFields#suggestedTag} and {@link Facets#SUGGESTED}. A frequency suggested as {@code both} is found
     * by {@code both}, {@code high} and {@code low}.
     */
    public static void addSuggested(Document d, Suggestions s) {
        if (s == null) {
            return;
        }
        addSuggestion(d, TagDimension.DESIGN, s.design());
        s.targets().forEach(x -> addSuggestion(d, TagDimension.TARGET, x));
        s.modalities().forEach(x -> addSuggestion(d, TagDimension.MODALITY, x));
        addSuggestion(d, TagDimension.FREQUENCY, s.frequency());
        addSuggestion(d, TagDimension.SESSIONS, s.sessions());
        addSuggestion(d, TagDimension.INTENSITY, s.intensity());
        addSuggestion(d, TagDimension.CONDITION, s.condition());
    }

    private static void addSuggestion(Document d, TagDimension dimension, Suggestion s) {
        if (s == null || s.value() == null || s.value().isBlank()) {
            return;
        }
        String field = IndexFields.suggestedTag(dimension);
        Set<String> terms = new LinkedHashSet<>();
        terms.add(tagTerm(dimension, s.value()));
        s.values().forEach(v -> terms.add(tagTerm(dimension, v)));
        terms.forEach(t -> d.add(new StringField(field, t, Field.Store.NO)));
        d.add(new SortedSetDocValuesFacetField(dimension.suggestedKey(), s.value().trim()));
    }

    /**
     * The indexed form of a tag value, shared by the document and the query: the dimension's own normal form
     * ({@code 010} sessions is {@code 10}, {@code 90%} intensity is {@code 90}; a value it refuses is only
     * trimmed) in lower case. One term per value, spaces, '/' and '-' included: {@code "deep tms"},
     * {@code "premotor/sma"}.
     */
    public static String tagTerm(TagDimension dimension, String value) {
        String v;
        try {
            v = dimension.normalise(value);
        } catch (IllegalArgumentException e) {
            v = tagPrefix(value);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** A tag value's start as typed before a truncation '*': trimmed, single spaces, lower case. */
    public static String tagPrefix(String value) {
        return value == null ? "" : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static final Set<String> EVIDENCE_TYPES = Set.of("randomized controlled trial",
            "controlled clinical trial", "clinical trial", "meta-analysis", "systematic review", "review",
            "practice guideline", "guideline");

    /**
     * The relevance bonus (1.0 to 1.25, added to BM25 as a FeatureField): up to +0.15 for recency (linear from 1990
     * to 2030) and +0.1 for a trial or a review publication type. Small next to the score of a telling word; for a
     * word most records hold (BM25 near 0) it decides the order, hence the index sort on it.
     */
    static float rankBoost(Integer year, List<String> publicationTypes) {
        float boost = 1f;
        if (year != null) {
            boost += RECENCY_BONUS * Math.max(0f, Math.min(1f, (year - 1990) / 40f));
        }
        for (String pt : publicationTypes) {
            if (EVIDENCE_TYPES.contains(pt.trim().toLowerCase(Locale.ROOT))) {
                boost += EVIDENCE_BONUS;
                break;
            }
        }
        return boost;
    }

    private static final float RECENCY_BONUS = 0.15f;
    private static final float EVIDENCE_BONUS = 0.1f;
    /** The most {@link #rankBoost} gives: the ranking pass bounds the bonus clause with it. */
    static final float MAX_RANK_BOOST = 1f + RECENCY_BONUS + EVIDENCE_BONUS;

    /** The bonus as the index sorts it ({@link IndexFields#RANK_SORT}): thousandths, so equal bonuses sort equal. */
    static long rankOrder(float boost) {
        return Math.round(boost * 1000.0);
    }

    /** Lower case, without a resolver prefix ("https://doi.org/", "doi:"). */
    public static String normaliseDoi(String doi) {
        String d = doi.trim().toLowerCase(Locale.ROOT);
        for (String prefix : new String[]{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}) {
            if (d.startsWith(prefix)) {
                d = d.substring(prefix.length()).trim();
            }
        }
        return d;
    }

    private static long parseLong(String pmid) {
        try {
            return Long.parseLong(pmid);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
