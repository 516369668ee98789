package org.cortexlit.search.query;

import org.cortexlit.library.TagDimension;
import org.cortexlit.search.AuthorKeys;
import org.cortexlit.search.IndexFields;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The PubMed field tags we understand, with the long forms PubMed itself prints in "Search details". */
enum FieldTag {
    /** No tag: every text field, and the only place automatic term mapping ({@link TermMapping}) applies. */
    ALL(null, IndexFields.ALL_TEXT),
    /** {@code [all]}: the same fields as no tag, but a tag, so the term is searched as typed (no term mapping). */
    ALL_FIELDS("all", IndexFields.ALL_TEXT, "all fields"),
    TI("ti", List.of(IndexFields.TITLE), "title"),
    AB("ab", List.of(IndexFields.ABSTRACT), "abstract"),
    TIAB("tiab", List.of(IndexFields.TITLE, IndexFields.ABSTRACT), "title/abstract"),
    /** Text word: title, abstract, MeSH and author keywords (PubMed also adds a few fields we do not index). */
    TW("tw", List.of(IndexFields.TITLE, IndexFields.ABSTRACT, IndexFields.MESH, IndexFields.KEYWORD), "text word"),
    AU("au", List.of(IndexFields.AUTHOR_KEY), "author"),
    FIRST_AU("1au", List.of(IndexFields.FIRST_AUTHOR_KEY), "author - first", "first author"),
    LAST_AU("lastau", List.of(IndexFields.LAST_AUTHOR_KEY), "author - last", "last author"),
    // We index descriptors without the MeSH tree, so there is nothing to explode: [mh] already behaves like
    // PubMed's [mh:noexp], and the :noexp forms are accepted as plain aliases.
    MH("mh", List.of(IndexFields.MESH), "mesh", "mesh terms", "mh:noexp", "mesh:noexp", "mesh terms:noexp"),
    MAJR("majr", List.of(IndexFields.MESH_MAJOR), "mesh major topic", "majr:noexp", "mesh major topic:noexp"),
    PT("pt", List.of(IndexFields.PUBLICATION_TYPE), "publication type"),
    TA("ta", List.of(IndexFields.JOURNAL_ABBREV), "journal", "jour"),
    LA("la", List.of(IndexFields.LANGUAGE), "language", "lang"),
    DP("dp", List.of(IndexFields.YEAR), "pdat", "date of publication", "publication date"),
    PMID("pmid", List.of(IndexFields.PMID), "uid"),
    DOI("doi", List.of(IndexFields.DOI)),
    // Tags reviewers give studies, one field each, exact values: controlled[design], "deep TMS"[modality].
    DESIGN(TagDimension.DESIGN),
    TARGET(TagDimension.TARGET),
    MODALITY(TagDimension.MODALITY),
    FREQUENCY(TagDimension.FREQUENCY),
    SESSIONS(TagDimension.SESSIONS),
    INTENSITY(TagDimension.INTENSITY),
    CONDITION(TagDimension.CONDITION),
    // What the suggester proposed, one field each: controlled[design-suggested], M1[target-suggested].
    DESIGN_SUGGESTED(TagDimension.DESIGN, true),
    TARGET_SUGGESTED(TagDimension.TARGET, true),
    MODALITY_SUGGESTED(TagDimension.MODALITY, true),
    FREQUENCY_SUGGESTED(TagDimension.FREQUENCY, true),
    SESSIONS_SUGGESTED(TagDimension.SESSIONS, true),
    INTENSITY_SUGGESTED(TagDimension.INTENSITY, true),
    CONDITION_SUGGESTED(TagDimension.CONDITION, true);

    /** PubMed tags CortexLit does not support; named in the error so nobody thinks it is a typo. */
    private static final Set<String> UNSUPPORTED = Set.of("sh", "subheading", "fau", "full author name", "ad",
            "affiliation", "ot", "other term", "edat", "mhda", "crdt", "pa", "nm", "sb", "filter", "ps", "ed", "ir",
            "is", "vi", "ip", "pg", "aid", "lid", "mh:exp", "majr:exp", "sh:noexp");

    private static final Map<String, FieldTag> BY_NAME = Arrays.stream(values())
            .flatMap(t -> Stream.concat(Stream.ofNullable(t.shortName), t.aliases.stream()).map(n -> Map.entry(n, t)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    static final String KNOWN = Arrays.stream(values()).filter(t -> t.shortName != null)
            .map(t -> "[" + t.shortName + "]").collect(Collectors.joining(", "));

    final String shortName;
    final List<String> fields;
    /** The tag dimension a reviewers' tag searches; null for the PubMed tags. */
    final TagDimension dimension;
    private final List<String> aliases;

    FieldTag(String shortName, List<String> fields, String... aliases) {
        this.shortName = shortName;
        this.fields = fields;
        this.dimension = null;
        this.aliases = List.of(aliases);
    }

    FieldTag(TagDimension dimension) {
        this(dimension, false);
    }

    FieldTag(TagDimension dimension, boolean suggested) {
        this.shortName = suggested ? dimension.suggestedKey() : dimension.key;
        this.fields = List.of(suggested ? IndexFields.suggestedTag(dimension) : IndexFields.tag(dimension));
        this.dimension = dimension;
        this.aliases = List.of();
    }

    /** A tag dimension ([design], [target]...): exact values, never term mapping, never analyzed. */
    boolean isReviewerTag() {
        return dimension != null;
    }

    /** Tags searched through {@link AuthorKeys}: PubMed's author forms, not analyzed text. */
    boolean isAuthor() {
        return this == AU || this == FIRST_AU || this == LAST_AU;
    }

    /** Tags that accept proximity ({@code "motor cortex pain"[tiab:~3]}), as in PubMed. */
    boolean allowsProximity() {
        return this == TI || this == AB || this == TIAB;
    }

    /** The canonical way to write this tag after a term; empty for {@link #ALL}. */
    String suffix() {
        return shortName == null ? "" : "[" + shortName + "]";
    }

    /** Resolves the text between the brackets, case-insensitively and tolerant of spacing. */
    static FieldTag lookup(String rawTag, int position) throws QuerySyntaxException {
        String name = rawTag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([/:]) ?", "$1");
        FieldTag tag = BY_NAME.get(name);
        if (tag != null) {
            return tag;
        }
        if (name.isEmpty()) {
            throw new QuerySyntaxException("Empty field tag [] at position " + position + "; known tags: " + KNOWN, position);
        }
        if (UNSUPPORTED.contains(name)) {
            throw new QuerySyntaxException("Field tag [" + rawTag.strip() + "] at position " + position
                    + " is not supported yet; known tags: " + KNOWN, position);
        }
        throw new QuerySyntaxException("Unknown field tag [" + rawTag.strip() + "] at position " + position
                + "; known tags: " + KNOWN, position);
    }
}
