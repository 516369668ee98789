package org.cortexlit.search;

import org.cortexlit.library.TagDimension;

import java.util.List;
import java.util.Set;

/** Names of the Lucene fields, shared by the document builder, the query translator and the highlighter. */
public final class IndexFields {

    private IndexFields() {
    }

    /** The article's key (its PMID, or CL&lt;id&gt; for a record without one): StringField, stored. The document's
     * unique key. */
    public static final String KEY = "key";
    /** PMID, digits only: StringField, stored; absent for a record without one. */
    public static final String PMID = "pmid";
    /** DOI, lower case, no resolver prefix: StringField, stored. */
    public static final String DOI = "doi";
    /** Plain title: TextField, stored (for highlighting). */
    public static final String TITLE = "title";
    /** Plain abstract with section labels: TextField, stored (for highlighting). */
    public static final String ABSTRACT = "abstract";
    /** One value per author, "Lastname Initials" (e.g. "Lefaucheur JP") or the collective name:
     * TextField; values are separated by a large position gap so phrases never cross two authors. */
    public static final String AUTHOR = "author";
    /** Stored only: the first three authors as a list of results names them ("Lefaucheur JP, Nguyen JP, et al."). */
    public static final String AUTHOR_LINE = "author_line";
    /** One value per author, {@link AuthorKeys#key} of "Lastname Initials" ("lefaucheur jp") or the collective
     * name: StringField, for PubMed's author forms ({@code lefaucheur j[au]} is a prefix of "lefaucheur jp"). */
    public static final String AUTHOR_KEY = "author_key";
    /** {@link AuthorKeys#key} of the first author: StringField, for [1au]. */
    public static final String FIRST_AUTHOR_KEY = "author_first";
    /** {@link AuthorKeys#key} of the last author: StringField, for [lastau]. */
    public static final String LAST_AUTHOR_KEY = "author_last";
    /** Journal ISO abbreviation (or MedlineTA) and full title: TextField, for [ta]. */
    public static final String JOURNAL_ABBREV = "ta";
    /** One value per MeSH descriptor: TextField. */
    public static final String MESH = "mesh";
    /** One value per MeSH descriptor marked major: TextField. */
    public static final String MESH_MAJOR = "mesh_major";
    /** One value per author keyword: TextField. */
    public static final String KEYWORD = "keyword";
    /** One value per publication type, e.g. "Randomized Controlled Trial": TextField. */
    public static final String PUBLICATION_TYPE = "pt";
    /** Journal full title and abbreviation: TextField, the full title stored. */
    public static final String JOURNAL = "journal";
    /** Three-letter language codes, lower case: StringField. */
    public static final String LANGUAGE = "lang";
    /** Publication year: IntPoint for ranges, NumericDocValues for sorting, stored. */
    public static final String YEAR = "year";
    /** Publication year for sorting newest first (NumericDocValues; missing years sort last). */
    public static final String YEAR_SORT = "year_sort";
    /** First author's key (SortedDocValues), for sorting by first author. */
    public static final String FIRST_AUTHOR_SORT = "author_first_sort";
    /** Journal title in lower case (SortedDocValues), for sorting by journal. */
    public static final String JOURNAL_SORT = "journal_sort";
    /** Static ranking features (FeatureField): {@link #RANK_FEATURE}. */
    public static final String FEATURES = "features";
    /** The feature of {@link #FEATURES} holding the relevance bonus (1.0 to 1.25, {@code ArticleDocuments.rankBoost}):
     * newer records and trials/reviews rank a little higher. Added to the text score, so block-max WAND still skips. */
    public static final String RANK_FEATURE = "rank";
    /**
     * The same bonus in thousandths (NumericDocValues), the index's sort: each segment holds its documents best bonus
     * first, so the blocks further on carry a lower maximum bonus, and block-max WAND can skip them once the page is
     * full. Without it, for a word most records hold (a BM25 score near 0) the bonus decides the rank, every block of
     * 128 documents holds a recent trial, and the ranking pass scored every hit.
     */
    public static final String RANK_SORT = "rank_sort";
    /** PMID as a number (minus the internal id for a record without PMID), NumericDocValues, for a stable
     * tie-break in every sort. */
    public static final String PMID_SORT = "pmid_sort";

    /**
     * One field per tag dimension ({@code tag_design}, {@code tag_target}...): StringField holding
     * {@link ArticleDocuments#tagTerm} of each value, so {@code m1[target]} finds "M1" and "deep TMS" is one term.
     */
    public static String tag(TagDimension dimension) {
        return "tag_" + dimension.key;
    }

    /** The values the suggester proposes in a dimension, searched as {@code controlled[design-suggested]}. */
    public static String suggestedTag(TagDimension dimension) {
        return "sug_" + dimension.key;
    }

    /**
     * Every value of the {@link #ALL_TEXT} fields again, in one field (TextField, not stored; values apart by
     * {@link #POSITION_GAP}, so a phrase never joins two of them), the title twice. An untagged word is one posting
     * list here instead of seven, scored here alone: a title match counts double through the second copy.
     */
    public static final String ALL = "all";

    /** Fields an untagged term searches. Not the tag fields: tags are reviewers' judgements, not the article's
     * words, so {@code controlled} finds "sham-controlled" in an abstract and only {@code controlled[design]}
     * finds the tag. */
    public static final List<String> ALL_TEXT = List.of(TITLE, ABSTRACT, AUTHOR, MESH, KEYWORD, PUBLICATION_TYPE, JOURNAL);

    /** The text fields that also hold the {@link PhraseIndex} tokens of the field's multi-word terms. */
    public static final Set<String> PHRASE_FIELDS = Set.of(TITLE, ABSTRACT, MESH, MESH_MAJOR, ALL);

    /** The version of the phrase list a document was indexed with (StringField, not stored): {@link PhraseIndex}. */
    public static final String PHRASES = "phrases";

    /** Position gap between values of a multi-valued text field. */
    public static final int POSITION_GAP = 100;
}
