package org.cortexlit.suggest;

/**
 * A span of the record that supports a suggestion. {@code text} is exactly {@code field.substring(start, end)}.
 *
 * @param field {@code title}, {@code abstract} (offsets into {@link SuggestInput#abstractText()}),
 *              {@code publicationType}, {@code mesh} or {@code keyword}
 * @param index for the list fields, which entry of the list; null for {@code title} and {@code abstract}
 * @param start first character, inclusive
 * @param end   last character, exclusive
 * @param text  the characters of the span
 */
public record Evidence(String field, Integer index, int start, int end, String text) {

    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    public static final String PUBLICATION_TYPE = "publicationType";
    public static final String MESH = "mesh";
    public static final String KEYWORD = "keyword";
}
