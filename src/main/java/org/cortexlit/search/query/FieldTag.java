package org.cortexlit.search.query;

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
    /** No tag: every text field. */
    ALL(null, IndexFields.ALL_TEXT, "all", "all fields"),
    TI("ti", List.of(IndexFields.TITLE), "title"),
    AB("ab", List.of(IndexFields.ABSTRACT), "abstract"),
    TIAB("tiab", List.of(IndexFields.TITLE, IndexFields.ABSTRACT), "title/abstract"),
    AU("au", List.of(IndexFields.AUTHOR), "author"),
    MH("mh", List.of(IndexFields.MESH), "mesh", "mesh terms"),
    PT("pt", List.of(IndexFields.PUBLICATION_TYPE), "publication type"),
    DP("dp", List.of(IndexFields.YEAR), "pdat", "date of publication", "publication date"),
    PMID("pmid", List.of(IndexFields.PMID), "uid"),
    DOI("doi", List.of(IndexFields.DOI));

    /** PubMed tags that a later issue will support; named in the error so nobody thinks it is a typo. */
    private static final Set<String> NOT_YET = Set.of("1au", "lastau", "majr", "mesh major topic", "ta", "journal",
            "la", "language", "tw", "text word", "sh", "subheading", "fau", "full author name", "ad", "affiliation",
            "ot", "other term", "edat", "mhda", "crdt", "pa", "nm", "sb", "filter", "ps", "ed", "ir", "is", "vi",
            "ip", "pg", "aid", "lid", "mh:noexp", "mesh terms:noexp", "majr:noexp");

    private static final Map<String, FieldTag> BY_NAME = Arrays.stream(values())
            .flatMap(t -> Stream.concat(Stream.ofNullable(t.shortName), t.aliases.stream()).map(n -> Map.entry(n, t)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    static final String KNOWN = Arrays.stream(values()).filter(t -> t.shortName != null)
            .map(t -> "[" + t.shortName + "]").collect(Collectors.joining(", "));

    final String shortName;
    final List<String> fields;
    private final List<String> aliases;

    FieldTag(String shortName, List<String> fields, String... aliases) {
        this.shortName = shortName;
        this.fields = fields;
        this.aliases = List.of(aliases);
    }

    /** True for tags whose terms go through the text analyzer (as opposed to years and identifiers). */
    boolean isText() {
        return this != DP && this != PMID && this != DOI;
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
        if (name.contains(":~")) {
            throw new QuerySyntaxException("Proximity search [" + rawTag.strip() + "] at position " + position
                    + " is not supported yet; use a quoted phrase such as \"motor cortex\"[tiab]", position);
        }
        if (NOT_YET.contains(name)) {
            throw new QuerySyntaxException("Field tag [" + rawTag.strip() + "] at position " + position
                    + " is not supported yet; known tags: " + KNOWN, position);
        }
        throw new QuerySyntaxException("Unknown field tag [" + rawTag.strip() + "] at position " + position
                + "; known tags: " + KNOWN, position);
    }
}
